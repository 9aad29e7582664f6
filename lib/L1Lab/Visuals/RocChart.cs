using L1Lab.Diagnostics;

namespace L1Lab.Visuals;

/// <summary>ROC curves (notebook 07): sensitivity against false-positive rate for each classifier, with the chance diagonal.</summary>
public static class RocChart
{
    /// <summary>One line per curve, named with its AUC, on axes fixed to [0, 1], and the dashed grey chance line.</summary>
    public static Figure Of(string title, params IEnumerable<(string Name, RocCurve Curve)> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var lines = curves.Select(c => (Series)new LineSeries($"{c.Name} (AUC {c.Curve.Auc:F3})",
            c.Curve.Points.Select(p => p.FalsePositiveRate).ToArray(), c.Curve.Points.Select(p => p.TruePositiveRate).ToArray()));
        var chance = new LineSeries("chance", [0.0, 1.0], [0.0, 1.0]) { Dash = LineDash.Dash, Color = "#888888", Width = 1.5 };
        return new Figure(title,
            new Axis("false-positive rate (1 − specificity)") { Min = 0, Max = 1 },
            new Axis("sensitivity (true-positive rate)") { Min = 0, Max = 1.02 },
            lines.Append(chance))
        { Width = 560, Height = 500 };
    }
}
