namespace L1Lab.Experiments;

/// <summary>How well one λ did in cross-validation: the validation accuracy of every fold and their summary.</summary>
/// <param name="Lambda">The candidate λ.</param>
/// <param name="FoldAccuracies">Validation accuracy on each held-out fold, fold 1 first.</param>
public sealed record LambdaScore(double Lambda, IReadOnlyList<double> FoldAccuracies)
{
    /// <summary>Mean validation accuracy over the folds.</summary>
    public double Mean => FoldAccuracies.Average();

    /// <summary>Sample standard deviation over the folds (divides by K − 1; 0 for a single fold).</summary>
    public double StandardDeviation => SampleStatistics.StandardDeviation(FoldAccuracies);

    /// <summary>Standard error of the mean, σ / √K, used by the one-standard-error rule.</summary>
    public double StandardError => StandardDeviation / Math.Sqrt(FoldAccuracies.Count);
}
