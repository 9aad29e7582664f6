namespace L1Lab.Diagnostics;

/// <summary>
/// A model's scores for a binary diagnosis: for each case, how strongly the model believes it is positive,
/// and whether it actually is. <see cref="BinaryMetrics.Scores"/> builds it from a classifier and a dataset.
/// </summary>
/// <param name="Scores">Higher means "more likely positive" (e.g. the softmax probability of the positive class).</param>
/// <param name="IsPositive">The truth for each case: true when its label is the positive class.</param>
public sealed record BinaryScores(IReadOnlyList<double> Scores, IReadOnlyList<bool> IsPositive)
{
    /// <summary>The confusion matrix when every score ≥ <paramref name="threshold"/> is called positive.</summary>
    public ConfusionMatrix At(double threshold) => BinaryMetrics.Confusion(Scores, IsPositive, threshold);

    /// <summary>The ROC curve of these scores.</summary>
    public RocCurve Roc() => BinaryMetrics.Roc(Scores, IsPositive);
}
