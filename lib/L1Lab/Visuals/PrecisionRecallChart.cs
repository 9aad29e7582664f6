using System.Globalization;
using L1Lab.Diagnostics;

namespace L1Lab.Visuals;

/// <summary>
/// Precision–recall curves (notebook 07): precision against recall for each classifier, drawn as the steps average
/// precision sums, with the prevalence as the chance line (a score that knows nothing has precision = prevalence).
/// </summary>
public static class PrecisionRecallChart
{
    /// <summary>One step line per curve, named with its average precision, and the dashed grey prevalence line.</summary>
    /// <exception cref="ArgumentException">No curve.</exception>
    public static Figure Of(string title, params IEnumerable<(string Name, PrecisionRecallCurve Curve)> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var list = curves.ToList();
        if (list.Count == 0) throw new ArgumentException($"precision–recall chart \"{title}\" has no curve.", nameof(curves));
        var lines = list.Select(c =>
        {
            // A step: from the previous recall at this precision (what AP adds up), then to this point.
            var x = new List<double>();
            var y = new List<double>();
            double previousRecall = 0;
            foreach (var p in c.Curve.Points)
            {
                x.Add(previousRecall); y.Add(p.Precision);
                x.Add(p.Recall); y.Add(p.Precision);
                previousRecall = p.Recall;
            }
            return (Series)new LineSeries($"{c.Name} (AP {c.Curve.AveragePrecision.ToString("F3", CultureInfo.InvariantCulture)})", x, y);
        });
        double prevalence = list[0].Curve.Prevalence;
        var chance = new LineSeries($"prevalence {prevalence.ToString("P1", CultureInfo.InvariantCulture)}", [0.0, 1.0], [prevalence, prevalence])
        { Dash = LineDash.Dash, Color = "#888888", Width = 1.5 };
        return new Figure(title,
            new Axis("recall (sensitivity)") { Min = 0, Max = 1 },
            new Axis("precision (PPV at this prevalence)") { Min = 0, Max = 1.02 },
            lines.Append(chance))
        { Width = 560, Height = 500 };
    }
}
