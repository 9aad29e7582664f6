using System.Text.Json.Nodes;

namespace L1Lab.Notebooks.Tests;

/// <summary>
/// <c>display(x)</c> returns a handle whose <c>Update(y)</c> replaces the output in place: live listeners (a kernel)
/// see every update, the saved notebook holds only the final state, and nothing shown before a failure is lost.
/// </summary>
public sealed class DisplayedValueTests
{
    static async Task<(NotebookRunResult Result, JsonArray Cells, List<CellOutput> Live)> Run(params string[] cells)
    {
        using var temp = new TempNotebook();
        var path = temp.Write("updates.ipynb", cells.Select(c => TempNotebook.Code(c)).ToArray());
        var live = new List<CellOutput>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var result = await NotebookRunner.RunAsync(path, new NotebookRunOptions
        {
            SaveToDirectory = Path.Combine(temp.Directory, "executed"),
            OnOutput = (_, o) => { lock (live) live.Add(o); },
        }, timeout.Token);
        var saved = JsonNode.Parse(File.ReadAllText(result.SavedTo!))!["cells"]!.AsArray();
        return (result, saved, live);
    }

    static string[] Kinds(JsonNode cell) => cell["outputs"]!.AsArray().Select(o => (string)o!["output_type"]!).ToArray();

    static string Plain(JsonNode output) => output["data"]!["text/plain"] is JsonArray lines
        ? string.Concat(lines.Select(l => (string)l!)) : (string)output["data"]!["text/plain"]!;

    [Fact]
    public async Task A_display_updated_100_times_is_one_output_in_the_saved_notebook_and_100_live_updates()
    {
        var (result, cells, live) = await Run(
            "var line = display(\"epoch 0\");\nfor (var epoch = 1; epoch <= 100; epoch++) line.Update($\"epoch {epoch}\");");

        Assert.True(result.Succeeded, result.Failure?.Message);
        var output = Assert.Single(cells[0]!["outputs"]!.AsArray())!;
        Assert.Equal("display_data", (string)output["output_type"]!);
        Assert.Equal("epoch 100", Plain(output));
        var shown = Assert.Single(live.OfType<DisplayDataOutput>());
        var updates = live.OfType<DisplayUpdate>().ToList();
        Assert.Equal(100, updates.Count);
        Assert.All(updates, u => Assert.Equal(shown.DisplayId, u.DisplayId));
        Assert.Equal("epoch 37", updates[36].Bundle.PlainText);
    }

    [Fact]
    public async Task A_cell_failing_midway_keeps_its_streams_and_the_last_state_of_its_display_before_the_error()
    {
        var (result, cells, live) = await Run(
            "Console.WriteLine(\"training\");\nvar line = display(0);\nfor (var i = 1; i <= 10; i++) { line.Update(i); if (i == 6) throw new InvalidOperationException(\"diverged\"); }");

        Assert.False(result.Succeeded);
        Assert.Equal(["stream", "display_data", "error"], Kinds(cells[0]!));
        Assert.Equal("6", Plain(cells[0]!["outputs"]![1]!));
        Assert.Contains("diverged", cells[0]!["outputs"]![2]!["evalue"]!.ToString());
        Assert.Equal(6, live.OfType<DisplayUpdate>().Count());
    }

    [Fact]
    public async Task An_update_from_a_later_cell_changes_the_output_where_the_display_was_first_shown()
    {
        var (result, cells, _) = await Run(
            "var status = display(\"waiting\");",
            "status.Update(\"done\");\n\"second cell\"");

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal("done", Plain(Assert.Single(cells[0]!["outputs"]!.AsArray())!));
        Assert.Equal(["execute_result"], Kinds(cells[1]!));
    }

    [Fact]
    public async Task Clear_output_drops_what_the_cell_showed_before_it_from_the_saved_notebook_and_tells_live_listeners()
    {
        var (result, cells, live) = await Run(
            "Console.WriteLine(\"old\");\ndisplay(1);\nclear_output(wait: true);\nConsole.WriteLine(\"new\");");

        Assert.True(result.Succeeded, result.Failure?.Message);
        var output = Assert.Single(cells[0]!["outputs"]!.AsArray())!;
        Assert.Equal("new\n", string.Concat(output["text"]!.AsArray().Select(l => (string)l!)));
        Assert.True(Assert.Single(live.OfType<ClearOutput>()).Wait);
        Assert.Equal(["old\n", "new\n"], live.OfType<StreamOutput>().Select(s => s.Text));
    }

    [Fact]
    public async Task Library_progress_in_a_cell_draws_a_line_and_a_figure_in_place_and_the_saved_cell_keeps_the_final_figure()
    {
        var (result, cells, live) = await Run(
            $"{TestLibrary.Reference}\nusing L1Lab.Training;\n" +
            "var progress = LiveProgress.Start(epochs: 3)!;\n" +
            "for (var epoch = 1; epoch <= 3; epoch++)\n" +
            "    progress.Report(new TrainingProgress(epoch, 10, 10, new EpochMetrics(epoch, 1.0 / epoch, 0, 0.5 + 0.1 * epoch, 0, 0, 0, 0.1)));\n" +
            "progress.Finish(completed: true);");

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(["display_data", "display_data"], Kinds(cells[0]!));
        var line = cells[0]!["outputs"]![0]!;
        Assert.StartsWith("[####################] 100 % done in", Plain(line));
        Assert.Contains("<progress value=\"1\"", string.Concat(line["data"]!["text/html"]!.AsArray().Select(l => (string)l!)));
        var figure = cells[0]!["outputs"]![1]!["data"]!.AsObject();
        Assert.True(figure.ContainsKey("image/svg+xml") && figure.ContainsKey("text/html"), string.Join(", ", figure.Select(p => p.Key)));
        // Live: the line is updated per report and at the end; the figure appears after epoch 1 as a picture only.
        Assert.Equal(2, live.OfType<DisplayDataOutput>().Count());
        Assert.False(live.OfType<DisplayDataOutput>().Last().Bundle.Data.ContainsKey("text/html"));
        Assert.Equal(3 + 1 + 2 + 1, live.OfType<DisplayUpdate>().Count());
    }

    [Fact]
    public async Task A_trailing_display_call_shows_the_value_once_and_not_its_handle()
    {
        var (result, cells, _) = await Run("display(6 * 7)");

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(["display_data"], Kinds(cells[0]!));
        Assert.Equal("42", Plain(cells[0]!["outputs"]![0]!));
    }
}
