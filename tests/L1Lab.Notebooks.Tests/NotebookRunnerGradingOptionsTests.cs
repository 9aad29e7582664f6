namespace L1Lab.Notebooks.Tests;

/// <summary>The runner options a grader needs: go on after a failure, stop a slow cell, cap output, resolve #r elsewhere.</summary>
public sealed class NotebookRunnerGradingOptionsTests
{
    static Task<NotebookRunResult> Run(string path, NotebookRunOptions options)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        return NotebookRunner.RunAsync(path, options, timeout.Token);
    }

    [Fact]
    public async Task ContinueAfterFailure_runs_every_cell_and_reports_the_first_failure()
    {
        using var temp = new TempNotebook();
        var path = temp.Write("n.ipynb",
            TempNotebook.Code("var a = 1;"),
            TempNotebook.Code("throw new InvalidOperationException(\"first\");"),
            TempNotebook.Code("var b = undefinedName;"),
            TempNotebook.Code("a + 1"));

        var result = await Run(path, new NotebookRunOptions { ContinueAfterFailure = true });

        Assert.Equal([NotebookCellStatus.Ran, NotebookCellStatus.Failed, NotebookCellStatus.Failed, NotebookCellStatus.Ran], result.Cells.Select(c => c.Status));
        Assert.Equal(2, result.Failure?.CellNumber);
        Assert.Equal(2, result.Cells[^1].Result?.ReturnValue);
    }

    [Fact]
    public async Task CellTimeout_stops_an_endless_loop_and_the_next_cell_still_runs()
    {
        using var temp = new TempNotebook();
        var path = temp.Write("n.ipynb",
            TempNotebook.Code("var spins = 0L;\nwhile (true) { spins++; }"),
            TempNotebook.Code("\"after\""));

        var result = await Run(path, new NotebookRunOptions { ContinueAfterFailure = true, CellTimeout = TimeSpan.FromSeconds(1) });

        var error = result.Cells[0].Result?.Error;
        Assert.Equal(CellErrorKind.Timeout, error?.Kind);
        Assert.Contains("did not finish within 1 s", error?.Message, StringComparison.Ordinal);
        Assert.Equal("after", result.Cells[1].Result?.ReturnValue);
    }

    [Fact]
    public async Task MaxOutputCharacters_keeps_the_start_of_a_flood_and_says_it_was_cut()
    {
        using var temp = new TempNotebook();
        var path = temp.Write("n.ipynb",
            TempNotebook.Code("for (var i = 0; i < 100_000; i++) Console.Write(\"0123456789\");"));

        var result = await Run(path, new NotebookRunOptions { MaxOutputCharacters = 1000 });

        var streams = result.Cells[0].Result!.Outputs.OfType<StreamOutput>().ToList();
        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.True(streams.Sum(s => s.Text.Length) < 1100, $"kept {streams.Sum(s => s.Text.Length)} characters");
        Assert.Contains(streams, s => s.Text.Contains("output truncated: the cell wrote more than 1000 characters", StringComparison.Ordinal));
        var flood = string.Concat(Enumerable.Repeat("0123456789", 100));
        Assert.StartsWith(flood[..900], string.Concat(streams.Select(s => s.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BaseDirectory_is_where_relative_references_start()
    {
        using var library = new TempNotebook();
        using var elsewhere = new TempNotebook();
        File.Copy(typeof(L1Lab.L1).Assembly.Location, Path.Combine(library.Directory, "L1Lab.dll"));
        var path = elsewhere.Write("n.ipynb", TempNotebook.Code("#r \"L1Lab.dll\"\n\"loaded\""));

        var result = await Run(path, new NotebookRunOptions { BaseDirectory = library.Directory });

        Assert.True(result.Succeeded, result.Failure?.Message);
    }
}
