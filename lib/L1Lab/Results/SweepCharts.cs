using L1Lab.Experiments;
using XPlot.Plotly;

namespace L1Lab.Results;

/// <summary>
/// Accuracy and sparsity against λ on a logarithmic axis (XPlot.Plotly), one line per L1 mode, averaged over seeds.
/// λ = 0 has no place on a log axis, so the unregularized baseline is drawn as a dashed horizontal line across the
/// whole λ range, labelled "λ = 0 baseline": a reader compares every λ with it directly.
/// </summary>
public static class SweepCharts
{
    /// <summary>Mean test (solid) and train (dotted) accuracy per mode against λ, with the λ = 0 baseline dashed.</summary>
    public static PlotlyChart Accuracy(IEnumerable<SweepResult> rows) =>
        Plot(SweepSummary.Of(rows), "Accuracy vs λ (log axis; λ = 0 as dashed baseline)", "accuracy",
            [("test", s => s.TestAccuracy, "solid"), ("train", s => s.TrainAccuracy, "dot")]);

    /// <summary>Mean fraction of exact-zero (solid) and near-zero (dotted) weights per mode against λ, with the λ = 0 baseline dashed.</summary>
    public static PlotlyChart Sparsity(IEnumerable<SweepResult> rows) =>
        Plot(SweepSummary.Of(rows), "Sparsity vs λ (log axis; λ = 0 as dashed baseline)", "fraction of weights",
            [("= 0", s => s.ZeroFraction, "solid"), ("near 0", s => s.NearZeroFraction, "dot")]);

    static PlotlyChart Plot(IReadOnlyList<SweepSummary> summary, string title, string yTitle,
        (string Name, Func<SweepSummary, double> Value, string Dash)[] series)
    {
        var positive = summary.Where(s => s.Lambda > 0).ToList();
        var traces = new List<Scatter>();
        foreach (var group in positive.GroupBy(s => s.ModeName))
        {
            var points = group.OrderBy(s => s.Lambda).ToList();
            foreach (var (name, value, dash) in series)
                traces.Add(new Scatter
                {
                    x = points.Select(s => s.Lambda).ToArray(),
                    y = points.Select(value).ToArray(),
                    mode = "lines+markers",
                    name = $"{group.Key} {name}",
                    line = new Line { dash = dash },
                });
        }
        if (summary.FirstOrDefault(s => s.Lambda == 0) is { } baseline && positive.Count > 0)
        {
            double[] span = [positive.Min(s => s.Lambda), positive.Max(s => s.Lambda)];
            foreach (var (name, value, _) in series)
                traces.Add(new Scatter
                {
                    x = span,
                    y = span.Select(_ => value(baseline)).ToArray(),
                    mode = "lines",
                    name = $"λ = 0 baseline {name}",
                    line = new Line { dash = "dash", color = "gray" },
                });
        }
        var layout = new Layout.Layout
        {
            title = title,
            xaxis = new Xaxis { type = "log", title = "λ (log scale)" },
            yaxis = new Yaxis { title = yTitle },
            width = 720,
            height = 420,
        };
        return Chart.Plot(traces, layout);
    }
}
