namespace L1Lab.Diagnostics;

/// <summary>
/// The stratified bootstrap for diagnostic measures (Efron and Tibshirani 1993; as pROC's <c>ci.auc(method =
/// "bootstrap", stratified = TRUE)</c>): each resample draws, with replacement, as many positives from the positives
/// and as many negatives from the negatives as the data has, so the prevalence stays fixed and every resample has both
/// classes. The percentile interval of a statistic over the resamples estimates its sampling variability with no
/// formula for its variance, which is why it works for any measure (AUC, average precision, Brier score, balanced
/// accuracy). Seeded: the same seed gives the same resamples and the same interval.
/// </summary>
public static class Bootstrap
{
    /// <summary>The resamples notebook 07 uses by default: enough for stable 2.5 % and 97.5 % quantiles.</summary>
    public const int DefaultResamples = 2000;

    /// <summary>
    /// One stratified resample of the cases: for each positive position a random positive case, then for each negative
    /// position a random negative case (indices into <paramref name="isPositive"/>; positives first). Draws
    /// <c>random.Next(m)</c> m times, then <c>random.Next(n)</c> n times, so a test can replay it.
    /// </summary>
    public static int[] StratifiedIndices(IReadOnlyList<bool> isPositive, Random random)
    {
        ArgumentNullException.ThrowIfNull(isPositive);
        ArgumentNullException.ThrowIfNull(random);
        var positives = new List<int>();
        var negatives = new List<int>();
        for (int i = 0; i < isPositive.Count; i++) (isPositive[i] ? positives : negatives).Add(i);
        var drawn = new int[isPositive.Count];
        int k = 0;
        foreach (var group in new[] { positives, negatives })
            for (int j = 0; j < group.Count; j++) drawn[k++] = group[random.Next(group.Count)];
        return drawn;
    }

    /// <summary>
    /// The percentile bootstrap interval of <paramref name="statistic"/> over <paramref name="resamples"/> stratified
    /// resamples of <paramref name="scores"/>, drawn from <c>new Random(seed)</c>.
    /// </summary>
    /// <exception cref="ArgumentException">Bad input (see <see cref="BinaryMetrics"/>), fewer than 2 resamples, or a level outside (0, 1).</exception>
    public static BootstrapInterval Stratified(BinaryScores scores, Func<BinaryScores, double> statistic,
        int resamples = DefaultResamples, int seed = 0, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(statistic);
        Validate(scores, resamples, level);
        var random = new Random(seed);
        var replicates = new double[resamples];
        for (int r = 0; r < resamples; r++)
            replicates[r] = statistic(Take(scores, StratifiedIndices(scores.IsPositive, random)));
        return new BootstrapInterval(statistic(scores), replicates, seed, level);
    }

    /// <summary>The stratified bootstrap interval of the AUC (see <see cref="Stratified"/>).</summary>
    public static BootstrapInterval Auc(BinaryScores scores, int resamples = DefaultResamples, int seed = 0, double level = 0.95) =>
        Stratified(scores, s => Midranks.StructuralComponents(s.Scores, s.IsPositive).PositiveComponents.Average(), resamples, seed, level);

    /// <summary>
    /// The paired bootstrap of AUC(<paramref name="a"/>) − AUC(<paramref name="b"/>): each resample takes the same cases
    /// for both models, so the correlation between their errors is kept. Interval: percentile; standard error: the
    /// replicates' standard deviation; p-value: twice the share of replicates on the far side of 0 from the observed
    /// difference (capped at 1), the smallest two-sided level whose percentile interval would reach 0.
    /// </summary>
    /// <exception cref="ArgumentException">As for <see cref="Stratified"/>, or the two were not scored on the same cases.</exception>
    public static AucDifference PairedAucDifference(BinaryScores a, BinaryScores b, int resamples = DefaultResamples, int seed = 0, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        Validate(a, resamples, level);
        Validate(b, resamples, level);
        DeLong.SameCases(a, b);
        var random = new Random(seed);
        var replicates = new double[resamples];
        for (int r = 0; r < resamples; r++)
        {
            var indices = StratifiedIndices(a.IsPositive, random);
            replicates[r] = AucOf(Take(a, indices)) - AucOf(Take(b, indices));
        }
        double aucA = AucOf(a), aucB = AucOf(b), difference = aucA - aucB;
        long below = replicates.Count(d => d <= 0), above = replicates.Count(d => d >= 0);
        double p = Math.Min(1, 2.0 * (difference >= 0 ? below : above) / resamples);
        var interval = new ConfidenceInterval(difference, Percentile(replicates, (1 - level) / 2), Percentile(replicates, (1 + level) / 2), "paired bootstrap", level);
        return new AucDifference(aucA, aucB, Experiments.SampleStatistics.StandardDeviation(replicates), interval, p);
    }

    /// <summary>
    /// The q-quantile of <paramref name="values"/> by linear interpolation between order statistics (numpy's default,
    /// Hyndman–Fan type 7): position h = (N − 1)·q in the sorted values.
    /// </summary>
    public static double Percentile(IReadOnlyList<double> values, double q)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException("no values: a quantile needs at least one.", nameof(values));
        if (!(q >= 0 && q <= 1)) throw new ArgumentOutOfRangeException(nameof(q), q, "a quantile level must be between 0 and 1.");
        var sorted = values.OrderBy(v => v).ToArray();
        double h = (sorted.Length - 1) * q;
        int low = (int)Math.Floor(h);
        int high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }

    static double AucOf(BinaryScores s) => Midranks.StructuralComponents(s.Scores, s.IsPositive).PositiveComponents.Average();

    static BinaryScores Take(BinaryScores scores, int[] indices) =>
        new(indices.Select(i => scores.Scores[i]).ToArray(), indices.Select(i => scores.IsPositive[i]).ToArray());

    static void Validate(BinaryScores scores, int resamples, double level)
    {
        BinaryMetrics.Check(scores.Scores, scores.IsPositive, needBothClasses: true);
        if (resamples < 2) throw new ArgumentOutOfRangeException(nameof(resamples), resamples, "a bootstrap interval needs at least 2 resamples (2000 is usual).");
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "a confidence level must be strictly between 0 and 1 (e.g. 0.95).");
    }
}
