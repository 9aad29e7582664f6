namespace L1Lab.Selection;

/// <summary>What <see cref="StabilitySelection"/> found: how often each feature was selected, and which are stable.</summary>
public sealed class StabilitySelectionResult
{
    /// <summary>Wraps the counts of one run.</summary>
    /// <param name="selectionCounts">For each feature, in how many resamples it was selected.</param>
    /// <param name="resamples">How many resamples were drawn.</param>
    /// <param name="threshold">π_thr, the share of resamples that makes a feature stable.</param>
    public StabilitySelectionResult(IReadOnlyList<int> selectionCounts, int resamples, double threshold)
    {
        ArgumentNullException.ThrowIfNull(selectionCounts);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (selectionCounts.Any(c => c < 0 || c > resamples))
            throw new ArgumentOutOfRangeException(nameof(selectionCounts), $"every count must lie in 0..{resamples}.");
        SelectionCounts = selectionCounts.ToArray();
        Resamples = resamples;
        Threshold = threshold;
    }

    /// <summary>For each feature, in how many resamples it was selected.</summary>
    public IReadOnlyList<int> SelectionCounts { get; }

    /// <summary>How many resamples were drawn.</summary>
    public int Resamples { get; }

    /// <summary>π_thr, the share of resamples that makes a feature stable.</summary>
    public double Threshold { get; }

    /// <summary>For each feature, the share of resamples that selected it (0 … 1).</summary>
    public IReadOnlyList<double> Frequencies => SelectionCounts.Select(c => (double)c / Resamples).ToArray();

    /// <summary>The stable features: selected in at least <see cref="Threshold"/> of the resamples, ascending.</summary>
    public IReadOnlyList<int> Stable => Enumerable.Range(0, SelectionCounts.Count).Where(j => SelectionCounts[j] >= Threshold * Resamples).ToArray();

    /// <summary>q: the mean number of features one resample selected.</summary>
    public double MeanSelected => SelectionCounts.Sum(c => (double)c) / Resamples;

    /// <summary>
    /// Meinshausen and Bühlmann's bound (2010, Theorem 1) on the expected number of stable features that are noise,
    /// E[V] ≤ q² / ((2π_thr − 1)·p), under their exchangeability assumption; q = <see cref="MeanSelected"/>, p the number of features.
    /// </summary>
    public double ExpectedFalseSelectionsBound => MeanSelected * MeanSelected / ((2 * Threshold - 1) * SelectionCounts.Count);
}
