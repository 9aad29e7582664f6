using L1Lab.Training;

namespace L1Lab.Results;

/// <summary>One training run: its name, how L1 was applied, λ, and the metrics of every epoch.</summary>
/// <param name="Run">A short name, e.g. "baseline" or "l1".</param>
/// <param name="Mode">The L1 mode, or null when the run applied no L1.</param>
/// <param name="Lambda">λ for L1 (0 for none).</param>
/// <param name="Epochs">Per-epoch metrics, first epoch first.</param>
public sealed record RunResult(string Run, L1Mode? Mode, double Lambda, IReadOnlyList<EpochMetrics> Epochs)
{
    /// <summary>The last epoch's metrics.</summary>
    public EpochMetrics Final => Epochs[^1];

    /// <summary>Total training time over all epochs, in seconds.</summary>
    public double Seconds => Epochs.Sum(e => e.Seconds);

    /// <summary>The mode as written in results.csv: "none", "penalty", "subgradient" or "proximal".</summary>
    public string ModeName => L1ModeName.Of(Lambda == 0 ? null : Mode);
}
