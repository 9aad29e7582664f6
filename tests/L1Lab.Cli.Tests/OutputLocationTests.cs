namespace L1Lab.Cli.Tests;

/// <summary>
/// Every output folder is checked before any work, in one line naming the option, the path and the reason (exit 2).
/// In-process through <see cref="L1LabApp.Run"/>; tests run as root, so unwritable places are kernel file systems and
/// paths through a file rather than permission bits.
/// </summary>
public sealed class OutputLocationTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("l1lab-out-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    (int Code, string Error) Run(params string[] args)
    {
        var error = new StringWriter();
        var code = L1LabApp.Run(args, new StringWriter(), error);
        return (code, error.ToString());
    }

    public static TheoryData<string, string> Bad => new()
    {
        { "/proc/l1lab-out", "is on /proc, a proc file system of the kernel" },
        { "/sys/l1lab-out", "is on /sys, a sysfs file system of the kernel" },
        { "FILE", "is a file, not a folder" },
        { "FILE/child", "is a file, not a folder" },
        { "LONGNAME", "a name in the path is too long (300 bytes; at most 255)" },
        { "LONGPATH", "the path is too long" },
        { "", "the path is empty" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Reproduce_and_sweep_reject_an_unusable_out_before_any_work(string given, string reason)
    {
        var file = Path.Combine(_folder, "file");
        File.WriteAllText(file, "");
        var path = given.Replace("FILE", file).Replace("LONGNAME", Path.Combine(_folder, new string('n', 300)))
            .Replace("LONGPATH", Path.Combine(_folder, string.Concat(Enumerable.Repeat("abcdefghij/", 450))));
        foreach (var command in new[] { "reproduce", "sweep" })
        {
            var (code, error) = Run(command, "--data-dir", _folder, "--out", path);
            Assert.Equal(ExitCodes.Usage, code);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("l1lab: --out", line);
            Assert.Contains(reason, line);
        }
    }

    [Fact]
    public void A_usable_out_is_created_and_the_probe_leaves_nothing()
    {
        var out_ = Path.Combine(_folder, "données λ", "out");
        // The data folder is empty, so the run fails at loading data: after the output check, before any training.
        var (code, error) = Run("reproduce", "--data-dir", _folder, "--out", out_, "--epochs", "1");
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(Directory.Exists(out_));
        Assert.Empty(Directory.EnumerateFileSystemEntries(out_));
    }

    [Fact]
    public void Notebooks_run_rejects_a_save_to_under_a_file_before_running_anything()
    {
        var file = Path.Combine(_folder, "file");
        File.WriteAllText(file, "");
        var notebook = Path.Combine(_folder, "marker.ipynb");
        var marker = Path.Combine(_folder, "ran");
        File.WriteAllText(notebook, $$"""{"cells":[{"cell_type":"code","id":"c","metadata":{},"execution_count":null,"outputs":[],"source":"System.IO.File.WriteAllText(@\"{{marker}}\", \"\");"}],"metadata":{},"nbformat":4,"nbformat_minor":5}""");
        var (code, error) = Run("notebooks", "run", notebook, "--save-to", Path.Combine(file, "child"));
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--save-to", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.False(File.Exists(marker), "the notebook ran");
    }

    [Fact]
    public void Kernel_install_rejects_a_prefix_that_is_a_file_and_writes_to_a_good_one()
    {
        var file = Path.Combine(_folder, "file");
        File.WriteAllText(file, "");
        var (code, error) = Run("kernel", "install", "--prefix", file);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--prefix", error);
        var prefix = Path.Combine(_folder, "prefix");
        Assert.Equal(ExitCodes.Ok, Run("kernel", "install", "--prefix", prefix, "--name", "l1lab-test").Code);
        Assert.True(File.Exists(Path.Combine(prefix, "share", "jupyter", "kernels", "l1lab-test", "kernel.json")));
    }
}
