using L1Lab.Diagnostics;

namespace L1Lab.Tests.Diagnostics;

public sealed class CalibrationTests
{
    [Fact]
    public void Brier_and_reliability_of_a_small_case_worked_by_hand()
    {
        // Scores 0.1 (neg), 0.15 (pos), 0.8 (pos), 0.9 (neg) in 2 bins: [0, 0.5] holds 0.1, 0.15; (0.5, 1] holds 0.8, 0.9.
        // Brier = (0.01 + 0.7225 + 0.04 + 0.81) / 4 = 0.395625.
        // Bin 1: predicted 0.125, observed ½; bin 2: predicted 0.85, observed ½. ECE = ½·0.375 + ½·0.35 = 0.3625.
        var scores = new BinaryScores([0.1, 0.15, 0.8, 0.9], [false, true, true, false]);

        var diagram = scores.Reliability(bins: 2);

        Assert.Equal(0.395625, scores.Brier(), 14);
        Assert.Equal(2, diagram.Bins.Count);
        Assert.Equal(0.125, diagram.Bins[0].MeanPredicted, 14);
        Assert.Equal(Wilson.Interval(1, 2), diagram.Bins[0].Observed);
        Assert.Equal(0.85, diagram.Bins[1].MeanPredicted, 14);
        Assert.Equal(0.3625, diagram.ExpectedCalibrationError, 14);
        Assert.Equal(0.375, diagram.MaximumCalibrationError, 14);
    }

    [Fact]
    public void A_score_on_a_bin_edge_goes_to_the_lower_bin_and_empty_bins_are_left_out()
    {
        // Edges 0.25, 0.5, 0.75: 0.1 and 0.25 (on the edge) fall in the first bin, 0.26 in the second, 0.9 in the last.
        var diagram = new BinaryScores([0.1, 0.25, 0.26, 0.9], [false, false, true, true]).Reliability(bins: 4);

        Assert.Equal([2L, 1L, 1L], diagram.Bins.Select(b => b.Count));
        Assert.Equal((0.25, 0.5), (diagram.Bins[1].Lower, diagram.Bins[1].Upper));
        Assert.Equal((0.75, 1.0), (diagram.Bins[2].Lower, diagram.Bins[2].Upper));
        Assert.Equal(4, diagram.BinCount);
    }

    [SkippableFact]
    public void Brier_reliability_bins_and_ECE_match_sklearn_on_random_cases()
    {
        PythonOracle.SkipUnlessAvailable("numpy", "sklearn");
        var random = new Random(2015);
        var cases = Enumerable.Range(0, 12).Select(i => PythonOracle.RandomCase(random, random.Next(10, 400), digits: 3)).ToArray();
        var bins = cases.Select((_, i) => new[] { 5, 10, 15 }[i % 3]).ToArray();

        var reference = PythonOracle.Run("""
            import numpy as np
            from sklearn.metrics import brier_score_loss
            from sklearn.calibration import calibration_curve
            out = []
            for c in data:
                y = np.asarray(c['y'], int); s = np.asarray(c['s'])
                observed, predicted = calibration_curve(y, s, n_bins=c['bins'], strategy='uniform')
                edges = np.linspace(0, 1, c['bins'] + 1)
                counts = np.bincount(np.searchsorted(edges[1:-1], s), minlength=c['bins'])
                counts = counts[counts > 0]
                ece = float(np.sum(counts / len(s) * np.abs(observed - predicted)))
                out.append([brier_score_loss(y, s), list(observed), list(predicted), ece])
            print(json.dumps(out))
            """, cases.Select((c, i) => new { s = c.Scores, y = c.Labels, bins = bins[i] }).ToArray());

        for (int i = 0; i < cases.Length; i++)
        {
            var scores = new BinaryScores(cases[i].Scores, cases[i].Labels);
            var diagram = scores.Reliability(bins[i]);
            var observed = reference[i][1].Doubles();
            var predicted = reference[i][2].Doubles();
            TensorAssert.Close($"case {i} Brier", scores.Brier(), reference[i][0].GetDouble(), atol: 1e-14);
            Assert.Equal(observed.Length, diagram.Bins.Count);
            for (int b = 0; b < observed.Length; b++)
            {
                TensorAssert.Close($"case {i} bin {b} observed", diagram.Bins[b].Observed.Estimate, observed[b], atol: 1e-12);
                TensorAssert.Close($"case {i} bin {b} predicted", diagram.Bins[b].MeanPredicted, predicted[b], atol: 1e-12);
            }
            TensorAssert.Close($"case {i} ECE", diagram.ExpectedCalibrationError, reference[i][3].GetDouble(), atol: 1e-12);
        }
    }

    [Fact]
    public void Predicting_the_prevalence_scores_its_Brier_reference()
    {
        bool[] labels = [true, false, false, false, true, false, false, false];   // prevalence ¼

        var constant = new BinaryScores(Enumerable.Repeat(0.25, 8).ToArray(), labels);

        Assert.Equal(0.25 * 0.75, constant.Brier(), 14);
        Assert.Equal(0, constant.Reliability().ExpectedCalibrationError, 14);
    }

    [Fact]
    public void A_score_that_is_not_a_probability_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new BinaryScores([0.2, 1.5], [true, false]).Brier());
        Assert.Contains("score 1 is 1.5", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BinaryScores([0.2], [true]).Reliability(bins: 0));
    }
}
