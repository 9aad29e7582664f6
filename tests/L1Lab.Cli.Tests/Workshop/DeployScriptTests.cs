using System.Diagnostics;
using System.Text.Json.Nodes;

namespace L1Lab.Cli.Tests.Workshop;

/// <summary>
/// deploy/jupyterhub/setup.sh in the mode the Dockerfile and the dev container use (<c>--no-hub</c>), run on this host
/// (no Docker engine here): it stages the program, library, data and student release world-readable and installs the
/// kernel; the dev container's post-create command is that same script.
/// </summary>
public sealed class DeployScriptTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("l1lab-deploy-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    static string Repo => Path.GetDirectoryName(CourseFiles.NotebooksFolder)!;

    [SkippableFact]
    public void Setup_without_the_hub_stages_the_course_and_the_kernel_as_the_dev_container_and_image_use_it()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "setup.sh is for Debian");
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var app = Path.Combine(Repo, "lib", "L1Lab.Cli", "bin", configuration, "net10.0");
        var prefix = Path.Combine(_root, "course");
        var kernels = Path.Combine(_root, "kernel");

        var (code, output) = Run(Path.Combine(Repo, "deploy", "jupyterhub", "setup.sh"), "--no-apt", "--no-hub", "--app", app, "--prefix", prefix, "--kernel-prefix", kernels);

        Assert.True(code == 0, output);
        Assert.True(File.Exists(Path.Combine(prefix, "lib", "L1Lab", "bin", "notebooks", "L1Lab.dll")), output);
        Assert.True(Directory.Exists(Path.Combine(prefix, "data", "mnist")), output);
        var released = Directory.GetFiles(Path.Combine(prefix, "notebooks"), "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(CourseFiles.Notebooks(), released);
        var release = File.ReadAllText(Path.Combine(prefix, "notebooks", "02-l1-penalty.ipynb"));
        Assert.DoesNotContain("BEGIN SOLUTION", release, StringComparison.Ordinal);
        if (OperatingSystem.IsLinux()) Assert.Equal((UnixFileMode)0b100, File.GetUnixFileMode(Path.Combine(prefix, "notebooks", "02-l1-penalty.ipynb")) & (UnixFileMode)0b100);
        var spec = JsonNode.Parse(File.ReadAllText(Directory.GetFiles(kernels, "kernel.json", SearchOption.AllDirectories).Single()))!;
        Assert.Equal(Path.Combine(prefix, "app", "l1lab"), (string?)spec["argv"]![0]);
        Assert.False(Directory.Exists(Path.Combine(_root, "etc")));

        var devcontainer = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo, ".devcontainer", "devcontainer.json")))!;
        Assert.StartsWith("sudo deploy/jupyterhub/setup.sh --no-hub", (string?)devcontainer["postCreateCommand"], StringComparison.Ordinal);
        Assert.Contains("deploy/jupyterhub/setup.sh --no-hub", File.ReadAllText(Path.Combine(Repo, "deploy", "docker", "Dockerfile")), StringComparison.Ordinal);
    }

    [Fact]
    public void Setup_refuses_an_unknown_option_in_one_line()
    {
        var (code, output) = Run(Path.Combine(Repo, "deploy", "jupyterhub", "setup.sh"), "--no-such-option");

        Assert.Equal(2, code);
        Assert.StartsWith("setup.sh: unknown option --no-such-option", output.Trim(), StringComparison.Ordinal);
        Assert.Single(output.Trim().Split('\n'));
    }

    static (int Code, string Output) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
