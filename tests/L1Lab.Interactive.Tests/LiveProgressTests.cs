using Xunit.Abstractions;

namespace L1Lab.Interactive.Tests;

/// <summary>
/// Under Microsoft's .NET Interactive C# kernel the library finds the cell's display by convention
/// (<c>L1Lab.AmbientDisplay</c>), so training progress draws a line and a figure that update in place there too.
/// </summary>
[Collection(DotnetInteractiveCollection.Name)]
public sealed class LiveProgressTests(DotnetInteractiveTool tool, ITestOutputHelper output)
{
    static readonly TimeSpan CellTimeout = TimeSpan.FromMinutes(10);

    [SkippableFact]
    public void Library_progress_shows_a_line_and_a_figure_and_updates_them_in_place()
    {
        using var session = tool.Start(TestPaths.Notebooks);
        var first = CourseNotebook.LoadQuick(Path.Combine(TestPaths.Notebooks, "02-l1-penalty.ipynb")).Cells[0].Source;
        var reference = session.Submit(first, CellTimeout);
        Assert.True(reference.Succeeded, reference.FailureMessage);

        var cell = session.Submit(
            "var progress = L1Lab.Training.LiveProgress.Start(epochs: 3)!;\n" +
            "for (var epoch = 1; epoch <= 3; epoch++)\n" +
            "    progress.Report(new L1Lab.Training.TrainingProgress(epoch, 10, 10, new L1Lab.Training.EpochMetrics(epoch, 1.0 / epoch, 0, 0.5 + 0.1 * epoch, 0, 0, 0, 0.1)));\n" +
            "progress.Finish(completed: true);", CellTimeout);

        Assert.True(cell.Succeeded, cell.FailureMessage);
        foreach (var e in cell.Events.Where(e => e.IsDisplay))
            output.WriteLine($"{e.EventType}: {string.Join(", ", e.FormattedValues.Select(v => v.MimeType))}");
        Assert.Equal(2, cell.Events.Count(e => e.EventType == "DisplayedValueProduced"));
        Assert.Equal(3 + 2 + 1 + 1, cell.Events.Count(e => e.EventType == "DisplayedValueUpdated"));
        var last = cell.Events.Last(e => e.EventType == "DisplayedValueUpdated");
        Assert.Contains(last.FormattedValues, v => v.MimeType == "image/svg+xml");
    }
}
