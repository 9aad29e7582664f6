namespace L1Lab.Diagnostics;

/// <summary>
/// The Wilson score interval for a binomial proportion (Wilson 1927): the set of true proportions p for which the
/// observed k of n is within z standard errors, √(p(1 − p)/n). Unlike the textbook p̂ ± z·√(p̂(1 − p̂)/n) it never
/// leaves 0–1 and keeps close to its nominal coverage at the small counts of a diagnostic study (42 malignant test
/// images in BreastMNIST), which is why STARD-style reports use it. Notebook 07 applies it to every rate.
/// </summary>
public static class Wilson
{
    /// <summary>
    /// The interval for <paramref name="successes"/> of <paramref name="total"/>:
    /// (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n), with z the two-sided normal quantile of <paramref name="level"/>.
    /// Matches statsmodels' <c>proportion_confint(method="wilson")</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative count, more successes than the total, or a level outside (0, 1).</exception>
    public static ProportionInterval Interval(long successes, long total, double level = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        if (successes > total)
            throw new ArgumentOutOfRangeException(nameof(successes), successes, $"{successes} successes out of {total}: a proportion cannot exceed its total.");
        double z = StandardNormal.TwoSidedZ(level);
        if (total == 0) return new ProportionInterval(0, 0, double.NaN, 0, 1, level);
        double n = total, p = successes / n, z2 = z * z;
        double center = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // At 0 or n successes one limit is exactly 0 or 1; rounding must not put it a hair outside.
        double lower = successes == 0 ? 0 : Math.Max(0, center - half);
        double upper = successes == total ? 1 : Math.Min(1, center + half);
        return new ProportionInterval(successes, total, p, lower, upper, level);
    }
}
