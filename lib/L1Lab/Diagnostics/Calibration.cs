namespace L1Lab.Diagnostics;

/// <summary>
/// Whether predicted probabilities can be read as probabilities: the Brier score and the reliability diagram. A model
/// can rank well (high AUC) and still be badly calibrated, e.g. say 0.9 for cases that are malignant half the time;
/// a clinician who reads the number as a risk needs calibration as well as discrimination (TRIPOD+AI asks for both).
/// </summary>
public static class Calibration
{
    /// <summary>
    /// The Brier score (1/N)·Σ(pᵢ − yᵢ)², y = 1 for a positive: the mean squared error of the probabilities. 0 is
    /// perfect; always predicting the prevalence π scores π(1 − π), the reference a model must beat. Matches sklearn's
    /// <c>brier_score_loss</c>.
    /// </summary>
    /// <exception cref="ArgumentException">Bad input (see <see cref="BinaryMetrics"/>) or a score outside 0–1.</exception>
    public static double Brier(BinaryScores scores)
    {
        Validate(scores);
        double sum = 0;
        for (int i = 0; i < scores.Scores.Count; i++)
        {
            double error = scores.Scores[i] - (scores.IsPositive[i] ? 1 : 0);
            sum += error * error;
        }
        return sum / scores.Scores.Count;
    }

    /// <summary>
    /// Cuts 0–1 into <paramref name="bins"/> equal-width bins with edges k/bins, puts each case in the bin whose upper
    /// edge is the first at or above its score (a score exactly on an edge goes to the lower bin, 0 to the first), and
    /// returns the non-empty bins with their mean prediction and observed share of positives, as sklearn's
    /// <c>calibration_curve(strategy="uniform")</c> does.
    /// </summary>
    /// <exception cref="ArgumentException">Bad input (see <see cref="BinaryMetrics"/>), a score outside 0–1, or fewer than 1 bin.</exception>
    public static ReliabilityDiagram Reliability(BinaryScores scores, int bins = 10, double level = 0.95)
    {
        Validate(scores);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        double width = 1.0 / bins;
        var count = new long[bins];
        var positives = new long[bins];
        var sum = new double[bins];
        for (int i = 0; i < scores.Scores.Count; i++)
        {
            double p = scores.Scores[i];
            int b = 0;
            while (b < bins - 1 && p > (b + 1) * width) b++;
            count[b]++;
            sum[b] += p;
            if (scores.IsPositive[i]) positives[b]++;
        }
        var result = new List<ReliabilityBin>();
        for (int b = 0; b < bins; b++)
            if (count[b] > 0)
                result.Add(new ReliabilityBin(b * width, b == bins - 1 ? 1 : (b + 1) * width, sum[b] / count[b], Wilson.Interval(positives[b], count[b], level)));
        return new ReliabilityDiagram(result, bins);
    }

    static void Validate(BinaryScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        BinaryMetrics.Check(scores.Scores, scores.IsPositive, needBothClasses: false);
        for (int i = 0; i < scores.Scores.Count; i++)
            if (scores.Scores[i] < 0 || scores.Scores[i] > 1)
                throw new ArgumentException($"score {i} is {scores.Scores[i]}: calibration needs probabilities between 0 and 1.", nameof(scores));
    }
}
