using XPlot.Plotly;

namespace L1Lab.Results;

/// <summary>Training curves with XPlot.Plotly, one line per run (used by notebooks and report.html).</summary>
public static class Charts
{
    /// <summary>A line chart of one per-epoch quantity for every run.</summary>
    public static PlotlyChart PerEpoch(IEnumerable<RunResult> runs, Func<Training.EpochMetrics, double> value, string title, string yTitle)
    {
        var traces = runs.Select(r => new Scatter
        {
            x = r.Epochs.Select(e => e.Epoch).ToArray(),
            y = r.Epochs.Select(value).ToArray(),
            mode = "lines+markers",
            name = r.Run,
        });
        var chart = Chart.Plot(traces);
        chart.WithTitle(title);
        chart.WithXTitle("epoch");
        chart.WithYTitle(yTitle);
        chart.WithWidth(640);
        chart.WithHeight(400);
        return chart;
    }

    /// <summary>Training data loss per epoch.</summary>
    public static PlotlyChart DataLoss(IEnumerable<RunResult> runs) => PerEpoch(runs, e => e.DataLoss, "Training data loss (cross-entropy)", "loss");

    /// <summary>Test accuracy per epoch.</summary>
    public static PlotlyChart TestAccuracy(IEnumerable<RunResult> runs) => PerEpoch(runs, e => e.TestAccuracy, "Test accuracy", "accuracy");

    /// <summary>Fraction of weights exactly zero per epoch.</summary>
    public static PlotlyChart ZeroFraction(IEnumerable<RunResult> runs) => PerEpoch(runs, e => e.ZeroFraction, "Weights exactly zero", "fraction");
}
