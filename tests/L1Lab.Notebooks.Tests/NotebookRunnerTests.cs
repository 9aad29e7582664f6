using System.Text.Json.Nodes;

namespace L1Lab.Notebooks.Tests;

public sealed class NotebookRunnerTests
{
    static Task<NotebookRunResult> Run(string path, NotebookRunOptions? options = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        return NotebookRunner.RunAsync(path, options, timeout.Token);
    }

    [Fact]
    public async Task A_torch_notebook_with_the_pinned_packages_and_a_relative_L1Lab_reference_runs()
    {
        using var temp = new TempNotebook();
        var library = Path.GetRelativePath(temp.Directory, typeof(L1Lab.L1).Assembly.Location).Replace('\\', '/');
        var path = temp.Write("00-torch.ipynb",
            TempNotebook.Markdown("# Torch works"),
            TempNotebook.Code($"""
                #r "nuget: TorchSharp-cpu, 0.107.0"
                #r "nuget: Microsoft.Data.Analysis, 0.23.1"
                #r "{library}"
                L1Lab.Native.TorchRuntime.Initialize();
                """),
            TempNotebook.Code("""
                using TorchSharp;
                var w = torch.tensor(new float[] { 0.5f, -1.5f, 0f });
                var penalty = w.abs().sum().item<float>();
                penalty
                """));

        var result = await Run(path);

        Assert.True(result.Succeeded, result.Failure?.Message);
        var last = result.Cells[^1].Result!;
        Assert.Equal(2f, last.ReturnValue);
        Assert.Equal("2", last.Outputs.OfType<ExecuteResultOutput>().Single().Bundle.PlainText);
    }

    [Fact]
    public async Task Compile_error_names_the_notebook_the_cell_and_the_line()
    {
        using var temp = new TempNotebook();
        var path = temp.Write("bad.ipynb",
            TempNotebook.Markdown("# Title"),
            TempNotebook.Code("var a = 1;"),
            TempNotebook.Code("var b = 2;\nvar c = a + undefinedName;"));

        var result = await Run(path);

        Assert.Equal($"{path}: cell 3 (code cell 2), line 2: error CS0103: The name 'undefinedName' does not exist in the current context", result.Failure?.Message);
    }

