using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace L1Lab.Kernel.Tests;

/// <summary>
/// End to end as CI and front ends run notebooks: the kernelspec installed with <c>l1lab kernel install --prefix</c>,
/// found through JUPYTER_PATH, started and driven by nbclient in the notebook's folder.
/// </summary>
public sealed class NbclientTests(ITestOutputHelper output)
{
    [Fact]
    public void Nbclient_runs_a_TorchSharp_notebook_with_a_relative_reference_through_the_installed_kernel()
    {
        using var work = new TempDirectory();
        var notebooks = Directory.CreateDirectory(Path.Combine(work.Path, "notebooks")).FullName;
        var library = Path.GetRelativePath(notebooks, TestPaths.LibraryDll).Replace('\\', '/');
        var notebook = KernelNotebook.Write(Path.Combine(notebooks, "tensor.ipynb"),
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

    [SkippableFact]
    public void Every_course_notebook_runs_through_the_kernel_with_quick_parameters()
    {
        var notebooks = Directory.Exists(TestPaths.Notebooks) ? Directory.GetFiles(TestPaths.Notebooks, "*.ipynb").Order(StringComparer.Ordinal).ToArray() : [];
        Skip.If(notebooks.Length == 0, $"no notebooks in {TestPaths.Notebooks} to run");
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

    /// <summary>
    /// The zh-CN edition's code is the English edition's (the engine runs every zh-CN notebook in
    /// L1Lab.Notebooks.Tests); what only the kernel can break is Chinese text on the wire, so one notebook that prints
    /// Chinese sentences runs here, and its sentences must arrive as Chinese.
    /// </summary>
    [Fact]
    public void A_zh_CN_notebook_runs_through_the_kernel_and_its_Chinese_sentences_arrive_intact()
    {
        var notebook = Path.Combine(TestPaths.Notebooks, "zh-CN", "03-gradient-update.ipynb");
        using var work = new TempDirectory();

        var result = Assert.Single(RunThroughKernel(work.Path, notebook))!;

        var outputs = result["cells"]!.AsArray().SelectMany(c => c!["outputs"]!.AsArray()).ToList();
        Assert.DoesNotContain(outputs, o => (string)o!["output_type"]! == "error");
        var printed = outputs.Select(o => o!["text"] ?? o!["data"]?["text/plain"]).OfType<JsonNode>()
            .Select(t => t is JsonArray lines ? string.Concat(lines.Select(l => (string)l!)) : (string)t!).ToList();
        Assert.Contains(printed, t => System.Text.RegularExpressions.Regex.IsMatch(t, @"\p{IsCJKUnifiedIdeographs}{4}"));
        Assert.DoesNotContain(printed, t => t.Contains('\uFFFD'));
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
        arguments.Add("--quick"); // each notebook's own quick values, as `l1lab notebooks run --quick`
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
}
