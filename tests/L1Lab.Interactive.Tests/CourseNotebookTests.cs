using Xunit.Abstractions;

namespace L1Lab.Interactive.Tests;

/// <summary>
/// A course notebook under Microsoft's own .NET Interactive C# kernel (what Polyglot Notebooks runs): its code
/// cells submitted in order, in the notebooks folder so its relative <c>#r</c> finds the library, with quick
/// values in its parameters cell. Every cell must succeed — TorchSharp included, so the libstdc++ fix works in
/// that host too — and every figure and image must come back as a picture, not an object table or a byte dump.
/// </summary>
[Collection(DotnetInteractiveCollection.Name)]
public sealed class CourseNotebookTests(DotnetInteractiveTool tool, ITestOutputHelper output)
{
    /// <summary>Long enough for the first cell's <c>#r "nuget:"</c> restore on a cold cache.</summary>
    static readonly TimeSpan CellTimeout = TimeSpan.FromMinutes(10);

    [SkippableTheory]
    [InlineData("02-l1-penalty.ipynb")]
    [InlineData("04-mnist-experiment.ipynb")]
    public void Every_cell_succeeds_and_every_figure_comes_back_as_a_picture(string file)
    {
        var notebook = CourseNotebook.LoadQuick(Path.Combine(TestPaths.Notebooks, file));
        using var session = tool.Start(TestPaths.Notebooks);
        output.WriteLine($"{file}: {notebook.Cells.Count} code cells; tool install {tool.InstallTime.TotalSeconds:F1} s, kernel ready after {session.StartupTime.TotalSeconds:F1} s");

        var problems = new List<string>();
        var figures = new List<IReadOnlyList<FormattedValue>>();
        foreach (var (id, source) in notebook.Cells)
        {
            var cell = session.Submit(source, CellTimeout);
            output.WriteLine($"[{id}] {(cell.Succeeded ? "ok" : "FAILED")} in {cell.Elapsed.TotalSeconds:F1} s");
            if (!cell.Succeeded)
                problems.Add($"[{id}] failed: {FirstLine(cell.FailureMessage)}");
            foreach (var bundle in cell.Outputs.Where(PictureCheck.IsFigure))
            {
                figures.Add(bundle);
                var why = PictureCheck.NotAPicture(bundle);
                output.WriteLine($"    figure: {(why is null ? "picture" : "NOT a picture")} — {PictureCheck.Describe(bundle)}");
                if (why is not null) problems.Add($"[{id}] a figure came back as {why}");
            }
        }
        foreach (var kind in figures.GroupBy(b => string.Join(" + ", b.Select(v => v.MimeType))))
            output.WriteLine($"{kind.Count()} × {kind.Key}");
        var torch = session.Submit("L1Lab.Native.TorchRuntime.Initialize().ToString()", CellTimeout);
        output.WriteLine($"TorchSharp in this kernel: {torch.ReturnValue?.FirstOrDefault()?.Value ?? torch.FailureMessage}");

        Assert.True(problems.Count == 0, $"{file} under dotnet-interactive {DotnetInteractiveTool.Version}:\n" + string.Join("\n", problems));
        Assert.True(figures.Count > 0, $"{file}: no figure or image came back at all");
        Assert.True(torch.Succeeded, torch.FailureMessage);
    }

    static string FirstLine(string? text) => (text ?? "").Split('\n')[0];
}