    [Fact]
    public async Task Runtime_exception_stops_the_run_and_leaves_the_source_byte_identical()
    {
        using var temp = new TempNotebook();
        var path = temp.Write("throws.ipynb",
            TempNotebook.Code("var before = 1;"),
            TempNotebook.Code("Console.WriteLine(\"about to fail\");\nthrow new ArgumentException(\"bad lambda\");"),
            TempNotebook.Code("Console.WriteLine(\"should not run\");"));
        var original = File.ReadAllBytes(path);

        var result = await Run(path, new NotebookRunOptions { SaveToDirectory = Path.Combine(temp.Directory, "out") });

        Assert.Equal(2, result.Cells.Count);
        Assert.Equal(NotebookCellStatus.Failed, result.Cells[^1].Status);
        Assert.Equal($"{path}: cell 2 (code cell 2), line 2: System.ArgumentException: bad lambda", result.Failure?.Message);
        Assert.Equal(original, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task Parameters_override_rewrites_only_the_parameters_cell()
    {
        using var temp = new TempNotebook();
        var path = temp.Write("params.ipynb",
            TempNotebook.Code("var epochs = 10;\nint samples = 60000;\nvar rate = 0.1;\nvar name = \"mnist\";\nvar plot = true;", "parameters"),
            TempNotebook.Code("var epochs2 = 10;"),
            TempNotebook.Code("$\"{epochs} {epochs2} {samples} {rate.GetType().Name}={rate} {name} {plot}\""));

        var result = await Run(path, new NotebookRunOptions
        {
            Parameters = new Dictionary<string, string> { ["epochs"] = "1", ["samples"] = "-5", ["rate"] = "2", ["name"] = "breast", ["plot"] = "false" },
        });

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal("1 10 -5 Double=2 breast False", result.Cells[^1].Result!.ReturnValue);
    }

    [Theory]
    [InlineData("epoch", "1", "unknown parameter 'epoch'")]
    [InlineData("epochs", "0.5", "'0.5' is not")]
    [InlineData("plot", "yes", "'yes' is not")]
    public async Task Parameter_override_that_does_not_fit_is_an_error(string name, string value, string expected)
    {
        using var temp = new TempNotebook();
        var path = temp.Write("params.ipynb", TempNotebook.Code("var epochs = 10;\nvar plot = true;", "parameters"));

        var error = await Assert.ThrowsAsync<NotebookParameterException>(() =>
            Run(path, new NotebookRunOptions { Parameters = new Dictionary<string, string> { [name] = value } }));

        Assert.StartsWith($"{path}: ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task Parameters_without_a_parameters_cell_are_an_error()
    {
        using var temp = new TempNotebook();
        var path = temp.Write("plain.ipynb", TempNotebook.Code("var epochs = 10;"));

        var error = await Assert.ThrowsAsync<NotebookParameterException>(() =>
            Run(path, new NotebookRunOptions { Parameters = new Dictionary<string, string> { ["epochs"] = "1" } }));

        Assert.Contains("no code cell is tagged \"parameters\"", error.Message);
    }

    [Fact]
    public async Task Streams_and_displays_reach_OnOutput_while_their_cell_runs_and_before_OnCell()
    {
        using var temp = new TempNotebook();
        var path = temp.Write("live.ipynb",
            TempNotebook.Code("Console.Write(\"a\");\ndisplay(1);\nConsole.Write(\"b\");\n6 * 7"));
        var events = new List<string>();

        var result = await Run(path, new NotebookRunOptions
        {
            OnOutput = (cell, o) => events.Add($"{cell}:{o switch { StreamOutput s => s.Text, DisplayDataOutput => "display", _ => "other" }}"),
            OnCell = report => events.Add($"{report.CellNumber}:done"),
        });

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(["1:a", "1:display", "1:b", "1:done"], events);
    }

    [Fact]
    public async Task Save_to_writes_nbformat_4_with_outputs_and_execution_counts_and_the_source_stays_clean()
    {
        using var temp = new TempNotebook();
        var path = temp.Write("save.ipynb",
            TempNotebook.Markdown("# Saved"),
            TempNotebook.Code($"{TestLibrary.Reference}\nConsole.WriteLine(\"hello\");\ndisplay(new L1Lab.Visuals.PngImage(new byte[] {{ 1, 2 }}, 1, 1));"),
            TempNotebook.Code("6 * 7"));
        var original = File.ReadAllBytes(path);
        var outDir = Path.Combine(temp.Directory, "executed");

        var result = await Run(path, new NotebookRunOptions { SaveToDirectory = outDir });

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(Path.Combine(outDir, "save.ipynb"), result.SavedTo);
        Assert.Equal(original, File.ReadAllBytes(path));
        Assert.Empty(Directory.GetFiles(outDir, "*.tmp"));
        var saved = JsonNode.Parse(File.ReadAllText(result.SavedTo!))!.AsObject();
        Assert.Equal(4, (int)saved["nbformat"]!);
        Assert.Equal("C#", (string)saved["metadata"]!["kernelspec"]!["language"]!);
        var cells = saved["cells"]!.AsArray();
        Assert.Equal("markdown", (string)cells[0]!["cell_type"]!);
        Assert.Null(cells[0]!["outputs"]);
        Assert.Equal(1, (int)cells[1]!["execution_count"]!);
        var outputs = cells[1]!["outputs"]!.AsArray();
        Assert.Equal("stream", (string)outputs[0]!["output_type"]!);
        Assert.Equal("stdout", (string)outputs[0]!["name"]!);
        Assert.Equal("hello\n", string.Concat(outputs[0]!["text"]!.AsArray().Select(l => (string)l!)));
        Assert.Equal("display_data", (string)outputs[1]!["output_type"]!);
        Assert.Equal("AQI=", (string)outputs[1]!["data"]!["image/png"]!);
        Assert.NotNull(outputs[1]!["metadata"]);
        Assert.Equal(2, (int)cells[2]!["execution_count"]!);
        var result2 = cells[2]!["outputs"]!.AsArray().Single()!;
        Assert.Equal("execute_result", (string)result2["output_type"]!);
        Assert.Equal(2, (int)result2["execution_count"]!);
        Assert.Equal("42", string.Concat(result2["data"]!["text/plain"]!.AsArray().Select(l => (string)l!)));
        Assert.All(cells, c => Assert.NotNull(c!["source"]));
    }

    [Fact]
    public async Task Markdown_and_other_language_cells_are_skipped_with_a_note()
    {
        using var temp = new TempNotebook();
        var path = temp.Write("mixed.ipynb",
            TempNotebook.Markdown("# Mixed"),
            TempNotebook.CodeIn("fsharp", "let x = 1"),
            TempNotebook.Code("1"));

        var result = await Run(path);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal([NotebookCellStatus.Skipped, NotebookCellStatus.Skipped, NotebookCellStatus.Ran], result.Cells.Select(c => c.Status));
        Assert.Contains("fsharp", result.Cells[1].Note);
        Assert.Equal(1, result.CellsRun);
    }

    [Fact]
    public async Task Unknown_magic_command_fails_the_notebook_naming_it()
    {
        using var temp = new TempNotebook();
        var path = temp.Write("magic.ipynb", TempNotebook.Code("var x = 1;"), TempNotebook.Code("#!about"));

        var result = await Run(path);

        Assert.StartsWith($"{path}: cell 2 (code cell 2), line 1: the magic command #!about is not supported", result.Failure?.Message);
    }

    [Fact]
    public async Task Cancelling_the_run_stops_a_long_cell_and_the_cells_after_it()
    {
        using var temp = new TempNotebook();
        var path = temp.Write("long.ipynb",
            TempNotebook.Code("var n = 0;\nwhile (true) { n++; System.Threading.Thread.Sleep(10); }"),
            TempNotebook.Code("Console.WriteLine(\"after\");"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        var result = await NotebookRunner.RunAsync(path, null, cancel.Token);

        Assert.Single(result.Cells);
        Assert.Equal(CellErrorKind.Cancelled, result.Failure?.Error.Kind);
    }
}
