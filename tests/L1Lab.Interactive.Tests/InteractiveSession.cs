using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace L1Lab.Interactive.Tests;

/// <summary>
/// A client of dotnet-interactive's stdio connection, as VS Code's Polyglot Notebooks extension is one: it starts
/// <c>dotnet-interactive [vscode] stdio --working-dir DIR</c>, waits for the <c>KernelReady</c> event, and then
/// writes one JSON command envelope per line to stdin and reads one JSON event envelope per line from stdout.
/// Disposing it kills the whole process tree (the kernel starts <c>dotnet restore</c> for <c>#r "nuget:"</c>).
/// </summary>
public sealed class InteractiveSession : IDisposable
{
    static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);
    const int KeptStderrChars = 8000;

    readonly Process _process;
    readonly TempDirectory _temp;
    readonly Channel<KernelEvent> _events = Channel.CreateUnbounded<KernelEvent>(new() { SingleReader = true, SingleWriter = true });
    readonly StringBuilder _stderr = new();
    readonly Task _reader;
    int _submissions;

    InteractiveSession(Process process, TempDirectory temp)
    {
        _process = process;
        _temp = temp;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
                if (_stderr.Length > 2 * KeptStderrChars) _stderr.Remove(0, _stderr.Length - KeptStderrChars);
            }
        };
        _process.BeginErrorReadLine();
        _reader = Task.Run(ReadEventsAsync);
    }

    /// <summary>How long the kernel took from process start to <c>KernelReady</c>.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>The kernels dotnet-interactive announced in <c>KernelReady</c> (local names such as <c>csharp</c>).</summary>
    public IReadOnlyList<string> KernelNames { get; private set; } = [];

    /// <summary>Starts the tool the way VS Code does and waits for its <c>KernelReady</c> event.</summary>
    public static InteractiveSession Start(string executable, string workingDirectory)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in new[] { "[vscode]", "stdio", "--working-dir", workingDirectory }) info.ArgumentList.Add(a);
        // No telemetry, no first-run banner; no MSBuild nodes or build server outliving the kernel's `dotnet restore`.
        info.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_INTERACTIVE_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        // The tool's launcher finds the runtime through DOTNET_ROOT when dotnet is not in a default location.
        if (Path.IsPathRooted(TestPaths.Dotnet))
            info.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(new FileInfo(TestPaths.Dotnet).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? TestPaths.Dotnet);

        // Its own temp folder, removed with it: the kernel's NuGet restores and the PowerShell kernel's pipe
        // sockets (left behind when the process is killed) go there.
        var temp = new TempDirectory("tmp");
        info.Environment["TMPDIR"] = temp.Path;

        var watch = Stopwatch.StartNew();
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch
        {
            temp.Dispose();
            throw;
        }
        var session = new InteractiveSession(process, temp);
        try
        {
            var ready = session.WaitFor(e => e.EventType == "KernelReady", ReadyTimeout, "KernelReady");
            session.StartupTime = watch.Elapsed;
            session.KernelNames = ready.Event["kernelInfos"] is JsonArray infos
                ? [.. infos.OfType<JsonObject>().Select(k => (string?)k["localName"] ?? "")]
                : [];
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Submits <paramref name="code"/> to the C# kernel (a <c>SubmitCode</c> command) and collects its events until
    /// <c>CommandSucceeded</c> or <c>CommandFailed</c> for it arrives.
    /// </summary>
    /// <exception cref="TimeoutException">No terminal event within <paramref name="timeout"/>.</exception>
    /// <exception cref="InvalidOperationException">The process ended first.</exception>
    public Submission Submit(string code, TimeSpan timeout)
    {
        var token = $"l1lab-test-{++_submissions}";
        var envelope = new JsonObject
        {
            ["token"] = token,
            ["commandType"] = "SubmitCode",
            ["command"] = new JsonObject { ["code"] = code, ["targetKernelName"] = "csharp" },
        };
        var watch = Stopwatch.StartNew();
        _process.StandardInput.Write(envelope.ToJsonString() + "\n");
        _process.StandardInput.Flush();

        var events = new List<KernelEvent>();
        bool Mine(KernelEvent e) => e.CommandToken is { } t && (t == token || t.StartsWith(token + ".", StringComparison.Ordinal));
        WaitFor(e =>
        {
            if (!Mine(e)) return false;
            events.Add(e);
            return e.CommandToken == token && e.EventType is "CommandSucceeded" or "CommandFailed";
        }, timeout, $"the end of submission {token}", () => events);
        return new Submission(code, events, watch.Elapsed);
    }

    /// <summary>The last lines dotnet-interactive wrote to stderr (for failure messages).</summary>
    public string StderrTail
    {
        get { lock (_stderr) return _stderr.ToString(); }
    }

    KernelEvent WaitFor(Func<KernelEvent, bool> done, TimeSpan timeout, string what, Func<List<KernelEvent>>? soFar = null)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var next = _events.Reader.ReadAsync(cancel.Token).AsTask().GetAwaiter().GetResult();
                if (done(next)) return next;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"dotnet-interactive: no {what} within {timeout.TotalSeconds} s. Events so far: "
                + string.Join(", ", soFar?.Invoke().Select(e => e.EventType) ?? []) + $"\nstderr:\n{StderrTail}");
        }
        catch (ChannelClosedException)
        {
            _process.WaitForExit(5000);
            throw new InvalidOperationException($"dotnet-interactive ended (exit code {(_process.HasExited ? _process.ExitCode : -1)}) before {what}\nstderr:\n{StderrTail}");
        }
    }

    async Task ReadEventsAsync()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
                if (KernelEvent.TryParse(line) is { } e) await _events.Writer.WriteAsync(e);
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException) { }
        _reader.Wait(TimeSpan.FromSeconds(5));
        _process.Dispose();
        _temp.Dispose();
    }
}
