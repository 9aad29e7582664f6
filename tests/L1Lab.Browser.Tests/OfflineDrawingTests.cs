using System.Text.Json.Nodes;

namespace L1Lab.Browser.Tests;

/// <summary>
/// Issue 10's offline checks, in Chromium with every request outside file:// failed: report.html from a tiny
/// <c>reproduce</c> run, and an executed course notebook exported by Debian's nbconvert. Every chart must draw
/// (plotly's SVG or the static image, non-zero size), nothing may leave file://, and no error may reach the console.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfflineDrawingTests(BrowserFixture browser, CourseFixture course)
{
    [SkippableFact]
    public async Task Report_html_of_a_tiny_reproduce_run_draws_every_chart_offline()
    {
        Skip.If(browser.Browser is null, SystemChromium.Missing);
        var output = course.NewFolder("reproduce");
        var run = L1labCommand.Run("reproduce", "--epochs", "1", "--train-samples", "500", "--out", output);
        Assert.True(run.ExitCode == 0, run.ToString());

        await using var offline = await OfflinePage.OpenAsync(browser.Browser!, Path.Combine(output, "report.html"));
        var report = await offline.ReportAsync("report-html");

        Assert.True(!report.Problems.Any(), string.Join("\n", report.Problems));
        // Its three charts (loss, accuracy, sparsity) at least, each drawn.
        Assert.True(report.Drawings.Count(d => d.Drew) >= 3, string.Join("\n", report.Drawings));
    }

    [SkippableFact]
    public async Task An_executed_notebook_exported_by_nbconvert_draws_every_chart_offline()
    {
        Skip.If(browser.Browser is null, SystemChromium.Missing);
        Skip.IfNot(NbconvertInstalled(), "Debian's nbconvert is not installed (apt-get install python3-nbconvert)");
        var build = course.Course;
        Assert.True(build.Result.ExitCode == 0, build.Result.ToString());
        // Notebook 04 has the most charts: training curves, sparsity and first-layer weight images.
        var notebook = Path.Combine(build.Executed, "04-mnist-experiment.ipynb");
        var output = course.NewFolder("nbconvert");

        var export = ChildProcess.Run(TestPaths.Python, ["-m", "nbconvert", "--to", "html", notebook, "--output-dir", output],
            timeout: TimeSpan.FromMinutes(10));
        Assert.True(export.ExitCode == 0, export.ToString());

        await using var offline = await OfflinePage.OpenAsync(browser.Browser!, Path.Combine(output, "04-mnist-experiment.html"));
        var report = await offline.ReportAsync("nbconvert-04-mnist-experiment");

        Assert.True(!report.Problems.Any(), string.Join("\n", report.Problems));
        var charts = ChartOutputs(notebook);
        Assert.True(charts > 0, "the executed notebook has no chart or image output");
        Assert.True(report.Drawings.Count(d => d.Drew) >= charts, $"{charts} chart outputs, drawn:\n{string.Join("\n", report.Drawings)}");
    }

    /// <summary>Outputs that are figures: an image, a Plotly figure, or HTML that builds a chart.</summary>
    static int ChartOutputs(string notebook)
    {
        var cells = JsonNode.Parse(File.ReadAllText(notebook))!["cells"]!.AsArray();
        return cells.SelectMany(c => c!["outputs"]?.AsArray() ?? []).Count(o => o!["data"] is JsonObject data
            && (data.ContainsKey("image/png") || data.ContainsKey("image/svg+xml") || data.ContainsKey("application/vnd.plotly.v1+json")
                || (data["text/html"]?.ToJsonString().Contains("plotly", StringComparison.OrdinalIgnoreCase) ?? false)));
    }

    static bool NbconvertInstalled() =>
        File.Exists(TestPaths.Python) && ChildProcess.Run(TestPaths.Python, ["-c", "import nbconvert"]).ExitCode == 0;
}
