using L1Lab.Diagnostics;

namespace L1Lab.Tests.Diagnostics;

public sealed class BinaryMetricsTests
{
    // Ten cases, written out by hand. P = positive (4 of them), N = negative (6).
    //   score: 0.9 0.8 0.7 0.6 0.55 0.5 0.4 0.3 0.2 0.1
    //   label:  P   P   N   P   N    N   P   N   N   N
    // At threshold 0.5 (score ≥ 0.5 → positive) the first six are called positive:
    //   TP = 3 (0.9, 0.8, 0.6), FP = 3 (0.7, 0.55, 0.5), FN = 1 (0.4), TN = 3 (0.3, 0.2, 0.1).
    //   sensitivity 3/4, specificity 3/6, precision 3/6, F1 = 2·3/(2·3+3+1) = 0.6, accuracy 6/10.
    // AUC by counting, for each positive, the negatives it outscores:
    //   0.9 → 6, 0.8 → 6, 0.6 → 5 (0.55 0.5 0.3 0.2 0.1), 0.4 → 3 (0.3 0.2 0.1); 20 of 4·6 = 24 pairs → 5/6.
    static readonly double[] Scores = [0.9, 0.8, 0.7, 0.6, 0.55, 0.5, 0.4, 0.3, 0.2, 0.1];
    static readonly bool[] Labels = [true, true, false, true, false, false, true, false, false, false];

    [Fact]
    public void Confusion_matrix_at_one_half_matches_the_hand_count()
    {
        var m = BinaryMetrics.Confusion(Scores, Labels, 0.5);

        Assert.Equal(new ConfusionMatrix(TruePositives: 3, FalsePositives: 3, TrueNegatives: 3, FalseNegatives: 1), m);
        Assert.Equal(0.75, m.Sensitivity);
        Assert.Equal(0.75, m.Recall);
        Assert.Equal(0.5, m.Specificity);
        Assert.Equal(0.5, m.Precision);
        Assert.Equal(0.6, m.F1, 12);
        Assert.Equal(0.6, m.Accuracy, 12);
    }

    [Fact]
    public void Roc_curve_has_a_point_per_distinct_score_from_origin_to_one_one()
    {
        var roc = BinaryMetrics.Roc(Scores, Labels);

        (double Fpr, double Tpr)[] expected =
        [
            (0, 0), (0, 0.25), (0, 0.5), (1 / 6.0, 0.5), (1 / 6.0, 0.75), (2 / 6.0, 0.75),
            (3 / 6.0, 0.75), (3 / 6.0, 1), (4 / 6.0, 1), (5 / 6.0, 1), (1, 1),
        ];
        Assert.Equal(expected.Length, roc.Points.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Fpr, roc.Points[i].FalsePositiveRate, 12);
            Assert.Equal(expected[i].Tpr, roc.Points[i].TruePositiveRate, 12);
        }
        Assert.Equal(double.PositiveInfinity, roc.Points[0].Threshold);
        Assert.Equal(0.1, roc.Points[^1].Threshold);
    }

    [Fact]
    public void Auc_by_trapezoids_equals_the_hand_counted_pairs()
    {
        Assert.Equal(20 / 24.0, BinaryMetrics.Auc(Scores, Labels), 12);
    }

    [Fact]
    public void Tied_scores_count_one_half()
    {
        // Pairs: P0.8 beats N0.5 and N0.2 (2), P0.5 ties N0.5 (½) and beats N0.2 (1): 3.5 of 4.
        Assert.Equal(0.875, BinaryMetrics.Auc([0.8, 0.5, 0.5, 0.2], [true, true, false, false]), 12);
        Assert.Equal(0.5, BinaryMetrics.Auc([0.3, 0.3], [true, false]), 12);
    }

    [Fact]
    public void A_perfect_classifier_has_AUC_one_and_an_inverted_one_AUC_zero()
    {
        bool[] labels = [true, true, true, false, false];
        Assert.Equal(1.0, BinaryMetrics.Auc([0.9, 0.8, 0.7, 0.2, 0.1], labels));
        Assert.Equal(0.0, BinaryMetrics.Auc([0.1, 0.2, 0.3, 0.8, 0.9], labels));
    }

    [Fact]
    public void Auc_equals_the_pairwise_Mann_Whitney_probability_on_random_inputs()
    {
        var random = new Random(1234);
        for (int trial = 0; trial < 200; trial++)
        {
            int n = random.Next(2, 40);
            var scores = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble(), 1)).ToArray(); // rounding makes ties
            var labels = Enumerable.Range(0, n).Select(_ => random.Next(2) == 1).ToArray();
            labels[0] = true; labels[1] = false;

            double wins = 0;
            int pairs = 0;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    if (labels[i] && !labels[j])
                    {
                        pairs++;
                        wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                    }

            TensorAssert.Close($"trial {trial} (n={n})", BinaryMetrics.Auc(scores, labels), wins / pairs, atol: 1e-12);
        }
    }

    [Fact]
    public void Rates_with_an_empty_denominator_are_NaN_not_zero()
    {
        var m = BinaryMetrics.Confusion([0.1, 0.2], [false, false], 0.5);

        Assert.True(double.IsNaN(m.Sensitivity));
        Assert.True(double.IsNaN(m.Precision));
        Assert.Equal(1.0, m.Specificity);
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("lengths")]
    [InlineData("nan")]
    [InlineData("one class")]
    public void Bad_input_is_an_ArgumentException_that_says_what_is_wrong(string problem)
    {
        var (scores, labels, expected) = problem switch
        {
            "empty" => (Array.Empty<double>(), Array.Empty<bool>(), "no scores"),
            "lengths" => (new[] { 0.1, 0.2 }, new[] { true }, "2 scores but 1 labels"),
            "nan" => (new[] { 0.1, double.NaN }, new[] { true, false }, "score 1 is NaN"),
            _ => (new[] { 0.1, 0.2 }, new[] { true, true }, "need both classes"),
        };

        var error = Assert.Throws<ArgumentException>(() => BinaryMetrics.Auc(scores, labels));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void The_confusion_matrix_needs_no_second_class_but_rejects_the_same_bad_input()
    {
        Assert.Equal(2, BinaryMetrics.Confusion([0.7, 0.2], [true, true], 0.5).Total);
        Assert.Throws<ArgumentException>(() => BinaryMetrics.Confusion([], [], 0.5));
        Assert.Throws<ArgumentException>(() => BinaryMetrics.Confusion([double.NaN], [true], 0.5));
        Assert.Throws<ArgumentException>(() => BinaryMetrics.Confusion([0.1], [true, false], 0.5));
    }

    [Fact]
    public void Model_scores_are_the_softmax_probability_of_the_positive_class()
    {
        using var model = nn.Linear(4, 2);
        using var noGrad = no_grad();
        model.weight!.copy_(tensor(new float[] { 1, 0, 0, 0, 0, 1, 0, 0 }).reshape(2, 4));
        model.bias!.zero_();
        using var data = new L1Lab.Data.ImageDataset(tensor(new float[] { 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0 }).reshape(3, 4), tensor(new long[] { 0, 1, 1 }), 2, 2);

        var s = BinaryMetrics.Scores(model, data, positiveClass: 0);

        Assert.Equal([true, false, false], s.IsPositive);
        Assert.Equal(1 / (1 + Math.Exp(-1)), s.Scores[0], 6);
        Assert.Equal(1 / (1 + Math.Exp(1)), s.Scores[1], 6);
        Assert.Equal(0.5, s.Scores[2], 6);
        Assert.Equal(1.0, s.Roc().Auc);
    }
}
