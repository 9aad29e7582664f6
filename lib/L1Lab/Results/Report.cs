using System.Globalization;
using L1Lab.IO;

namespace L1Lab.Results;

/// <summary>
/// A one-page HTML report: the side-by-side summary table and the loss, accuracy and sparsity curves.
/// The table is plain HTML; the charts load plotly.js from its CDN when the page is opened.
/// </summary>
public static class Report
{
    /// <summary>The report as an HTML document.</summary>
    public static string ToHtml(string title, IReadOnlyList<RunResult> runs, string machine) =>
        HtmlPage.Build(title, machine, SummaryHeader, SummaryRows(runs),
            new[] { Charts.DataLoss(runs), Charts.TestAccuracy(runs), Charts.ZeroFraction(runs) }.Select(c => c.GetInlineHtml()));

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
