using System.Text.RegularExpressions;
using CsCheck;
using Xunit.Abstractions;

namespace L1Lab.Cli.Tests;

/// <summary>
/// Property over the option space of every command: random combinations of options and values (negative, NaN,
/// infinite, huge, empty, non-ASCII, very long and special paths, missing and unreadable files, a file where a folder
/// is expected) never end in an unhandled exception or a stack trace, and always give a documented exit code with one
/// line on stderr (none on success). Cases run in-process through <see cref="L1LabApp.Run"/>; the command lines that
/// could start training or execute a notebook always carry at least one invalid value, so no case does real work.
/// </summary>
/// <remarks>
/// Tests run as root here, so permissions cannot make a folder unwritable; the unwritable outputs are paths on the
/// kernel's file systems (/proc, /sys) and paths through an existing file (<c>file/child</c>); the unreadable input is
/// <c>/proc/self/mem</c>, which opens but fails on the first read.
/// </remarks>
public sealed partial class OptionSpaceProperties(OptionSpaceProperties.Paths paths, ITestOutputHelper log) : IClassFixture<OptionSpaceProperties.Paths>
{
    /// <summary>The files and folders the generated command lines point at, made once per class.</summary>
    public sealed class Paths : IDisposable
    {
        public readonly string Root = Directory.CreateTempSubdirectory("l1lab-options-").FullName;
        public readonly string File, FileChild, Folder, EmptyFolder, GarbageFolder, EmptyFile, Garbage, Missing, MissingFolder, LongName, LongPath, NonAscii, Out;

        public Paths()
        {
            File = Path.Combine(Root, "file");
            System.IO.File.WriteAllText(File, "not a folder");
            FileChild = Path.Combine(File, "child");
            Folder = Directory.CreateDirectory(Path.Combine(Root, "folder.ipynb")).FullName;
            EmptyFolder = Directory.CreateDirectory(Path.Combine(Root, "empty-folder")).FullName;
            GarbageFolder = Directory.CreateDirectory(Path.Combine(Root, "garbage-notebooks")).FullName;
            Garbage = Path.Combine(GarbageFolder, "garbage.ipynb");
            System.IO.File.WriteAllText(Garbage, "{ not json");
            EmptyFile = Path.Combine(Root, "empty.ipynb");
            System.IO.File.WriteAllText(EmptyFile, "");
            Missing = Path.Combine(Root, "missing", "none.ipynb");
            MissingFolder = Path.Combine(Root, "no-such-folder");
            LongName = Path.Combine(Root, new string('n', 300));
            LongPath = Path.Combine(Root, string.Concat(Enumerable.Repeat("abcdefghij/", 450)));
            NonAscii = Path.Combine(Root, "données λ 日本 😀");
            Out = Path.Combine(Root, "out");
        }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }

    static readonly string[] Numbers = ["-1", "0", "1", "-0", "NaN", "Infinity", "-Infinity", "1e308", "-1e308", "4294967296", "99999999999999999999", "", " ", "abc", "１", "0x10", "1,5"];
    static readonly string[] Modes = ["penalty", "proximal", "subgradient", "", "PENALTY", "sideways", "penalty,proximal", "1", "日本"];
    static readonly string[] Lambdas = ["0", "0,1e-4", "", ",", "NaN", "-1", "1,1", "Infinity", "a,b", "1e-3;1e-2", "1e309"];
    static readonly string[] Sets = ["epochs=1", "x", "=1", "a=b=c", "", "λ=1", "epochs=NaN", "trainSamples=-1"];
    static readonly string[] Names = ["l1lab-test", "", "../x", "a b", "日本", new string('k', 300), "-", "/"];

    /// <summary>Cases run by this class, over all its properties (reported in the test output).</summary>
    static int cases;

    static string[] Outputs(Paths p) => [p.Out, "", " ", p.File, p.FileChild, "/proc/l1lab-out", "/sys/l1lab-out", "/proc/self/l1lab-out", p.LongName, p.LongPath, p.NonAscii, Path.Combine(p.Root, "new\nline")];
    static string[] InputFiles(Paths p) => [p.Missing, p.Folder, p.EmptyFile, p.Garbage, "/proc/self/mem", "", p.LongName, p.FileChild, p.NonAscii, p.LongPath];
    static string[] InputFolders(Paths p) => [p.EmptyFolder, p.GarbageFolder, p.MissingFolder, p.File, "", "/proc/self/mem", p.LongName, p.FileChild, p.NonAscii];

    sealed record Option(string Name, string[]? Values);

