using System.Diagnostics;
using System.Text.Json.Nodes;
using L1Lab.Visuals;

namespace L1Lab.Notebooks.Tests;

/// <summary>A notebook that shows a figure and an image, run and saved by the engine as <c>notebooks run --save-to</c> does.</summary>
public sealed class FigureOutputTests
{
    const string PythonPath = TestPaths.Python;

    static async Task<JsonArray> RunAndSave(TempNotebook temp)
    {
        var library = Path.GetRelativePath(temp.Directory, typeof(L1Lab.L1).Assembly.Location).Replace('\\', '/');
        var path = temp.Write("figures.ipynb",
            TempNotebook.Code($"#r \"nuget: TorchSharp-cpu, 0.107.0\"\n#r \"{library}\"\nL1Lab.Native.TorchRuntime.Initialize();"),
            TempNotebook.Code("""
                using L1Lab.Visuals;
                var line = new Figure("y = x²", Axis.Linear("x"), Axis.Linear("y"), new LineSeries("x²", new[] { 1.0, 2, 3 }, new[] { 1.0, 4, 9 }));
                display(line);
                display(Images.ToPng(TorchSharp.torch.eye(3), scale: 2).WithTitle("identity"));
                line
                """));
        var outDir = Path.Combine(temp.Directory, "executed");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var result = await NotebookRunner.RunAsync(path, new NotebookRunOptions { SaveToDirectory = outDir }, timeout.Token);
        Assert.True(result.Succeeded, result.Failure?.Message);
        return JsonNode.Parse(File.ReadAllText(result.SavedTo!))!["cells"]![1]!["outputs"]!.AsArray();
    }

    [Fact]
    public async Task Every_saved_figure_and_image_carries_a_static_picture_and_no_network_reference_and_plotly_js_once()
    {
        using var temp = new TempNotebook();

        var outputs = await RunAndSave(temp);

        Assert.Equal(["display_data", "display_data", "execute_result"], outputs.Select(o => (string)o!["output_type"]!));
        var data = outputs.Select(o => o!["data"]!.AsObject()).ToList();
        Assert.All(data, d => Assert.True(d.ContainsKey("image/svg+xml") || d.ContainsKey("image/png")));
        Assert.IsType<JsonObject>(data[0]["application/vnd.plotly.v1+json"]);
        Assert.Equal([1.0, 4, 9], data[2]["application/vnd.plotly.v1+json"]!["data"]![0]!["y"]!.AsArray().Select(v => (double)v!));
        var html = data.Select(d => string.Concat(d["text/html"]!.AsArray().Select(l => (string)l!))).ToList();
        Assert.Contains(PlotlyScript.Text, html[0], StringComparison.Ordinal);
        Assert.DoesNotContain(PlotlyScript.Text[..200], html[2], StringComparison.Ordinal);
        foreach (var h in html)
            Assert.DoesNotContain("http", h.Replace(PlotlyScript.Text, "").Replace("xmlns=\"http://www.w3.org/2000/svg\"", ""), StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task The_saved_notebook_validates_against_the_nbformat_schema()
    {
        Skip.IfNot(File.Exists(PythonPath), $"{PythonPath} with nbformat is needed to validate notebooks against the real schema: apt-get install python3-nbformat");
        using var temp = new TempNotebook();
        await RunAndSave(temp);

        var start = new ProcessStartInfo(PythonPath) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import nbformat, sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))");
        start.ArgumentList.Add(Path.Combine(temp.Directory, "executed", "figures.ipynb"));
        using var python = Process.Start(start)!;
        var error = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();

        Assert.True(python.ExitCode == 0, error);
    }
}
