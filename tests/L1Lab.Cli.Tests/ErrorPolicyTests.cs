using System.Text.RegularExpressions;

namespace L1Lab.Cli.Tests;

/// <summary>
/// The CLI's one error policy: validated input is a one-line usage error (exit 2); a failure no validation foresaw is
/// a bug, reported in one line that names a log file keeping the stack trace (exit 1).
/// </summary>
public sealed partial class ErrorPolicyTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("l1lab-errors-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void An_unforeseen_failure_is_one_line_naming_a_log_that_keeps_the_stack_trace_and_exit_code_1()
    {
        // Given a command that succeeds, and an output writer that fails in a way no validation foresees
        var prefix = Path.Combine(_folder, "prefix");
        var error = new StringWriter();

        // When it runs (in-process, through the same entry point as the program)
        var code = L1LabApp.Run(["kernel", "install", "--prefix", prefix, "--name", "l1lab-test"], new BrokenWriter(), error);

        // Then one line says it is a bug and names the log, which holds the trace
        Assert.Equal(1, code);
        var line = Assert.Single(error.ToString().Trim().Split('\n'));
        Assert.StartsWith("l1lab: internal error (InvalidOperationException: ", line);
        var log = LogPath().Match(line);
        Assert.True(log.Success, line);
        var text = File.ReadAllText(log.Groups["path"].Value);
        Assert.Contains("System.InvalidOperationException", text);
        Assert.Contains("   at ", text);
        Assert.Contains("kernel install", text);
    }

    /// <summary>A writer that throws on every write, as a broken console might.</summary>
    sealed class BrokenWriter : StringWriter
    {
        public override void Write(char value) => throw new InvalidOperationException("the writer is broken");
        public override void Write(string? value) => throw new InvalidOperationException("the writer is broken");
        public override void WriteLine(string? value) => throw new InvalidOperationException("the writer is broken");
    }

    [Theory]
    [InlineData(new[] { "kernel", "install", "--user", "--prefix", "/tmp/x" }, "--user or --prefix")]
    [InlineData(new[] { "kernel" }, "--connection-file")]
    [InlineData(new[] { "notebooks", "run", "/no/such/notebook.ipynb" }, "/no/such/notebook.ipynb")]
    [InlineData(new[] { "reproduce", "--no-such-option" }, "--no-such-option")]
    [InlineData(new[] { "reproduce", "--out", "/proc/l1lab-out" }, "--out /proc/l1lab-out: is on /proc, a proc file system")]
    [InlineData(new[] { "sweep", "--out", "/sys/l1lab-out" }, "--out /sys/l1lab-out: is on /sys, a sysfs file system")]
    [InlineData(new[] { "notebooks", "run", "/proc/self/mem" }, "notebook /proc/self/mem: cannot be read")]
    [InlineData(new[] { "notebooks", "run", "/tmp" }, "notebook /tmp: is a folder, not a file")]
    [InlineData(new[] { "kernel", "--connection-file", "/no/such/kernel.json" }, "--connection-file /no/such/kernel.json: no such file")]
    [InlineData(new[] { "kernel", "install", "--prefix", "/proc/l1lab" }, "--prefix /proc/l1lab: is on /proc")]
    [InlineData(new[] { "book", "build", "--notebooks", "/no/such/folder" }, "--notebooks /no/such/folder: no such folder")]
    public void Invalid_input_is_one_line_and_exit_code_2(string[] args, string named)
    {
        var result = App.Run(args);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith("l1lab: ", line);
        Assert.Contains(named, line);
    }

    [Fact]
    public void A_path_with_a_line_break_in_an_error_still_makes_one_line()
    {
        var folder = Directory.CreateTempSubdirectory("l1lab-newline-");
        try
        {
            var notebook = Path.Combine(folder.FullName, "a.ipynb");
            File.WriteAllText(notebook, "{}");

            // Found by OptionSpaceProperties (seed 8f4WrtARzPD1): the message quoted --out as given, line break and all.
            var result = App.Run("workshop", "release", notebook, notebook, "--out", Path.Combine(folder.FullName, "new\nline"));

            Assert.Equal(2, result.ExitCode);
            var line = Assert.Single(result.Error.Trim().Split('\n'));
            Assert.Contains("a.ipynb is given twice", line);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_named_pipe_with_no_writer_is_one_line_not_a_hang()
    {
        var folder = Directory.CreateTempSubdirectory("l1lab-fifo-");
        try
        {
            var pipe = Path.Combine(folder.FullName, "waiting.ipynb");
            using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [pipe])) mkfifo.WaitForExit();
            Assert.True(File.Exists(pipe), "mkfifo made no pipe");

            var result = App.Run("notebooks", "run", pipe);

            Assert.Equal(2, result.ExitCode);
            var line = Assert.Single(result.Error.Trim().Split('\n'));
            Assert.Contains($"notebook {pipe}: did not open within 2 s", line);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"the stack trace is in (?<path>\S+\.log)$")]
    private static partial Regex LogPath();
}
