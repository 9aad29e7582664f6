using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace L1Lab.Kernel.Tests;

/// <summary>
/// Jupyter's own kernel test suite (jupyter_kernel_test 0.4.5, Debian's python3-jupyter-kernel-test) against the
/// kernelspec <c>l1lab kernel install --prefix</c> writes: <c>kernel_conformance.py</c> subclasses its KernelTests with a
/// C# sample for every test it offers, history included, and every message is validated against its schemas.
/// </summary>
public sealed class KernelConformanceTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Every_test_of_Jupyters_kernel_test_suite_passes_with_a_CSharp_sample_and_none_is_skipped()
    {
        var probe = ChildProcess.Run(TestPaths.Python, ["-c", "import jupyter_kernel_test"]);
        Skip.If(probe.ExitCode != 0, "jupyter_kernel_test is not installed (apt-get install python3-jupyter-kernel-test)");
        using var work = new TempDirectory();
        var prefix = Directory.CreateDirectory(Path.Combine(work.Path, "prefix")).FullName;
        var install = ChildProcess.Run(TestPaths.Dotnet, [TestPaths.CliDll, "kernel", "install", "--prefix", prefix]);
        Assert.True(install.ExitCode == 0, install.Stderr);

        var run = ChildProcess.Run(TestPaths.Python, [TestPaths.Script("kernel_conformance.py"), "l1lab-csharp"], environment: new Dictionary<string, string>
        {
            ["JUPYTER_PATH"] = Path.Combine(prefix, "share", "jupyter"),
            ["JUPYTER_RUNTIME_DIR"] = Directory.CreateDirectory(Path.Combine(work.Path, "runtime")).FullName,
        }, workingDirectory: work.Path, timeout: TimeSpan.FromMinutes(10));
        Assert.True(run.ExitCode == 0, $"kernel_conformance.py failed ({run.ExitCode}):\n{run.Stderr}");

        var report = JsonNode.Parse(run.Stdout)!;
        var offered = report["offered"]!.AsArray().Select(n => (string)n!).ToList();
        var results = report["results"]!.AsObject();
        output.WriteLine($"jupyter_kernel_test {(string)report["version"]!}: {offered.Count} tests offered, " +
            $"{results.Count(r => r.Value!.AsArray().Count == 0)} passed");
        Assert.Contains("test_history", offered);
        Assert.Contains("test_display_data", offered);
        Assert.Equal(offered, results.Select(r => r.Key).Order(StringComparer.Ordinal));
        var problems = results.Where(r => r.Value!.AsArray().Count > 0)
            .Select(r => $"{r.Key}:\n  {string.Join("\n  ", r.Value!.AsArray().Select(p => (string)p!))}").ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
