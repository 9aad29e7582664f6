using L1Lab.Diagnostics;

namespace L1Lab.Tests.Diagnostics;

public sealed class PrecisionRecallTests
{
    [Fact]
    public void Average_precision_of_a_small_case_worked_by_hand()
    {
        // Scores 0.9 P, 0.8 N, 0.7 P, 0.6 N, 0.5 P. Points: R ⅓ P 1; R ⅓ P ½; R ⅔ P ⅔; R ⅔ P ½; R 1 P ⅗.
        // AP = ⅓·1 + 0 + ⅓·⅔ + 0 + ⅓·⅗ = (1 + ⅔ + ⅗)/3 = 34/45.
        var curve = new BinaryScores([0.9, 0.8, 0.7, 0.6, 0.5], [true, false, true, false, true]).PrecisionRecall();

        Assert.Equal(5, curve.Points.Count);
        Assert.Equal(new PrecisionRecallPoint(0.7, 2 / 3.0, 2 / 3.0), curve.Points[2]);
        Assert.Equal(34 / 45.0, curve.AveragePrecision, 14);
        Assert.Equal(0.6, curve.Prevalence, 14);
    }

    [SkippableFact]
    public void Curve_and_average_precision_match_sklearn_with_ties()
    {
        PythonOracle.SkipUnlessAvailable("numpy", "sklearn");
        var random = new Random(42);
        var cases = Enumerable.Range(0, 15).Select(_ => PythonOracle.RandomCase(random, random.Next(6, 300), digits: 2)).ToArray();

        var reference = PythonOracle.Run("""
            from sklearn.metrics import average_precision_score, precision_recall_curve
            out = []
            for c in data:
                p, r, t = precision_recall_curve(c['y'], c['s'])
                out.append([average_precision_score(c['y'], c['s']), list(p[-2::-1]), list(r[-2::-1]), list(t[::-1])])
            print(json.dumps(out))
            """, cases.Select(c => new { s = c.Scores, y = c.Labels }).ToArray());

        for (int i = 0; i < cases.Length; i++)
        {
            var curve = BinaryMetrics.PrecisionRecall(cases[i].Scores, cases[i].Labels);
            TensorAssert.Close($"case {i} AP", curve.AveragePrecision, reference[i][0].GetDouble(), atol: 1e-12);
            // sklearn stops at the first point of full recall; ours goes on to the lowest score, so compare its prefix.
            var precision = reference[i][1].Doubles();
            var recall = reference[i][2].Doubles();
            var thresholds = reference[i][3].Doubles();
            for (int k = 0; k < thresholds.Length; k++)
            {
                Assert.Equal(thresholds[k], curve.Points[k].Threshold);
                TensorAssert.Close($"case {i} point {k} precision", curve.Points[k].Precision, precision[k], atol: 1e-12);
                TensorAssert.Close($"case {i} point {k} recall", curve.Points[k].Recall, recall[k], atol: 1e-12);
            }
            Assert.All(curve.Points.Skip(thresholds.Length), p => Assert.Equal(1.0, p.Recall));
        }
    }

    [Fact]
    public void A_perfect_ranking_has_average_precision_one_and_a_useless_one_the_prevalence()
    {
        bool[] labels = [true, true, false, false, false, false, false, false];

        Assert.Equal(1.0, BinaryMetrics.PrecisionRecall([0.9, 0.8, 0.4, 0.3, 0.3, 0.2, 0.1, 0.1], labels).AveragePrecision, 14);
        Assert.Equal(0.25, BinaryMetrics.PrecisionRecall(Enumerable.Repeat(0.5, 8).ToArray(), labels).AveragePrecision, 14);
    }

    [Fact]
    public void No_positive_case_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => BinaryMetrics.PrecisionRecall([0.3, 0.4], [false, false]));
        Assert.Contains("need a positive case", error.Message);
    }
}
