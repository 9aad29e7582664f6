using System.Globalization;
using L1Lab.Experiments;
using L1Lab.IO;
using L1Lab.Results;

namespace L1Lab.Cli.Reports;

/// <summary>
/// sweep.html: the per-(λ, mode) summary table and the accuracy and sparsity charts of <see cref="SweepCharts"/>.
/// One self-contained file: it loads nothing from anywhere (see <see cref="HtmlPage"/>).
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
        IEnumerable<object> charts = rows.Any(r => r.Lambda > 0) ? [SweepCharts.Accuracy(rows), SweepCharts.Sparsity(rows)] : [];
        return HtmlPage.Build(title, description, SummaryHeader, SummaryRows(rows),
            charts.Prepend("<p>λ = 0 cannot sit on a logarithmic axis: the charts draw it as a dashed grey line across the λ range.</p>"));
    }

    /// <summary>Writes <see cref="ToHtml"/> to <paramref name="path"/>, atomically.</summary>
    public static void Write(string path, string title, IReadOnlyList<SweepResult> rows, string description) =>
        AtomicFile.WriteAllText(path, ToHtml(title, rows, description));

    static string Percent(double fraction) => (100 * fraction).ToString("F2", CultureInfo.InvariantCulture);
}
