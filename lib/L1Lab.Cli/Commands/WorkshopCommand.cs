using System.CommandLine;
using System.Globalization;
using L1Lab.Notebooks;
using L1Lab.Workshop;

namespace L1Lab.Cli.Commands;

/// <summary>
/// <c>l1lab workshop release &lt;notebooks…&gt; --out DIR</c> writes the student versions of instructor notebooks;
/// <c>l1lab workshop grade &lt;submissions…&gt; --out DIR [--key notebooks/] [--cell-timeout S] [--quick] [--set name=value]… [--no-sandbox]</c>
/// grades learners' notebooks against them and writes grades.csv and a feedback page per submission. Bad arguments
/// are one line and exit code 2; a broken submission is graded (with zero for what it breaks), not an error.
/// </summary>
public static class WorkshopCommand
{
    /// <summary>Builds the <c>workshop</c> command with <c>release</c>, <c>grade</c> and the hidden <c>run-submission</c>.</summary>
    public static Command Create() => new("workshop", "Run a workshop: student notebooks without solutions, and an autograder for the exercises.")
    {
        Release(), Grade(), WorkshopHomesCommands.Collect(), WorkshopHomesCommands.Return(), RunSubmission(),
    };

    static Command Release()
    {
        var files = new Argument<string[]>("notebooks") { Description = "Instructor notebooks (.ipynb) to release.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Folder for the student notebooks (same file names).", Required = true };
        var command = new Command("release", "Write student versions: solutions replaced by stubs that throw NotImplementedException, hidden tests removed, outputs cleared.")
        {
            files, output,
        };
        command.SetAction(parseResult =>
        {
            var notebooks = parseResult.GetValue(files) ?? [];
            var outDirectory = parseResult.GetValue(output)!;
            foreach (var notebook in notebooks) InputPath.File(notebook, "notebook");
            if (notebooks.Select(Path.GetFileName).GroupBy(n => n).FirstOrDefault(g => g.Count() > 1) is { } twice)
                throw new UsageException($"{OutputLocation.Shown(twice.Key!)} is given twice; the releases would overwrite each other in {OutputLocation.Shown(outDirectory)}");
            var outFull = OutputLocation.FullPath(outDirectory, "--out");
            if (notebooks.Any(f => string.Equals(Path.GetDirectoryName(Path.GetFullPath(f)), outFull.TrimEnd('/'), StringComparison.Ordinal)))
                throw new UsageException($"--out {OutputLocation.Shown(outDirectory)}: is the instructor notebooks' own folder; choose another folder");
            OutputLocation.Prepare(outDirectory, "--out");
            IReadOnlyList<string> written;
            try
            {
                written = StudentRelease.Write(notebooks, outDirectory);
            }
            catch (Exception e) when (e is WorkshopException or NotebookException)
            {
                throw new UsageException(e.Message);
            }
            foreach (var path in written) parseResult.InvocationConfiguration.Output.WriteLine($"released {path}");
            return ExitCodes.Ok;
        });
        return command;
    }

