using System.Globalization;
using System.Net;
using System.Text;
using L1Lab.Experiments;
using L1Lab.IO;

namespace L1Lab.Results;

/// <summary>
/// sweep.html: the per-(λ, mode) summary table and the accuracy and sparsity charts of <see cref="SweepCharts"/>.
/// The charts load plotly.js from its CDN when the page is opened.
/// </summary>
public static class SweepReport
{
    /// <summary>Headers of the summary table.</summary>
    public static readonly IReadOnlyList<string> SummaryHeader =
        ["λ", "L1 mode", "seeds", "test accuracy", "train accuracy", "gap", "% weights = 0", "% |w| < tol", "seconds/run"];

    /// <summary>One row per (λ, mode), averaged over seeds and formatted for people.</summary>
    public static IEnumerable<string[]> SummaryRows(IEnumerable<SweepResult> rows) =>
        SweepSummary.Of(rows).Select(s => new[]
        {
            s.Lambda.ToString("G4", CultureInfo.InvariantCulture),
            s.ModeName,
            s.Seeds.ToString(CultureInfo.InvariantCulture),
            Percent(s.TestAccuracy) + (s.Seeds > 1 ? " ± " + Percent(s.TestAccuracyStd) : "") + " %",
            Percent(s.TrainAccuracy) + " %",
            Percent(s.Gap),
            Percent(s.ZeroFraction),
            Percent(s.NearZeroFraction),
            s.Seconds.ToString("F1", CultureInfo.InvariantCulture),
        });

    /// <summary>The report as an HTML document.</summary>
    public static string ToHtml(string title, IReadOnlyList<SweepResult> rows, string description)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(title))
            .Append("</title><script src=\"https://cdn.plot.ly/plotly-latest.min.js\"></script>")
            .Append("<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}</style>")
            .Append("</head><body>\n<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>\n<p>")
            .Append(WebUtility.HtmlEncode(description)).Append("</p>\n<table><tr>");
        foreach (var h in SummaryHeader) html.Append("<th>").Append(WebUtility.HtmlEncode(h)).Append("</th>");
        html.Append("</tr>\n");
        foreach (var row in SummaryRows(rows))
        {
            html.Append("<tr>");
            foreach (var cell in row) html.Append("<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</table>\n<p>λ = 0 cannot sit on a logarithmic axis: the charts draw it as a dashed grey line across the λ range.</p>\n");
        if (rows.Any(r => r.Lambda > 0))
            foreach (var chart in new[] { SweepCharts.Accuracy(rows), SweepCharts.Sparsity(rows) })
                html.Append(chart.GetInlineHtml()).Append('\n');
        return html.Append("</body></html>\n").ToString();
    }

    /// <summary>Writes <see cref="ToHtml"/> to <paramref name="path"/>, atomically.</summary>
    public static void Write(string path, string title, IReadOnlyList<SweepResult> rows, string description) =>
        AtomicFile.WriteAllText(path, ToHtml(title, rows, description));

    static string Percent(double fraction) => (100 * fraction).ToString("F2", CultureInfo.InvariantCulture);
}
