using L1Lab.Visuals;

namespace L1Lab.Results;

/// <summary>Training curves, one line per run (notebooks 04 and 06, report.html), as <see cref="Figure"/>s.</summary>
public static class Charts
{
    /// <summary>A line chart of one per-epoch quantity for every run.</summary>
    public static Figure PerEpoch(IEnumerable<RunResult> runs, Func<Training.EpochMetrics, double> value, string title, string yTitle)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(value);
        var lines = runs.Select(r => (Series)new LineSeries(r.Run,
            r.Epochs.Select(e => (double)e.Epoch).ToArray(), r.Epochs.Select(value).ToArray())
        { Markers = true });
        return new Figure(title, Axis.Linear("epoch"), Axis.Linear(yTitle), lines);
    }

    /// <summary>Training data loss per epoch.</summary>
    public static Figure DataLoss(IEnumerable<RunResult> runs) =>
        PerEpoch(runs, e => e.DataLoss, "Training data loss (cross-entropy)", "mean cross-entropy (nats per image)");

    /// <summary>Test accuracy per epoch.</summary>
    public static Figure TestAccuracy(IEnumerable<RunResult> runs) =>
        PerEpoch(runs, e => e.TestAccuracy, "Test accuracy", "accuracy (fraction of test images)");

    /// <summary>Fraction of weights exactly zero per epoch.</summary>
    public static Figure ZeroFraction(IEnumerable<RunResult> runs) =>
        PerEpoch(runs, e => e.ZeroFraction, "Weights exactly zero", "fraction of weights");
}
