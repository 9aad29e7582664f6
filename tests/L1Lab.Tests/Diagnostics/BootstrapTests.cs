using L1Lab.Diagnostics;

namespace L1Lab.Tests.Diagnostics;

public sealed class BootstrapTests
{
    static BinaryScores Case(int seed, int n)
    {
        var (scores, labels) = PythonOracle.RandomCase(new Random(seed), n);
        return new BinaryScores(scores, labels);
    }

    [Fact]
    public void The_same_seed_gives_the_same_interval_and_another_seed_another()
    {
        var scores = Case(3, 120);

        var first = Bootstrap.Auc(scores, resamples: 500, seed: 11);
        var again = Bootstrap.Auc(scores, resamples: 500, seed: 11);
        var other = Bootstrap.Auc(scores, resamples: 500, seed: 12);

        Assert.Equal(first.Replicates, again.Replicates);
        Assert.Equal(first.Interval, again.Interval);
        Assert.NotEqual(first.Replicates, other.Replicates);
    }

    [Fact]
    public void Every_resample_keeps_the_number_of_positives_and_negatives()
    {
        var scores = Case(4, 50);
        var random = new Random(5);
        for (int r = 0; r < 100; r++)
        {
            var indices = Bootstrap.StratifiedIndices(scores.IsPositive, random);
            Assert.Equal(scores.Positives, indices.Count(i => scores.IsPositive[i]));
            Assert.All(indices.Take(scores.Positives), i => Assert.True(scores.IsPositive[i]));
            Assert.All(indices.Skip(scores.Positives), i => Assert.False(scores.IsPositive[i]));
        }
    }

    [SkippableFact]
    public void Replicates_are_sklearn_AUCs_of_the_replayed_resamples_and_the_limits_are_numpy_percentiles()
    {
        PythonOracle.SkipUnlessAvailable("numpy", "sklearn");
        var a = Case(6, 80);
        var b = new BinaryScores(a.Scores.Select((s, i) => Math.Round(Math.Abs(Math.Sin(17 * s + i)), 2)).ToArray(), a.IsPositive);
        const int resamples = 300, seed = 2026;
        var replay = new Random(seed);
        var indices = Enumerable.Range(0, resamples).Select(_ => Bootstrap.StratifiedIndices(a.IsPositive, replay)).ToArray();

        var single = Bootstrap.Auc(a, resamples, seed);
        var paired = Bootstrap.PairedAucDifference(a, b, resamples, seed);
        var reference = PythonOracle.Run("""
            import numpy as np
            from sklearn.metrics import roc_auc_score
            a, b, y = (np.asarray(data[k]) for k in ('a', 'b', 'y'))
            auc = [roc_auc_score(y[i], a[i]) for i in data['idx']]
            diff = [roc_auc_score(y[i], a[i]) - roc_auc_score(y[i], b[i]) for i in data['idx']]
            print(json.dumps([auc, list(np.percentile(auc, [2.5, 97.5])), list(np.percentile(diff, [2.5, 97.5])), float(np.std(diff, ddof=1))]))
            """, new { a = a.Scores, b = b.Scores, y = a.IsPositive, idx = indices });

        var auc = reference[0].Doubles();
        for (int r = 0; r < resamples; r++) TensorAssert.Close($"replicate {r}", single.Replicates[r], auc[r], atol: 1e-12);
        TensorAssert.Close("AUC lower", single.Interval.Lower, reference[1][0].GetDouble(), atol: 1e-12);
        TensorAssert.Close("AUC upper", single.Interval.Upper, reference[1][1].GetDouble(), atol: 1e-12);
        TensorAssert.Close("difference lower", paired.Interval.Lower, reference[2][0].GetDouble(), atol: 1e-12);
        TensorAssert.Close("difference upper", paired.Interval.Upper, reference[2][1].GetDouble(), atol: 1e-12);
        TensorAssert.Close("difference SE", paired.StandardError, reference[3].GetDouble(), atol: 1e-12);
        Assert.Equal("paired bootstrap", paired.Interval.Method);
    }

    [Fact]
    public void The_bootstrap_standard_error_agrees_with_DeLongs_within_ten_percent()
    {
        // Two estimates of the same sampling variability by different routes: resampling and the structural components.
        var scores = Case(9, 400);

        var bootstrap = Bootstrap.Auc(scores, resamples: 2000, seed: 1);
        var delong = DeLong.Auc(scores);

        Assert.InRange(bootstrap.StandardError / delong.StandardError, 0.9, 1.1);
        Assert.True(bootstrap.Interval.Contains(bootstrap.Estimate));
        Assert.Equal(delong.Auc, bootstrap.Estimate, 12);
    }

    [Fact]
    public void Any_statistic_can_be_bootstrapped_and_the_p_value_of_a_clear_difference_is_small()
    {
        var good = Case(10, 200);
        var coin = new BinaryScores(good.Scores.Select((_, i) => (i * 7919 % 200) / 200.0).ToArray(), good.IsPositive);

        var brier = Bootstrap.Stratified(good, Calibration.Brier, resamples: 300, seed: 3);
        var difference = Bootstrap.PairedAucDifference(good, coin, resamples: 500, seed: 4);

        Assert.Equal(Calibration.Brier(good), brier.Estimate, 15);
        Assert.True(brier.Interval.Lower < brier.Estimate && brier.Estimate < brier.Interval.Upper);
        Assert.True(difference.IsDistinguishableFromNoise, difference.ToString());
        Assert.True(difference.PValue < 0.01, difference.ToString());
    }

    [Fact]
    public void Percentile_is_numpys_linear_interpolation()
    {
        double[] values = [4, 1, 3, 2];   // sorted 1 2 3 4; q = 0.25 → h = 0.75 → 1.75; q = 0.9 → h = 2.7 → 3.7.

        Assert.Equal(1.75, Bootstrap.Percentile(values, 0.25), 14);
        Assert.Equal(3.7, Bootstrap.Percentile(values, 0.9), 14);
        Assert.Equal(1, Bootstrap.Percentile(values, 0));
        Assert.Equal(4, Bootstrap.Percentile(values, 1));
    }

    [Fact]
    public void Too_few_resamples_are_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Auc(Case(1, 20), resamples: 1));
        Assert.Contains("at least 2 resamples", error.Message);
    }
}
