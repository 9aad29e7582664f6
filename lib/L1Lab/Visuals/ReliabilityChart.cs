using System.Globalization;
using L1Lab.Diagnostics;

namespace L1Lab.Visuals;

/// <summary>
/// Reliability diagrams (notebook 07): for each classifier, the observed share of positives against the mean predicted
/// probability in each bin, with each bin's 95 % Wilson interval as a vertical bar and the diagonal of perfect
/// calibration. Few cases in a bin means a long bar: read the points with their bars.
/// </summary>
public static class ReliabilityChart
{
    /// <summary>Points joined per model, named with the ECE; Wilson bars per bin; the dashed grey diagonal.</summary>
    /// <exception cref="ArgumentException">No diagram.</exception>
    public static Figure Of(string title, params IEnumerable<(string Name, ReliabilityDiagram Diagram)> diagrams)
    {
        ArgumentNullException.ThrowIfNull(diagrams);
        var list = diagrams.ToList();
        if (list.Count == 0) throw new ArgumentException($"reliability chart \"{title}\" has no diagram.", nameof(diagrams));
        var series = new List<Series>();
        foreach (var (name, diagram) in list)
        {
            var color = Palette.Color(series.Count / 2);
            series.Add(new LineSeries($"{name} (ECE {diagram.ExpectedCalibrationError.ToString("F3", CultureInfo.InvariantCulture)}, {diagram.BinCount} bins)",
                diagram.Bins.Select(b => b.MeanPredicted).ToArray(), diagram.Bins.Select(b => b.Observed.Estimate).ToArray())
            { Markers = true, Color = color });
            // One series of vertical bars, NaN between them so they are not joined.
            var x = diagram.Bins.SelectMany(b => new[] { b.MeanPredicted, b.MeanPredicted, double.NaN }).ToArray();
            var y = diagram.Bins.SelectMany(b => new[] { b.Observed.Lower, b.Observed.Upper, double.NaN }).ToArray();
            series.Add(new LineSeries($"{name}: 95 % Wilson interval per bin", x, y) { Color = color, Width = 1 });
        }
        series.Add(new LineSeries("perfect calibration", [0.0, 1.0], [0.0, 1.0]) { Dash = LineDash.Dash, Color = "#888888", Width = 1.5 });
        return new Figure(title,
            new Axis("mean predicted probability of the positive class") { Min = 0, Max = 1 },
            new Axis("observed share of positives") { Min = 0, Max = 1.02 },
            series)
        { Width = 560, Height = 500 };
    }
}
