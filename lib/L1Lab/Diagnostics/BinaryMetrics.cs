using L1Lab.Data;
using static TorchSharp.torch;

namespace L1Lab.Diagnostics;

/// <summary>
/// Metrics for a binary diagnosis with a chosen positive class: the confusion matrix at a threshold
/// (sensitivity, specificity, precision, F1, accuracy), the ROC curve and its AUC. Accuracy alone hides what
/// matters in medicine (most BreastMNIST images are benign, so always answering "benign" scores the benign share), so the notebooks
/// report these instead.
/// </summary>
/// <remarks>
/// Inputs are checked the same way everywhere: <see cref="ArgumentException"/> for empty input, scores and
/// labels of different lengths, or a NaN score; the ROC curve and AUC also need both classes present.
/// </remarks>
public static class BinaryMetrics
{
    /// <summary>Counts TP, FP, TN, FN when every score ≥ <paramref name="threshold"/> is called positive.</summary>
    /// <exception cref="ArgumentException">Empty input, mismatched lengths, a NaN score or a NaN threshold.</exception>
    public static ConfusionMatrix Confusion(IReadOnlyList<double> scores, IReadOnlyList<bool> isPositive, double threshold)
    {
        Check(scores, isPositive, needBothClasses: false);
        if (double.IsNaN(threshold)) throw new ArgumentException("threshold is NaN.", nameof(threshold));
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < scores.Count; i++)
        {
            bool called = scores[i] >= threshold;
            if (isPositive[i]) { if (called) tp++; else fn++; }
            else { if (called) fp++; else tn++; }
        }
        return new ConfusionMatrix(tp, fp, tn, fn);
    }

    /// <summary>
    /// The ROC curve: (0, 0), then one point per distinct score from the highest down (all cases with that
    /// score switch to "positive" together), ending at (1, 1).
    /// </summary>
    /// <exception cref="ArgumentException">Empty input, mismatched lengths, a NaN score, or only one class present (the curve is undefined).</exception>
    public static RocCurve Roc(IReadOnlyList<double> scores, IReadOnlyList<bool> isPositive)
    {
        Check(scores, isPositive, needBothClasses: true);
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        long positives = isPositive.Count(p => p), negatives = isPositive.Count - positives;
        var points = new List<RocPoint> { new(double.PositiveInfinity, 0, 0) };
        long tp = 0, fp = 0;
        for (int k = 0; k < order.Length;)
        {
            double threshold = scores[order[k]];
            for (; k < order.Length && scores[order[k]] == threshold; k++)
                if (isPositive[order[k]]) tp++; else fp++;
            points.Add(new RocPoint(threshold, (double)fp / negatives, (double)tp / positives));
        }
        return new RocCurve(points);
    }

    /// <summary>
    /// The precision–recall curve: one point per distinct score from the highest down, as sklearn's
    /// <c>precision_recall_curve</c> (which stops at the first point of full recall; later points add no recall and so
    /// no average precision).
    /// </summary>
    /// <exception cref="ArgumentException">Empty input, mismatched lengths, a NaN score, or no positive case (recall is undefined).</exception>
    public static PrecisionRecallCurve PrecisionRecall(IReadOnlyList<double> scores, IReadOnlyList<bool> isPositive)
    {
        Check(scores, isPositive, needBothClasses: false);
        long positives = isPositive.Count(p => p);
        if (positives == 0) throw new ArgumentException($"all {isPositive.Count} labels are negative: recall and the precision–recall curve need a positive case.", nameof(isPositive));
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        var points = new List<PrecisionRecallPoint>();
        long tp = 0, fp = 0;
        for (int k = 0; k < order.Length;)
        {
            double threshold = scores[order[k]];
            for (; k < order.Length && scores[order[k]] == threshold; k++)
                if (isPositive[order[k]]) tp++; else fp++;
            points.Add(new PrecisionRecallPoint(threshold, (double)tp / positives, (double)tp / (tp + fp)));
        }
        return new PrecisionRecallCurve(points, (double)positives / scores.Count);
    }

    /// <summary>Area under the ROC curve (trapezoid rule); see <see cref="RocCurve.Auc"/>.</summary>
    /// <exception cref="ArgumentException">As for <see cref="Roc"/>.</exception>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> isPositive) => Roc(scores, isPositive).Auc;

    /// <summary>
    /// The model's scores on <paramref name="data"/> for <paramref name="positiveClass"/>: the softmax probability
    /// of that class for each image, and whether the image's label is that class. Evaluation mode, no gradients.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="positiveClass"/> is not a class of <paramref name="data"/>.</exception>
    public static BinaryScores Scores(nn.Module<Tensor, Tensor> model, ImageDataset data, int positiveClass)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(positiveClass);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(positiveClass, data.ClassCount);
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var probabilities = nn.functional.softmax(model.forward(data.Images), 1).select(1, positiveClass).to(ScalarType.Float64);
        var scores = probabilities.data<double>().ToArray();
        var positive = data.Labels.eq(positiveClass).data<bool>().ToArray();
        return new BinaryScores(scores, positive);
    }

    internal static void Check(IReadOnlyList<double> scores, IReadOnlyList<bool> isPositive, bool needBothClasses)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(isPositive);
        if (scores.Count == 0) throw new ArgumentException("no scores: binary metrics need at least one case.", nameof(scores));
        if (scores.Count != isPositive.Count)
            throw new ArgumentException($"{scores.Count} scores but {isPositive.Count} labels; they must match one to one.", nameof(isPositive));
        for (int i = 0; i < scores.Count; i++)
            if (double.IsNaN(scores[i])) throw new ArgumentException($"score {i} is NaN.", nameof(scores));
        if (needBothClasses)
        {
            long positives = isPositive.Count(p => p);
            if (positives == 0 || positives == isPositive.Count)
                throw new ArgumentException(
                    $"all {isPositive.Count} labels are {(positives == 0 ? "negative" : "positive")}: the ROC curve and AUC need both classes.", nameof(isPositive));
        }
    }
}
