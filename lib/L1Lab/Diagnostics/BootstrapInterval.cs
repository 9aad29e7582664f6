namespace L1Lab.Diagnostics;

/// <summary>
/// A statistic with its percentile bootstrap interval (<see cref="Bootstrap.Stratified"/>): the statistic on the
/// original cases, and the values it took on each resample, whose lower and upper (1 − level)/2 quantiles are the limits.
/// </summary>
/// <param name="Estimate">The statistic on the original cases.</param>
/// <param name="Replicates">The statistic on each resample, in the order they were drawn.</param>
/// <param name="Seed">The seed of the resampling generator: the same seed gives the same replicates.</param>
/// <param name="Level">The confidence level.</param>
public sealed record BootstrapInterval(double Estimate, IReadOnlyList<double> Replicates, int Seed, double Level = 0.95)
{
    /// <summary>The percentile interval: quantiles (1 − level)/2 and (1 + level)/2 of the replicates (numpy's default, linear interpolation).</summary>
    public ConfidenceInterval Interval => new(Estimate,
        Bootstrap.Percentile(Replicates, (1 - Level) / 2), Bootstrap.Percentile(Replicates, (1 + Level) / 2), "bootstrap", Level);

    /// <summary>The bootstrap standard error, the sample standard deviation of the replicates.</summary>
    public double StandardError => Experiments.SampleStatistics.StandardDeviation(Replicates.ToArray());

    /// <summary>"0.82 (bootstrap 0.75–0.89)"; the resample count and seed are in <see cref="Replicates"/> and <see cref="Seed"/>.</summary>
    public override string ToString() => Interval.ToString();
}
