namespace L1Lab.Diagnostics;

/// <summary>
/// The four counts of a binary diagnosis at one threshold, with the rates a clinician reads off them.
/// "Positive" is the class the test is looking for (for BreastMNIST: malignant). A rate whose denominator
/// is zero (e.g. sensitivity when there are no positives) is <see cref="double.NaN"/>, not a made-up 0 or 1.
/// </summary>
/// <param name="TruePositives">Positives predicted positive.</param>
/// <param name="FalsePositives">Negatives predicted positive (false alarms).</param>
/// <param name="TrueNegatives">Negatives predicted negative.</param>
/// <param name="FalseNegatives">Positives predicted negative (missed cases).</param>
public sealed record ConfusionMatrix(long TruePositives, long FalsePositives, long TrueNegatives, long FalseNegatives)
{
    /// <summary>Number of cases counted.</summary>
    public long Total => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;

    /// <summary>Number of actual positives, TP + FN.</summary>
    public long Positives => TruePositives + FalseNegatives;

    /// <summary>Number of actual negatives, TN + FP.</summary>
    public long Negatives => TrueNegatives + FalsePositives;

    /// <summary>Sensitivity (recall, true-positive rate) TP / (TP + FN): the share of diseased cases found.</summary>
    public double Sensitivity => Ratio(TruePositives, Positives);

    /// <summary>Recall is another name for <see cref="Sensitivity"/>.</summary>
    public double Recall => Sensitivity;

    /// <summary>Specificity (true-negative rate) TN / (TN + FP): the share of healthy cases cleared.</summary>
    public double Specificity => Ratio(TrueNegatives, Negatives);

    /// <summary>Precision (positive predictive value) TP / (TP + FP): how often a positive call is right.</summary>
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    /// <summary>F1 = 2·TP / (2·TP + FP + FN), the harmonic mean of precision and recall.</summary>
    public double F1 => Ratio(2 * TruePositives, 2 * TruePositives + FalsePositives + FalseNegatives);

    /// <summary>Accuracy (TP + TN) / total.</summary>
    public double Accuracy => Ratio(TruePositives + TrueNegatives, Total);

    /// <summary>False-positive rate FP / (FP + TN) = 1 − specificity, the x axis of the ROC curve.</summary>
    public double FalsePositiveRate => Ratio(FalsePositives, Negatives);

    /// <summary>
    /// Positive predictive value TP / (TP + FP), the same number as <see cref="Precision"/>: how often a positive call
    /// is right. It holds at this sample's prevalence only; <see cref="PredictiveValues.At"/> moves it to another.
    /// </summary>
    public double PositivePredictiveValue => Precision;

    /// <summary>Negative predictive value TN / (TN + FN): how often a negative call is right, at this sample's prevalence.</summary>
    public double NegativePredictiveValue => Ratio(TrueNegatives, TrueNegatives + FalseNegatives);

    /// <summary>
    /// Balanced accuracy (sensitivity + specificity) / 2: accuracy as if both classes were equally common, so the
    /// always-"benign" answer scores 0.5 whatever the prevalence. Matches sklearn's <c>balanced_accuracy_score</c>.
    /// </summary>
    public double BalancedAccuracy => (Sensitivity + Specificity) / 2;

    /// <summary>Sample prevalence (TP + FN) / total: the share of actual positives among the cases counted.</summary>
    public double Prevalence => Ratio(Positives, Total);

    /// <summary>Sensitivity TP / (TP + FN) with its Wilson interval and counts.</summary>
    public ProportionInterval SensitivityInterval(double level = 0.95) => Wilson.Interval(TruePositives, Positives, level);

    /// <summary>Specificity TN / (TN + FP) with its Wilson interval and counts.</summary>
    public ProportionInterval SpecificityInterval(double level = 0.95) => Wilson.Interval(TrueNegatives, Negatives, level);

    /// <summary>PPV TP / (TP + FP) at this sample's prevalence, with its Wilson interval and counts.</summary>
    public ProportionInterval PositivePredictiveValueInterval(double level = 0.95) => Wilson.Interval(TruePositives, TruePositives + FalsePositives, level);

    /// <summary>NPV TN / (TN + FN) at this sample's prevalence, with its Wilson interval and counts.</summary>
    public ProportionInterval NegativePredictiveValueInterval(double level = 0.95) => Wilson.Interval(TrueNegatives, TrueNegatives + FalseNegatives, level);

    /// <summary>Accuracy (TP + TN) / total with its Wilson interval and counts.</summary>
    public ProportionInterval AccuracyInterval(double level = 0.95) => Wilson.Interval(TruePositives + TrueNegatives, Total, level);

    static double Ratio(long numerator, long denominator) => denominator == 0 ? double.NaN : (double)numerator / denominator;
}
