using L1Lab.Training;

namespace L1Lab.Experiments;

/// <summary>One (λ, mode) cell of a sweep averaged over its seeds, for tables and plots.</summary>
/// <param name="Lambda">λ (0 = no L1).</param>
/// <param name="Mode">The L1 mode; null for λ = 0.</param>
/// <param name="Seeds">How many seeds were averaged.</param>
/// <param name="TestAccuracy">Mean final test accuracy.</param>
/// <param name="TestAccuracyStd">Sample standard deviation of the test accuracy over seeds (0 for one seed).</param>
/// <param name="TrainAccuracy">Mean final train accuracy.</param>
/// <param name="ZeroFraction">Mean fraction of exact-zero weights.</param>
/// <param name="NearZeroFraction">Mean fraction of near-zero weights.</param>
/// <param name="Seconds">Mean training time per run.</param>
public sealed record SweepSummary(
    double Lambda, L1Mode? Mode, int Seeds, double TestAccuracy, double TestAccuracyStd,
    double TrainAccuracy, double ZeroFraction, double NearZeroFraction, double Seconds)
{
    /// <summary>Mean train − test accuracy.</summary>
    public double Gap => TrainAccuracy - TestAccuracy;

    /// <summary>"none", "penalty", "subgradient" or "proximal", as in sweep.csv.</summary>
    public string ModeName => L1ModeName.Of(Mode);

    /// <summary>Groups <paramref name="rows"/> by (λ, mode), in first-seen order, and averages each group over its seeds.</summary>
    public static IReadOnlyList<SweepSummary> Of(IEnumerable<SweepResult> rows) =>
        rows.GroupBy(r => (r.Lambda, r.Mode)).Select(g =>
        {
            var test = g.Select(r => r.TestAccuracy).ToArray();
            double mean = test.Average();
            double std = SampleStatistics.StandardDeviation(test);
            return new SweepSummary(g.Key.Lambda, g.Key.Mode, test.Length, mean, std, g.Average(r => r.TrainAccuracy),
                g.Average(r => r.ZeroFraction), g.Average(r => r.NearZeroFraction), g.Average(r => r.Seconds));
        }).ToList();
}
