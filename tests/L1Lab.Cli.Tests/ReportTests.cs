using System.Text.RegularExpressions;
using L1Lab.Cli.Reports;
using L1Lab.Experiments;
using L1Lab.Results;
using L1Lab.Training;
using L1Lab.Visuals;

namespace L1Lab.Cli.Tests;

public sealed partial class ReportTests
{
    static readonly RunResult[] Runs =
    [
        new("baseline", null, 0, [new EpochMetrics(1, 0.5, 0, 0.9, 0.89, 0, 0.01, 1.5), new EpochMetrics(2, 0.25, 0, 0.95, 0.94, 0, 0.02, 1.25)]),
        new("l1", L1Mode.Proximal, 0.01, [new EpochMetrics(1, 0.75, 0.125, 0.8, 0.79, 0.5, 0.6, 2)]),
    ];

    static readonly SweepResult[] Sweep =
    [
        new(0, null, 1, 0.90, 0.80, 0, 0.02, 1),
        new(0, null, 2, 0.92, 0.84, 0, 0.02, 3),
        new(1e-3, L1Mode.Proximal, 1, 0.88, 0.82, 0.5, 0.6, 2),
        new(1e-3, L1Mode.Proximal, 2, 0.86, 0.82, 0.7, 0.8, 2),
    ];

    /// <summary>Any URL-looking text outside the inlined plotly.js bundle and the SVG namespace name.</summary>
    static string[] ExternalReferences(string html)
    {
        var page = html.Replace(PlotlyScript.Text, "").Replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        return [.. Url().Matches(page).Select(m => m.Value)];
    }

    [GeneratedRegex(@"(https?:|//[a-z0-9.-]+\.[a-z]{2,}/|src=""(?!data:))", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [Fact]
    public void Report_has_one_row_per_run_three_charts_with_static_pictures_and_the_weights_of_both_runs()
    {
        var weights = Runs.Select(r => new PngImage([0x89, 0x50, 0x4E, 0x47], 1, 1).WithTitle($"{r.Run} weights")).ToList();

        var html = Report.ToHtml("test", Runs, "machine", weights);

        Assert.Equal(2, Report.SummaryRows(Runs).Count());
        Assert.Contains("<td>79.00 %</td>", html);
        Assert.Equal(3, Regex.Matches(html, "<div class=\"l1lab-static\"><svg").Count);
        Assert.Equal(3, Regex.Matches(html, "window.Plotly.newPlot\\(target").Count);
        Assert.Contains("alt=\"baseline weights\"", html);
        Assert.Contains("alt=\"l1 weights\"", html);
    }

    [Fact]
    public void Report_is_one_self_contained_file_with_plotly_js_inlined_once_and_no_external_reference()
    {
        var html = Report.ToHtml("test", Runs, "machine", [new PngImage([0x89, 0x50, 0x4E, 0x47], 1, 1)]);

        Assert.Single(Regex.Matches(html, Regex.Escape(PlotlyScript.Text[..300])));
        Assert.Empty(ExternalReferences(html));
    }

    [Fact]
    public void Sweep_report_plots_lambda_on_a_log_axis_with_lambda_zero_as_a_dashed_baseline_and_no_external_reference()
    {
        var html = SweepReport.ToHtml("sweep", Sweep, "test");

        Assert.Contains("\"type\":\"log\"", html);
        Assert.Contains("\\u03BB = 0 baseline test", html); // the figure JSON inside the page's script is ASCII-escaped
        Assert.Contains("λ = 0 baseline test", html);       // and the static SVG's legend says it plainly
        Assert.Contains("\"dash\":\"dash\"", html);
        Assert.Equal("82.00 ± 2.83 %", SweepReport.SummaryRows(Sweep).First()[3]);
        Assert.Empty(ExternalReferences(html));
    }
}
