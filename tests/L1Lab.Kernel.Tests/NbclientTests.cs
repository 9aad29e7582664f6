using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace L1Lab.Kernel.Tests;

/// <summary>
/// End to end as CI and front ends run notebooks: the kernelspec installed with <c>l1lab kernel install --prefix</c>,
/// found through JUPYTER_PATH, started and driven by nbclient in the notebook's folder.
/// </summary>
public sealed class NbclientTests(ITestOutputHelper output)
{
    /// <summary>The engine's quick settings (<c>l1lab notebooks run --set</c>), applied to each notebook's parameters cell.</summary>
    static readonly string[] QuickParameters = ["epochs=1", "trainSamples=2000", "testSamples=1000", "steps=200", "folds=2", "timingRepeats=20"];

    [Fact]
    public void Nbclient_runs_a_TorchSharp_notebook_with_a_relative_reference_through_the_installed_kernel()
    {
        using var work = new TempDirectory();
        var notebooks = Directory.CreateDirectory(Path.Combine(work.Path, "notebooks")).FullName;
        var library = Path.GetRelativePath(notebooks, TestPaths.LibraryDll).Replace('\\', '/');
        var notebook = WriteNotebook(Path.Combine(notebooks, "tensor.ipynb"),
            $"#r \"nuget: TorchSharp-cpu, 0.107.0\"\n#r \"{library}\"",
            "using TorchSharp;\nL1Lab.Native.TorchRuntime.Initialize();\ntorch.random.manual_seed(1);\n\"ready\"",
            "var w = torch.tensor(new float[] { 1f, -2f, 3f });\nConsole.WriteLine($\"shape [{string.Join(\", \", w.shape)}]\");\nw.abs().sum().item<float>()",
            "display(Environment.CurrentDirectory == \"" + notebooks.Replace("\\", "\\\\") + "\");\nw.sum().item<float>() * 10");

        var summary = RunThroughKernel(work.Path, notebook);

        var cells = summary[0]!["cells"]!.AsArray();
        Assert.Equal([1, 2, 3, 4], cells.Select(c => (int)c!["execution_count"]!));
        Assert.Contains("ready", Plain(cells[1]!, "execute_result"));
        var third = cells[2]!["outputs"]!.AsArray();
        Assert.Equal("stream", (string)third[0]!["output_type"]!);
        Assert.Equal("shape [3]\n", (string)third[0]!["text"]!);
        Assert.Equal("6", Plain(cells[2]!, "execute_result"));
        Assert.Equal("True", Plain(cells[3]!, "display_data"));
        Assert.Equal("20", Plain(cells[3]!, "execute_result"));
    }

    [Fact]
    public void Every_course_notebook_runs_through_the_kernel_with_quick_parameters()
    {
        var folder = Path.Combine(TestPaths.RepoRoot, "notebooks");
        var notebooks = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).ToArray() : [];
        if (notebooks.Length == 0)
        {
            output.WriteLine($"no notebooks in {folder} yet; nothing to run");
            return;
        }
        using var work = new TempDirectory();

        var summary = RunThroughKernel(work.Path, notebooks);

        Assert.Equal(notebooks.Length, summary.Count);
        foreach (var result in summary)
        {
            var cells = result!["cells"]!.AsArray();
            output.WriteLine($"{(string)result["notebook"]!}: {cells.Count} code cells ran");
            Assert.DoesNotContain(cells, c => c!["outputs"]!.AsArray().Any(o => (string)o!["output_type"]! == "error"));
        }
    }

    /// <summary>Installs the kernelspec under a temporary prefix and runs the notebooks with nbclient; returns run_notebooks.py's summary.</summary>
    JsonArray RunThroughKernel(string work, params string[] notebooks)
    {
        var prefix = Directory.CreateDirectory(Path.Combine(work, "prefix")).FullName;
        var runtime = Directory.CreateDirectory(Path.Combine(work, "runtime")).FullName;
        var executed = Directory.CreateDirectory(Path.Combine(work, "executed")).FullName;
        var install = ChildProcess.Run(TestPaths.Dotnet, [TestPaths.CliDll, "kernel", "install", "--prefix", prefix]);
        Assert.True(install.ExitCode == 0, install.Stderr);

        var arguments = new List<string> { TestPaths.Script("run_notebooks.py"), "l1lab-csharp", executed };
        arguments.AddRange(notebooks);
        foreach (var p in QuickParameters) arguments.AddRange(["--set", p]);
        var run = ChildProcess.Run(TestPaths.Python, arguments, environment: new Dictionary<string, string>
        {
            ["JUPYTER_PATH"] = Path.Combine(prefix, "share", "jupyter"),
            ["JUPYTER_RUNTIME_DIR"] = runtime,
        }, timeout: TimeSpan.FromMinutes(60));
        output.WriteLine(run.Stderr);
        Assert.True(run.ExitCode == 0, $"nbclient failed:\n{run.Stderr}");

        // nbclient shut the kernel down: no process still runs with a connection file from this run.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (KernelsUsing(runtime).Any() && DateTime.UtcNow < deadline) Thread.Sleep(100);
        Assert.Empty(KernelsUsing(runtime));
        return (JsonArray)JsonNode.Parse(run.Stdout)!;
    }

    static IEnumerable<int> KernelsUsing(string runtimeDirectory) =>
        Directory.GetDirectories("/proc")
            .Select(d => (Pid: int.TryParse(Path.GetFileName(d), out var pid) ? pid : -1, Dir: d))
            .Where(p => p.Pid > 0 && p.Pid != Environment.ProcessId)
            .Where(p =>
            {
                try { return File.ReadAllText(Path.Combine(p.Dir, "cmdline")).Contains(runtimeDirectory, StringComparison.Ordinal); }
                catch (IOException) { return false; }
                catch (UnauthorizedAccessException) { return false; }
            })
            .Select(p => p.Pid)
            .ToList();

    static string? Plain(JsonNode cell, string outputType) =>
        cell["outputs"]!.AsArray().FirstOrDefault(o => (string)o!["output_type"]! == outputType)?["data"]!["text/plain"] is { } text
            ? text is JsonArray lines ? string.Concat(lines.Select(l => (string)l!)) : (string)text!
            : null;

    static string WriteNotebook(string path, params string[] cells)
    {
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select(source => (JsonNode)new JsonObject
            {
                ["cell_type"] = "code",
                ["execution_count"] = null,
                ["metadata"] = new JsonObject(),
                ["outputs"] = new JsonArray(),
                ["source"] = source,
            }).ToArray()),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = "C# (L1Lab)", ["language"] = "C#", ["name"] = "l1lab-csharp" },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }
}
