using System.Globalization;
using L1Lab.IO;
using L1Lab.Results;
using L1Lab.Visuals;

namespace L1Lab.Cli.Reports;

/// <summary>
/// report.html of <c>l1lab reproduce</c>: the side-by-side summary table, the loss, accuracy and sparsity curves
/// (<see cref="Charts"/>), and each run's first-layer weights as pictures, where L1's exact zeros show as white.
/// One self-contained file: it loads nothing from anywhere (see <see cref="HtmlPage"/>).
/// </summary>
public static class Report
{
    /// <summary>The report as an HTML document; <paramref name="weights"/> are shown in order below the charts.</summary>
    public static string ToHtml(string title, IReadOnlyList<RunResult> runs, string machine, IEnumerable<PngImage>? weights = null)
    {
        var images = (weights ?? []).ToList();
        var after = new List<object> { Charts.DataLoss(runs), Charts.TestAccuracy(runs), Charts.ZeroFraction(runs) };
        if (images.Count > 0)
        {
            after.Add("<h2>First-layer weights</h2>\n<p>The first 64 hidden units' weight vectors, each as a 28×28 picture: red positive, "
                + "blue negative, white exactly zero, all runs on one colour scale (full colour at the largest |w| of any run; each caption gives its own largest |w|).</p>");
            after.AddRange(images);
        }
        return HtmlPage.Build(title, machine, SummaryHeader, SummaryRows(runs), after);
    }

    /// <summary>Writes <see cref="ToHtml"/> to <paramref name="path"/>, atomically.</summary>
    public static void Write(string path, string title, IReadOnlyList<RunResult> runs, string machine, IEnumerable<PngImage>? weights = null) =>
        AtomicFile.WriteAllText(path, ToHtml(title, runs, machine, weights));

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
