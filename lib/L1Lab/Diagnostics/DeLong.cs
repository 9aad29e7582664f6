namespace L1Lab.Diagnostics;

/// <summary>
/// DeLong, DeLong and Clarke-Pearson (Biometrics 44, 1988): the variance of the Mann–Whitney AUC from its structural
/// components, and the paired comparison of two AUCs measured on the same cases. For each positive case V₁₀ is the share
/// of negatives it outscores (ties ½), for each negative V₀₁ the share of positives that outscore it; the AUC is the
/// mean of either, and Var(AUC) ≈ S₁₀/m + S₀₁/n with S the sample variances (n − 1 denominators) of the components.
/// For two models the same formula with covariances gives the variance of the difference. This is what pROC's
/// <c>roc.test(method = "delong")</c> computes; notebook 07 uses it next to the bootstrap.
/// </summary>
public static class DeLong
{
    /// <summary>The AUC of <paramref name="scores"/> with DeLong's variance and a <paramref name="level"/> interval.</summary>
    /// <exception cref="ArgumentException">Bad input (see <see cref="BinaryMetrics"/>), or fewer than 2 positives or 2 negatives (no variance).</exception>
    public static DeLongAuc Auc(BinaryScores scores, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(scores);
        Validate(scores);
        var (v10, v01) = Midranks.StructuralComponents(scores.Scores, scores.IsPositive);
        double auc = v10.Average();
        double variance = Covariance(v10, v10) / v10.Length + Covariance(v01, v01) / v01.Length;
        return new DeLongAuc(auc, variance, v10.Length, v01.Length, level);
    }

    /// <summary>
    /// The paired difference AUC(<paramref name="a"/>) − AUC(<paramref name="b"/>) on the same cases: standard error
    /// √((S₁₀ᴬᴬ + S₁₀ᴮᴮ − 2S₁₀ᴬᴮ)/m + (S₀₁ᴬᴬ + S₀₁ᴮᴮ − 2S₀₁ᴬᴮ)/n), a normal interval and the two-sided p-value of
    /// z = difference / SE.
    /// </summary>
    /// <exception cref="ArgumentException">As for <see cref="Auc"/>, or the two were not scored on the same cases (labels differ).</exception>
    public static AucDifference Compare(BinaryScores a, BinaryScores b, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        Validate(a);
        Validate(b);
        SameCases(a, b);
        var (a10, a01) = Midranks.StructuralComponents(a.Scores, a.IsPositive);
        var (b10, b01) = Midranks.StructuralComponents(b.Scores, b.IsPositive);
        double aucA = a10.Average(), aucB = b10.Average();
        double variance = (Covariance(a10, a10) + Covariance(b10, b10) - 2 * Covariance(a10, b10)) / a10.Length
                        + (Covariance(a01, a01) + Covariance(b01, b01) - 2 * Covariance(a01, b01)) / a01.Length;
        double se = Math.Sqrt(Math.Max(0, variance));
        double difference = aucA - aucB;
        double half = StandardNormal.TwoSidedZ(level) * se;
        // Identical rankings: no difference and no variance, so nothing to test (p = 1).
        double p = se == 0 ? (difference == 0 ? 1 : 0) : StandardNormal.TwoSidedP(difference / se);
        return new AucDifference(aucA, aucB, se, new ConfidenceInterval(difference, difference - half, difference + half, "DeLong", level), p);
    }

    internal static void SameCases(BinaryScores a, BinaryScores b)
    {
        if (a.IsPositive.Count != b.IsPositive.Count)
            throw new ArgumentException($"the two models were scored on {a.IsPositive.Count} and {b.IsPositive.Count} cases; a paired comparison needs the same cases.", nameof(b));
        for (int i = 0; i < a.IsPositive.Count; i++)
            if (a.IsPositive[i] != b.IsPositive[i])
                throw new ArgumentException($"case {i} is positive for one model and negative for the other; a paired comparison needs the same cases in the same order.", nameof(b));
    }

    static void Validate(BinaryScores scores)
    {
        BinaryMetrics.Check(scores.Scores, scores.IsPositive, needBothClasses: true);
        long positives = scores.IsPositive.Count(p => p), negatives = scores.IsPositive.Count - positives;
        if (positives < 2 || negatives < 2)
            throw new ArgumentException($"{positives} positive and {negatives} negative cases: DeLong's variance needs at least 2 of each.", nameof(scores));
    }

    static double Covariance(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sum = 0;
        for (int i = 0; i < x.Length; i++) sum += (x[i] - mx) * (y[i] - my);
        return sum / (x.Length - 1);
    }
}
