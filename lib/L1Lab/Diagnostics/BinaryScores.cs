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

    /// <summary>The precision–recall curve of these scores (its <see cref="PrecisionRecallCurve.AveragePrecision"/> is sklearn's).</summary>
    public PrecisionRecallCurve PrecisionRecall() => BinaryMetrics.PrecisionRecall(Scores, IsPositive);

    /// <summary>The AUC with DeLong's variance and interval.</summary>
    public DeLongAuc DeLongAuc(double level = 0.95) => DeLong.Auc(this, level);

    /// <summary>The Brier score of these scores read as probabilities.</summary>
    public double Brier() => Calibration.Brier(this);

    /// <summary>The reliability diagram of these scores in <paramref name="bins"/> equal-width bins.</summary>
    public ReliabilityDiagram Reliability(int bins = 10) => Calibration.Reliability(this, bins);

    /// <summary>Number of positive cases.</summary>
    public int Positives => IsPositive.Count(p => p);

    /// <summary>Number of negative cases.</summary>
    public int Negatives => IsPositive.Count - Positives;
}
