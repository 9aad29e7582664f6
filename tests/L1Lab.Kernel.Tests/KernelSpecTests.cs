using System.Text.Json.Nodes;

namespace L1Lab.Kernel.Tests;

/// <summary><c>l1lab kernel install / uninstall</c> through the built CLI.</summary>
public sealed class KernelSpecTests
{
    [Fact]
    public void Install_with_a_prefix_writes_a_kernel_json_that_starts_this_CLI_and_uninstall_removes_it()
    {
        using var prefix = new TempDirectory();

        var install = ChildProcess.Run(TestPaths.Dotnet, [TestPaths.CliDll, "kernel", "install", "--prefix", prefix.Path]);

        Assert.True(install.ExitCode == 0, install.Stderr);
        var path = Path.Combine(prefix.Path, "share", "jupyter", "kernels", "l1lab-csharp", "kernel.json");
        var spec = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal("C# (L1Lab)", (string)spec["display_name"]!);
        Assert.Equal("C#", (string)spec["language"]!);
        Assert.Equal("message", (string)spec["interrupt_mode"]!);
        var argv = spec["argv"]!.AsArray().Select(a => (string)a!).ToArray();
        Assert.All(argv[..2], a => Assert.True(Path.IsPathFullyQualified(a), a));
        Assert.Equal(Path.GetFullPath(TestPaths.CliDll), argv[1]);
        Assert.Equal(["kernel", "--connection-file", "{connection_file}"], argv[2..]);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!)); // no temporary file left behind

        var uninstall = ChildProcess.Run(TestPaths.Dotnet, [TestPaths.CliDll, "kernel", "uninstall", "--prefix", prefix.Path]);

        Assert.Equal(0, uninstall.ExitCode);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Fact]
    public void A_bad_kernel_name_or_both_locations_are_usage_errors()
    {
        using var prefix = new TempDirectory();

        var badName = ChildProcess.Run(TestPaths.Dotnet, [TestPaths.CliDll, "kernel", "install", "--prefix", prefix.Path, "--name", "../evil"]);
        var both = ChildProcess.Run(TestPaths.Dotnet, [TestPaths.CliDll, "kernel", "install", "--user", "--prefix", prefix.Path]);
        var noConnection = ChildProcess.Run(TestPaths.Dotnet, [TestPaths.CliDll, "kernel"]);

        Assert.Equal(2, badName.ExitCode);
        Assert.Contains("kernel name \"../evil\" is not valid", badName.Stderr);
        Assert.Equal(2, both.ExitCode);
        Assert.Equal(2, noConnection.ExitCode);
        Assert.DoesNotContain(Directory.GetFileSystemEntries(prefix.Path, "*", SearchOption.AllDirectories), File.Exists);
    }
}