    /// <summary>
    /// A command line: <paramref name="command"/>, each option with probability 1/3 (a value from its pool), and one
    /// option-value pair from <paramref name="forced"/> at a random place (a required invalid value, or a required option).
    /// </summary>
    static Gen<string[]> Line(string[] command, Option[] options, (string Name, string Value)[] forced) =>
        Gen.Int[0, 1 << 20].Array[options.Length + 2].Select(r =>
        {
            var pairs = new List<string[]>();
            for (int i = 0; i < options.Length; i++)
            {
                if (r[i] % 3 != 0) continue;
                var o = options[i];
                pairs.Add(o.Values is null ? [o.Name] : [o.Name, o.Values[r[i] / 3 % o.Values.Length]]);
            }
            if (forced.Length > 0)
            {
                var (name, value) = forced[r[^1] % forced.Length];
                pairs.Insert(r[^2] % (pairs.Count + 1), [name, value]);
            }
            return command.Concat(pairs.SelectMany(x => x)).ToArray();
        });

    [Fact]
    public void Reproduce_never_fails_unhandled()
    {
        var p = paths;
        Check(Line(["reproduce"],
            [
                new("--epochs", Numbers), new("--batch-size", Numbers), new("--lr", Numbers), new("--lambda", Numbers),
                new("--l1-mode", Modes), new("--device", ["cpu", "cuda", "gpu", ""]), new("--seed", Numbers),
                new("--train-samples", Numbers), new("--data-dir", InputFolders(p)), new("--out", Outputs(p)),
            ],
            [
                ("--out", "/proc/l1lab-out"), ("--out", "/sys/l1lab-out"), ("--out", p.FileChild), ("--out", p.File), ("--out", p.LongName), ("--out", p.LongPath), ("--out", ""),
                ("--data-dir", p.MissingFolder), ("--data-dir", p.File), ("--data-dir", ""), ("--train-samples", "0"), ("--train-samples", "-5"),
                ("--lambda", "NaN"), ("--lambda", "-1"), ("--lambda", "Infinity"), ("--epochs", "abc"), ("--l1-mode", "sideways"),
            ]), mayWork: false, iterations: 1500);
    }

    [Fact]
    public void Sweep_never_fails_unhandled()
    {
        var p = paths;
        Check(Line(["sweep"],
            [
                new("--lambdas", Lambdas), new("--l1-mode", Modes), new("--epochs", Numbers), new("--batch-size", Numbers),
                new("--lr", Numbers), new("--hidden", Numbers), new("--seeds", Numbers), new("--seed", Numbers),
                new("--train-samples", Numbers), new("--data-dir", InputFolders(p)), new("--out", Outputs(p)),
            ],
            [
                ("--out", "/proc/l1lab-out"), ("--out", "/sys/l1lab-out"), ("--out", p.FileChild), ("--out", p.File), ("--out", p.LongName), ("--out", ""),
                ("--data-dir", p.MissingFolder), ("--data-dir", p.File), ("--train-samples", "0"), ("--lambdas", "NaN"), ("--lambdas", ""),
                ("--seeds", "0"), ("--seeds", "2147483647"), ("--hidden", "0"), ("--hidden", "2147483647"), ("--l1-mode", "sideways"),
            ]), mayWork: false, iterations: 1500);
    }

    [Fact]
    public void Notebooks_run_never_fails_unhandled()
    {
        var p = paths;
        // Every notebook given is invalid (missing, a folder, empty, not JSON, unreadable), so nothing executes.
        var files = InputFiles(p);
        Check(Gen.Select(Gen.Int[0, 1 << 20].Array[1, 3], Line([], [new("--set", Sets), new("--set", Sets), new("--quick", null), new("--save-to", Outputs(p))], []),
            (f, rest) => new[] { "notebooks", "run" }.Concat(f.Select(i => files[i % files.Length])).Concat(rest).ToArray()),
            mayWork: false, iterations: 1500);
    }

    [Fact]
    public void Kernel_never_fails_unhandled()
    {
        var p = paths;
        // Every connection file is invalid, so no kernel starts; install and uninstall always name a --prefix (so the
        // user's own Jupyter folder is never touched) and may succeed there.
        var run = Line(["kernel"], [], [.. InputFiles(p).Select(f => ("--connection-file", f))]);
        Option[] location = [new("--user", null), new("--name", Names)];
        var prefixes = Outputs(p).Select(o => ("--prefix", o)).ToArray();
        var install = Line(["kernel", "install"], location, prefixes);
        var uninstall = Line(["kernel", "uninstall"], location, prefixes);
        Check(Gen.OneOf(run, install, uninstall), mayWork: true, iterations: 1500);
    }

    [Fact]
    public void Book_build_never_fails_unhandled()
    {
        var p = paths;
        var sources = InputFolders(p).Where(f => f != p.GarbageFolder).ToArray();
        // The notebooks folder is always one of ours (never the course's), and never one with a notebook that could run.
        Check(Line(["book", "build"],
            [new("--out", Outputs(p)), new("--set", Sets), new("--quick", null), new("--from", InputFolders(p)), new("--save-to", Outputs(p))],
            [.. sources.Select(f => ("--notebooks", f))]), mayWork: false, iterations: 1500);
    }

