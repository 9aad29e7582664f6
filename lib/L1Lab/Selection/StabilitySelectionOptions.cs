namespace L1Lab.Selection;

/// <summary>How <see cref="StabilitySelection"/> resamples and when it calls a feature stable.</summary>
public sealed record StabilitySelectionOptions
{
    /// <summary>How many half-samples are drawn (each is one fit).</summary>
    public int Resamples { get; init; } = 100;

    /// <summary>π_thr: a feature is stable when it is selected in at least this share of the resamples (Meinshausen and Bühlmann use 0.6–0.9).</summary>
    public double Threshold { get; init; } = 0.6;

    /// <summary>Seeds the resamples: the same seed draws the same half-samples.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public StabilitySelectionOptions Validate()
    {
        if (Resamples < 1) throw new ArgumentException($"resamples must be at least 1 (got {Resamples}).");
        if (!(Threshold > 0.5 && Threshold <= 1)) throw new ArgumentException($"the stability threshold must lie in (0.5, 1] (got {Threshold}).");
        return this;
    }
}
