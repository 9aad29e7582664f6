using System.Globalization;
using System.Net;
using System.Text;
using L1Lab.IO;

namespace L1Lab.Results;

/// <summary>
/// A one-page HTML report: the side-by-side summary table and the loss, accuracy and sparsity curves.
/// The table is plain HTML; the charts load plotly.js from its CDN when the page is opened.
/// </summary>
public static class Report
{
    /// <summary>The report as an HTML document.</summary>
    public static string ToHtml(string title, IReadOnlyList<RunResult> runs, string machine)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(title))
            .Append("</title><script src=\"https://cdn.plot.ly/plotly-latest.min.js\"></script>")
            .Append("<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}</style>")
            .Append("</head><body>\n<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>\n<p>")
            .Append(WebUtility.HtmlEncode(machine)).Append("</p>\n<table><tr>");
        foreach (var h in SummaryHeader) html.Append("<th>").Append(WebUtility.HtmlEncode(h)).Append("</th>");
        html.Append("</tr>\n");
        foreach (var row in SummaryRows(runs))
        {
            html.Append("<tr>");
            foreach (var cell in row) html.Append("<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</table>\n");
        foreach (var chart in new[] { Charts.DataLoss(runs), Charts.TestAccuracy(runs), Charts.ZeroFraction(runs) })
            html.Append(chart.GetInlineHtml()).Append('\n');
        return html.Append("</body></html>\n").ToString();
    }

    /// <summary>Writes <see cref="ToHtml"/> to <paramref name="path"/>, atomically.</summary>
    public static void Write(string path, string title, IReadOnlyList<RunResult> runs, string machine) =>
        AtomicFile.WriteAllText(path, ToHtml(title, runs, machine));

    /// <summary>Headers of the side-by-side summary table.</summary>
    public static readonly IReadOnlyList<string> SummaryHeader =
        ["run", "L1 mode", "λ", "test accuracy", "final data loss", "% weights = 0", "% |w| < 1e-3", "seconds"];

    /// <summary>One row per run: the final epoch's numbers, formatted for people.</summary>
    public static IEnumerable<string[]> SummaryRows(IEnumerable<RunResult> runs) =>
        runs.Select(r => new[]
        {
            r.Run,
            r.ModeName,
            r.Lambda.ToString("G4", CultureInfo.InvariantCulture),
            (100 * r.Final.TestAccuracy).ToString("F2", CultureInfo.InvariantCulture) + " %",
            r.Final.DataLoss.ToString("F4", CultureInfo.InvariantCulture),
            (100 * r.Final.ZeroFraction).ToString("F2", CultureInfo.InvariantCulture),
            (100 * r.Final.NearZeroFraction).ToString("F2", CultureInfo.InvariantCulture),
            r.Seconds.ToString("F1", CultureInfo.InvariantCulture),
        });
}