    [Fact]
    public void Book_build_checks_its_output_folders_before_reading_any_notebook()
    {
        var p = paths;
        // Valid sources (a folder with a notebook, taken as executed), so the checks reach --out and --save-to; --out is
        // always one that cannot be used, so no page is ever written.
        var bad = Outputs(p).Where(o => o != p.Out && o != p.NonAscii && !o.Contains('\n')).ToArray();
        Check(Line(["book", "build", "--from", p.GarbageFolder],
            [new("--set", Sets), new("--save-to", Outputs(p)), new("--notebooks", InputFolders(p))],
            [.. bad.Select(o => ("--out", o))]), mayWork: false, iterations: 500);
    }

    [Fact]
    public void Workshop_never_fails_unhandled()
    {
        var p = paths;
        // release: every notebook is invalid or not an instructor notebook, so nothing useful is released; grade: one
        // invalid --key, --cell-timeout or --out is always present, so no submission is ever run.
        var files = InputFiles(p);
        var release = Gen.Select(Gen.Int[0, 1 << 20].Array[1, 3], Line([], [new("--out", Outputs(p))], []),
            (f, rest) => new[] { "workshop", "release" }.Concat(f.Select(i => files[i % files.Length])).Concat(rest).ToArray());
        var grade = Gen.Select(Gen.Int[0, 1 << 20].Array[1, 3],
            Line([], [new("--out", Outputs(p)), new("--key", InputFolders(p)), new("--cell-timeout", Numbers), new("--set", Sets), new("--quick", null)],
                [("--key", p.MissingFolder), ("--key", p.File), ("--key", "/proc/self/mem"), ("--cell-timeout", "NaN"), ("--cell-timeout", "-1"), ("--cell-timeout", "0"),
                 ("--cell-timeout", "1e308"), ("--out", "/proc/l1lab-out"), ("--out", p.FileChild), ("--out", p.LongName), ("--out", "")]),
            (f, rest) => new[] { "workshop", "grade" }.Concat(f.Select(i => i % 2 == 0 ? p.Garbage : files[i % files.Length])).Concat(rest).ToArray());
        Check(Gen.OneOf(release, grade), mayWork: false, iterations: 1500);
    }

    [Fact]
    public void Readme_check_and_bad_command_lines_never_fail_unhandled()
    {
        // readme without --check may rewrite the README, so it is never generated; --check may exit 1 with its verdict on stdout.
        string[][] all = [
            ["readme", "--check"], ["readme", "--check", "extra"], ["readme", "--check", "--check"], ["readme", "--nope"],
            [], ["--help"], ["nope"], ["reproduce", "--help"], ["book"], ["notebooks"], ["notebooks", "run"], ["kernel", "install", "--user", "--prefix", paths.Out],
            ["sweep", "--lambdas"], ["reproduce", "--epochs"], ["--version"]];
        Check(Gen.Int[0, all.Length - 1].Select(i => all[i]), mayWork: true, iterations: 100, readme: true);
    }

    void Check(Gen<string[]> lines, bool mayWork, int iterations, bool readme = false)
    {
        int ran = 0;
        lines.Sample(args =>
        {
            Interlocked.Increment(ref ran);
            Interlocked.Increment(ref cases);
            var (code, output, error) = Run(args);
            var shown = $"l1lab {string.Join(' ', args.Select(a => $"'{a}'"))} → {code}\nstderr: {error}\nstdout: {Tail(output)}";
            Assert.False(StackTrace().IsMatch(error) || StackTrace().IsMatch(output), "stack trace: " + shown);
            Assert.DoesNotContain("internal error", error);
            Assert.True(code is ExitCodes.Usage or ExitCodes.Failed || (mayWork && code == ExitCodes.Ok), "exit code: " + shown);
            var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (code == ExitCodes.Ok) Assert.True(lines.Length == 0, "stderr on success: " + shown);
            else if (!(readme && code == ExitCodes.Failed && lines.Length == 0)) Assert.True(lines.Length == 1, "not one line on stderr: " + shown);
        }, iter: iterations, threads: 1, print: a => string.Join(' ', a.Select(x => $"'{x}'")));
        log.WriteLine($"{ran} cases ran ({cases} in this class so far).");
        Assert.Equal(iterations, ran);
    }

    static (int Code, string Output, string Error) Run(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code;
        try
        {
            code = L1LabApp.Run(args, output, error);
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"unhandled {e.GetType().Name} from l1lab {string.Join(' ', args)}: {e}");
        }
        return (code, output.ToString(), error.ToString());
    }

    static string Tail(string text) => text.Length <= 400 ? text : "…" + text[^400..];

    [GeneratedRegex(@"^\s+at \S+", RegexOptions.Multiline)]
    private static partial Regex StackTrace();
}
