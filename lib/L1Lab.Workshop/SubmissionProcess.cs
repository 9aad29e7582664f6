using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace L1Lab.Workshop;

/// <summary>
/// Runs one merged submission in its own l1lab process and collects each cell's outcome. With a
/// <see cref="GradingSandbox"/> the process runs under bubblewrap and sees its notebook at the key notebook's path,
/// in a private folder that hides the key folder; without one (<c>--no-sandbox</c>) the notebook sits at the same
/// relative place in a temporary folder, next to links to the course folders it needs. Either way the key's tests
/// reach the child only inside the merged notebook. A cell that ends the process (<c>Environment.Exit</c>, a stack
/// overflow, a limit) or hangs past the time limit is recorded, blanked, and the notebook is run again from the top,
/// so the cells after it are still graded.
/// </summary>
internal static class SubmissionProcess
{
    /// <summary>How many times a notebook is restarted after a cell ended or hung its process.</summary>
    const int MaxRestarts = 4;

    /// <summary>Longest line read from the child; longer lines (a cell writing to the raw standard output) are skipped.</summary>
    const int MaxLineCharacters = 1 << 16;

    /// <summary>Extra time beyond the cell limit before a silent child is killed (a cell that ignores cancellation).</summary>
    static readonly TimeSpan Grace = TimeSpan.FromSeconds(15);

    /// <summary>A managed-heap ceiling, so a runaway cell fails with OutOfMemoryException instead of exhausting the machine.</summary>
    const string HeapHardLimit = "0xC0000000";

    public sealed record Result(IReadOnlyDictionary<int, CellOutcome> Cells, string? Problem);

