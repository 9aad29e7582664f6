using L1Lab.Experiments;
using L1Lab.Visuals;

namespace L1Lab.Results;

/// <summary>
/// Accuracy and sparsity against λ on a logarithmic axis, one line per L1 mode, averaged over seeds (notebook 05,
/// sweep.html). λ = 0 has no place on a log axis, so the unregularized baseline is drawn as a dashed grey horizontal
/// line across the whole λ range, labelled "λ = 0 baseline": a reader compares every λ with it directly.
/// </summary>
public static class SweepCharts
{
    /// <summary>Mean held-out (solid) and train (dotted) accuracy per mode against λ, with the λ = 0 baseline dashed.</summary>
    /// <param name="rows">The sweep's rows.</param>
    /// <param name="heldOut">What the sweep evaluated on, as the legend names it: "test" (the default, for
    /// reproduce's sweep.html) or "validation" when the sweep held out part of the training images (notebook 05), so a
    /// chart never calls a validation accuracy a test accuracy.</param>
    public static Figure Accuracy(IEnumerable<SweepResult> rows, string heldOut = "test") =>
        Plot(SweepSummary.Of(rows), "Accuracy vs λ (log axis; λ = 0 as dashed baseline)", "accuracy (fraction of images)",
            [(heldOut, s => s.TestAccuracy, LineDash.Solid), ("train", s => s.TrainAccuracy, LineDash.Dot)]);

    /// <summary>Mean fraction of exact-zero (solid) and near-zero (dotted) weights per mode against λ, with the λ = 0 baseline dashed.</summary>
    public static Figure Sparsity(IEnumerable<SweepResult> rows) =>
        Plot(SweepSummary.Of(rows), "Sparsity vs λ (log axis; λ = 0 as dashed baseline)", "fraction of weights",
            [("= 0", s => s.ZeroFraction, LineDash.Solid), ("near 0", s => s.NearZeroFraction, LineDash.Dot)]);

    static Figure Plot(IReadOnlyList<SweepSummary> summary, string title, string yTitle,
        (string Name, Func<SweepSummary, double> Value, LineDash Dash)[] series)
    {
        var positive = summary.Where(s => s.Lambda > 0).ToList();
        if (positive.Count == 0) throw new ArgumentException("A λ chart needs at least one λ > 0.", nameof(summary));
        var lines = new List<Series>();
        int mode = 0;
        foreach (var group in positive.GroupBy(s => s.ModeName))
        {
            var points = group.OrderBy(s => s.Lambda).ToList();
            var color = Palette.Color(mode++);
            foreach (var (name, value, dash) in series)
                lines.Add(new LineSeries($"{group.Key} {name}", points.Select(s => s.Lambda).ToArray(), points.Select(value).ToArray())
                { Markers = true, Dash = dash, Color = color });
        }
        if (summary.FirstOrDefault(s => s.Lambda == 0) is { } baseline)
        {
            double[] span = [positive.Min(s => s.Lambda), positive.Max(s => s.Lambda)];
            foreach (var (name, value, _) in series)
                lines.Add(new LineSeries($"λ = 0 baseline {name}", span, span.Select(_ => value(baseline)).ToArray())
                { Dash = LineDash.Dash, Color = "#888888", Width = 1.5 });
        }
        return new Figure(title, Axis.Log("λ (log scale)"), Axis.Linear(yTitle), lines) { Width = 720, Height = 420 };
    }
}
