using L1Lab.Diagnostics;

namespace L1Lab.Tests.Diagnostics;

public sealed class ConfusionMatrixTests
{
    // TP 34, FP 20, TN 94, FN 8: 42 malignant, 114 benign, as in a BreastMNIST-sized test split.
    static readonly ConfusionMatrix Matrix = new(TruePositives: 34, FalsePositives: 20, TrueNegatives: 94, FalseNegatives: 8);

    [Fact]
    public void Predictive_values_balanced_accuracy_and_prevalence_follow_from_the_counts()
    {
        Assert.Equal(34 / 54.0, Matrix.PositivePredictiveValue, 15);
        Assert.Equal(94 / 102.0, Matrix.NegativePredictiveValue, 15);
        Assert.Equal((34 / 42.0 + 94 / 114.0) / 2, Matrix.BalancedAccuracy, 15);
        Assert.Equal(42 / 156.0, Matrix.Prevalence, 15);
    }

    [Fact]
    public void Each_rate_has_its_Wilson_interval_over_the_right_denominator()
    {
        Assert.Equal(Wilson.Interval(34, 42), Matrix.SensitivityInterval());
        Assert.Equal(Wilson.Interval(94, 114), Matrix.SpecificityInterval());
        Assert.Equal(Wilson.Interval(34, 54), Matrix.PositivePredictiveValueInterval());
        Assert.Equal(Wilson.Interval(94, 102), Matrix.NegativePredictiveValueInterval());
        Assert.Equal(Wilson.Interval(128, 156), Matrix.AccuracyInterval());
        Assert.Equal("0.81 (34/42; Wilson 0.67–0.90)", Matrix.SensitivityInterval().ToString());
    }

    [SkippableFact]
    public void Balanced_accuracy_matches_sklearn_on_random_cases()
    {
        PythonOracle.SkipUnlessAvailable("sklearn");
        var random = new Random(21);
        var cases = Enumerable.Range(0, 20).Select(_ => PythonOracle.RandomCase(random, random.Next(8, 80))).ToArray();
        var thresholds = cases.Select(_ => Math.Round(random.NextDouble(), 2)).ToArray();

        var reference = PythonOracle.Run(
            "from sklearn.metrics import balanced_accuracy_score\n" +
            "print(json.dumps([balanced_accuracy_score(c['y'], [s >= c['t'] for s in c['s']]) for c in data]))",
            cases.Select((c, i) => new { s = c.Scores, y = c.Labels, t = thresholds[i] }).ToArray()).Doubles();

        for (int i = 0; i < cases.Length; i++)
            TensorAssert.Close($"case {i}", BinaryMetrics.Confusion(cases[i].Scores, cases[i].Labels, thresholds[i]).BalancedAccuracy, reference[i], atol: 1e-12);
    }

    [Fact]
    public void The_always_negative_answer_has_balanced_accuracy_one_half_whatever_the_prevalence()
    {
        Assert.Equal(0.5, new ConfusionMatrix(0, 0, 114, 42).BalancedAccuracy);
        Assert.Equal(0.5, new ConfusionMatrix(0, 0, 995, 5).BalancedAccuracy);
        Assert.Equal(0.995, new ConfusionMatrix(0, 0, 995, 5).Accuracy);
    }
}