    public static async Task<Result> RunAsync(MergedSubmission merged, AnswerKey key, GradingOptions options,
        IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("l1lab-grade-");
        try
        {
            var visible = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(key.Path))!, key.FileName);
            var readOnly = CourseView.ReadOnlyFolders(key, options.Runner);
            var path = options.Sandbox is null ? Mirror(folder.FullName, visible, readOnly) : Path.Combine(folder.FullName, key.FileName);
            var outcomes = new Dictionary<int, CellOutcome>();
            var blanked = new HashSet<int>();
            var cells = merged.Notebook.Cells;
            var codeCells = cells.Count(c => c.IsCode);
            for (var attempt = 0; ; attempt++)
            {
                var copy = merged.Notebook.Copy();
                foreach (var number in blanked) copy.Cells[number - 1].SetSource("");
                File.WriteAllText(path, copy.ToJson());
                // The sandboxed child may run as an unnamed user: it reads the notebook through a bind mount, never this folder.
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

                var start = options.Sandbox is { } sandbox
                    ? Sandboxed(sandbox, path, visible, readOnly, options, parameters, codeCells)
                    : Unconfined(path, options, parameters);
                var run = await RunChildAsync(start, options, cancellationToken).ConfigureAwait(false);
                foreach (var e in run.Events.Where(e => e.Kind == CellEventKind.Cell && !blanked.Contains(e.Cell)))
                    outcomes[e.Cell] = new CellOutcome(e.Status ?? CellRunStatus.Failed, e.Message);
                if (run.Events.FirstOrDefault(e => e.Kind == CellEventKind.Error) is { } error) return new Result(outcomes, error.Message);
                if (run.Events.Any(e => e.Kind == CellEventKind.Done)) return new Result(outcomes, null);
                if (!run.Events.Any(e => e.Kind == CellEventKind.Started))
                    return new Result(outcomes, $"the grading process did not start ({run.Describe()})");

                var last = run.Events.Where(e => e.Kind == CellEventKind.Cell).Select(e => e.Cell).DefaultIfEmpty(0).Max();
                var culprit = Enumerable.Range(last + 1, Math.Max(0, cells.Count - last))
                    .FirstOrDefault(n => cells[n - 1].IsCode && !blanked.Contains(n));
                if (culprit == 0) return new Result(outcomes, null);
                outcomes[culprit] = run.Hung
                    ? new CellOutcome(CellRunStatus.Timeout, $"did not finish within {Seconds(options.CellTimeout)} s and ignored being stopped, so its process was killed")
                    : new CellOutcome(CellRunStatus.Crashed, $"ended the grading process ({run.Describe()}), e.g. by calling Environment.Exit, by a stack overflow or by passing a sandbox limit");
                blanked.Add(culprit);
                if (attempt == MaxRestarts)
                    return new Result(outcomes, $"gave up after {MaxRestarts + 1} runs that each ended early");
            }
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is not worth failing the grading for.
            }
        }
    }

    /// <summary>
    /// Without a sandbox: the notebook's path inside <paramref name="folder"/> mirrors <paramref name="visible"/>, and
    /// each read-only course folder is a link at its mirrored place, so relative <c>#r</c> lines and the data search
    /// work as they do next to the key.
    /// </summary>
    static string Mirror(string folder, string visible, IReadOnlyList<string> readOnly)
    {
        string Inside(string path) => Path.Combine(folder, Path.GetFullPath(path).TrimStart(Path.DirectorySeparatorChar));
        var path = Inside(visible);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        foreach (var target in readOnly)
        {
            var link = Inside(target);
            if (Directory.Exists(link) || File.Exists(link)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(link)!);
            Directory.CreateSymbolicLink(link, target);
        }
        return path;
    }

    /// <summary>The arguments after the program: <c>workshop run-submission</c>, the notebook, the limit and the parameters.</summary>
    static List<string> ChildArguments(RunnerCommand runner, string notebook, GradingOptions options, IReadOnlyDictionary<string, string> parameters)
    {
        var args = new List<string>(runner.Arguments) { "workshop", "run-submission", notebook, "--cell-timeout", Seconds(options.CellTimeout) };
        foreach (var (name, value) in parameters) args.AddRange(["--set", $"{name}={value}"]);
        return args;
    }

    static ProcessStartInfo Unconfined(string notebook, GradingOptions options, IReadOnlyDictionary<string, string> parameters)
    {
        var start = Redirected(options.Runner.FileName, Path.GetDirectoryName(notebook)!);
        foreach (var a in ChildArguments(options.Runner, notebook, options, parameters)) start.ArgumentList.Add(a);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_GCHeapHardLimit"] = HeapHardLimit;
        return start;
    }

    static ProcessStartInfo Sandboxed(GradingSandbox sandbox, string notebook, string visible, IReadOnlyList<string> readOnly,
        GradingOptions options, IReadOnlyDictionary<string, string> parameters, int codeCells)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = "/usr/bin:/bin",
            ["HOME"] = "/tmp",
            ["TMPDIR"] = "/tmp",
            ["XDG_CACHE_HOME"] = "/tmp/.cache",
            ["LANG"] = "C.UTF-8",
            ["NO_COLOR"] = "1",
            ["DOTNET_ROOT"] = CourseView.RuntimeRoot(),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_EnableDiagnostics"] = "0",
            ["DOTNET_GCHeapHardLimit"] = HeapHardLimit,
        };
        var command = ChildArguments(options.Runner, visible, options, parameters).Prepend(options.Runner.FileName).Append("--end-stray-processes").ToList();
        var start = Redirected(sandbox.BubblewrapPath, Path.GetDirectoryName(notebook)!);
        foreach (var a in sandbox.Arguments(notebook, visible, readOnly, environment, GradingSandbox.CpuSeconds(options.CellTimeout, codeCells), command))
            start.ArgumentList.Add(a);
        // bwrap itself gets nothing of the grader's environment either: the sandbox can read its own PID 1's.
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/bin:/bin:/usr/sbin:/sbin";
        return start;
    }

    static ProcessStartInfo Redirected(string fileName, string workingDirectory) => new(fileName)
    {
        WorkingDirectory = workingDirectory,
        RedirectStandardInput = true,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
        StandardOutputEncoding = Encoding.UTF8,
    };

    static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    sealed record ChildRun(IReadOnlyList<CellEvent> Events, bool Hung, int? ExitCode, string ErrorTail)
    {
        public string Describe() =>
            (ExitCode is { } code ? $"exit code {code}" : "no exit code")
            + (ErrorTail.Length > 0 ? $"; it wrote: {ErrorTail.ReplaceLineEndings(" ").Trim()}" : "");
    }

    static async Task<ChildRun> RunChildAsync(ProcessStartInfo start, GradingOptions options, CancellationToken cancellationToken)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        using var process = ProcessOnOwnThread.Start(start);
        try
        {
            await process.StandardInput.WriteLineAsync(token).ConfigureAwait(false);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child ended before reading its token; its exit code and standard error tell why.
        }

        var events = new List<CellEvent>();
        var errorTail = new StringBuilder();
        var stderr = DrainAsync(process.StandardError, line =>
        {
            errorTail.Append(line).Append(' ');
            if (errorTail.Length > 600) errorTail.Remove(0, errorTail.Length - 600);
        });
        var lastEvent = Stopwatch.StartNew();
        var stdout = DrainAsync(process.StandardOutput, line =>
        {
            if (!line.StartsWith(token + " ", StringComparison.Ordinal) || CellEvent.Parse(line[(token.Length + 1)..]) is not { } e) return;
            lock (events) events.Add(e);
            lastEvent.Restart();
        });

        var hung = false;
        var limit = options.CellTimeout + Grace;
        while (!process.HasExited)
        {
            try
            {
                await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
            }
            catch (OperationCanceledException)
            {
                Kill(process);
                throw;
            }
            bool done;
            lock (events) done = events.Any(e => e.Kind is CellEventKind.Done or CellEventKind.Error);
            // After "done" a foreground thread left by a cell may keep the process alive: give it a moment, then end it.
            if (done && lastEvent.Elapsed > TimeSpan.FromSeconds(5) || !done && lastEvent.Elapsed > limit)
            {
                hung = !done;
                Kill(process);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        await Task.WhenAll(stdout, stderr).WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None).ConfigureAwait(false);
        List<CellEvent> snapshot;
        lock (events) snapshot = [.. events];
        return new ChildRun(snapshot, hung, hung ? null : process.ExitCode, errorTail.ToString().Trim());
    }

    static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Reads lines without ever holding more than <see cref="MaxLineCharacters"/> of one line.</summary>
    static async Task DrainAsync(StreamReader reader, Action<string> onLine)
    {
        var buffer = new char[8192];
        var line = new StringBuilder();
        var overlong = false;
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (c == '\n')
                {
                    if (!overlong) onLine(line.ToString().TrimEnd('\r'));
                    line.Clear();
                    overlong = false;
                }
                else if (!overlong)
                {
                    line.Append(c);
                    if (line.Length > MaxLineCharacters)
                    {
                        overlong = true;
                        line.Clear();
                    }
                }
            }
        }
        if (!overlong && line.Length > 0) onLine(line.ToString());
    }
}
