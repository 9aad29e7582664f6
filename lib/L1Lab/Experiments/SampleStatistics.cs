namespace L1Lab.Experiments;

/// <summary>Summaries of a small sample (fold accuracies, accuracies over seeds), defined once for every table.</summary>
public static class SampleStatistics
{
    /// <summary>
    /// The sample standard deviation √(Σ(xᵢ − x̄)² / (n − 1)), which divides by n − 1 because the mean was estimated
    /// from the same values (notebook 05-choosing-lambda); 0 for fewer than two values.
    /// </summary>
    public static double StandardDeviation(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2) return 0;
        double mean = values.Average();
        return Math.Sqrt(values.Sum(a => (a - mean) * (a - mean)) / (values.Count - 1));
    }
}