    static Command Grade()
    {
        var submissions = new Argument<string[]>("submissions")
        {
            Description = "Learners' notebooks, or folders searched for .ipynb files; each is graded against the key notebook of the same file name.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out") { Description = "Folder for grades.csv and the feedback pages.", Required = true };
        var key = new Option<string>("--key") { Description = "Folder of the instructor notebooks.", DefaultValueFactory = _ => "notebooks" };
        var timeout = new Option<double>("--cell-timeout") { Description = "Seconds one cell may run before it is stopped.", DefaultValueFactory = _ => 300 };
        var set = ParameterAssignments.SetOption("Override a parameters-cell variable, e.g. --set epochs=1 (repeatable).");
        var quick = ParameterAssignments.QuickOption();
        var noSandbox = new Option<bool>("--no-sandbox") { Description = "Run learners' code unconfined, with your rights (only where bubblewrap is unavailable and you trust the code)." };
        var command = new Command("grade", "Grade submissions: the key's full tests replace the learner's, each submission runs in its own process; writes grades.csv and feedback pages.")
        {
            submissions, output, key, timeout, set, quick, noSandbox,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var keyDirectory = parseResult.GetValue(key)!;
            var seconds = parseResult.GetValue(timeout);
            var outDirectory = parseResult.GetValue(output)!;
            InputPath.Folder(keyDirectory, "--key");
            Cli.Require(seconds > 0 && double.IsFinite(seconds) && seconds <= 86_400, $"--cell-timeout {seconds.ToString(CultureInfo.InvariantCulture)}: give a number of seconds between 0 and 86400");
            var parameters = ParameterAssignments.Parse(parseResult.GetValue(set) ?? []);
            var files = Expand(parseResult.GetValue(submissions) ?? []);
            var sandbox = parseResult.GetValue(noSandbox) ? null : GradingSandbox.Find()
                ?? throw new UsageException(OperatingSystem.IsLinux()
                    ? "workshop grade: bubblewrap (bwrap) is not installed, so learners' code would run with your rights; install it (apt-get install bubblewrap) or pass --no-sandbox"
                    : "workshop grade: the grading sandbox needs Linux and bubblewrap; on this system pass --no-sandbox to run learners' code with your rights");

            var keyFiles = Directory.EnumerateFiles(keyDirectory, "*.ipynb").ToList();
            foreach (var file in files.Select(Path.GetFileName).Distinct().Select(n => Path.Combine(keyDirectory, n!)).Where(File.Exists))
            {
                try
                {
                    if (AnswerKey.Load(file).Exercises.Count == 0) throw new UsageException($"--key: {file} has no graded test cells");
                }
                catch (Exception e) when (e is WorkshopException or NotebookException)
                {
                    throw new UsageException($"--key: {e.Message}");
                }
            }
            var keyValues = ParameterAssignments.Resolve(keyFiles.Where(f => SafeDeclared(f) is not null).ToList(), parameters, parseResult.GetValue(quick));

            OutputLocation.Prepare(outDirectory, "--out");
            var console = parseResult.InvocationConfiguration.Output;
            return GradeAsync(files, new GradingOptions
            {
                KeyDirectory = keyDirectory,
                OutDirectory = outDirectory,
                Runner = Self(),
                Sandbox = sandbox,
                CellTimeout = TimeSpan.FromSeconds(seconds),
                Parameters = parameters,
                KeyParameters = keyValues.ToDictionary(kv => Path.GetFileName(kv.Key), kv => kv.Value, StringComparer.Ordinal),
                Progress = line => console.WriteLine(line),
            }, console, cancellationToken);
        });
        return command;
    }

    static async Task<int> GradeAsync(IReadOnlyList<string> files, GradingOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await output.WriteLineAsync(options.Sandbox?.Describe() ?? "no sandbox: learners' code runs with your rights").ConfigureAwait(false);
        var report = await Grader.GradeAsync(files, options, cancellationToken).ConfigureAwait(false);
        var seconds = started.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        await output.WriteLineAsync($"graded {files.Count} submission{(files.Count == 1 ? "" : "s")} in {seconds} s: {report.CsvPath}, feedback pages in {options.OutDirectory}").ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    static Command RunSubmission()
    {
        var notebook = new Argument<string>("notebook");
        var timeout = new Option<double>("--cell-timeout") { DefaultValueFactory = _ => 300 };
        var set = new Option<string[]>("--set") { Arity = ArgumentArity.ZeroOrMore };
        var endStray = new Option<bool>("--end-stray-processes");
        var command = new Command("run-submission", "Used by 'workshop grade': runs one merged submission and reports each cell.")
        {
            notebook, timeout, set, endStray,
        };
        command.Hidden = true;
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var token = Console.In.ReadLine()?.Trim() ?? "";
            await using var events = Console.OpenStandardOutput();
            return await SubmissionRun.RunAsync(parseResult.GetValue(notebook)!, ParameterAssignments.Parse(parseResult.GetValue(set) ?? []),
                TimeSpan.FromSeconds(parseResult.GetValue(timeout)), token, events, cancellationToken, parseResult.GetValue(endStray)).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>How to start this same program again (the app host, or dotnet with L1Lab.Cli.dll).</summary>
    static RunnerCommand Self()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        var entry = typeof(WorkshopCommand).Assembly.Location;
        return Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? new RunnerCommand(process, [entry])
            : new RunnerCommand(process, []);
    }

    /// <summary>Files as given and the .ipynb files under given folders (checkpoint folders skipped), in a stable order.</summary>
    static List<string> Expand(string[] paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                InputPath.File(path, "submission");
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*.ipynb", SearchOption.AllDirectories)
                    .Where(f => !f.Split(Path.DirectorySeparatorChar).Contains(".ipynb_checkpoints"))
                    .Order(StringComparer.Ordinal).ToList();
                Cli.Require(found.Count > 0, $"{path}: no .ipynb files in this folder");
                files.AddRange(found);
            }
            else throw new UsageException($"{path}: no such file or folder");
        }
        return files;
    }

    /// <summary>The parameters <paramref name="notebook"/> declares; null when it is not a readable notebook (graded as such, not a usage error).</summary>
    static IReadOnlyList<string>? SafeDeclared(string notebook)
    {
        try
        {
            return NotebookParameters.Declared(notebook);
        }
        catch (NotebookException)
        {
            return null;
        }
    }
}
