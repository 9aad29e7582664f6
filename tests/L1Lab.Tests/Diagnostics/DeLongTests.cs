using L1Lab.Diagnostics;

namespace L1Lab.Tests.Diagnostics;

public sealed class DeLongTests
{
    // An independent DeLong in numpy: the full m × n matrix ψ of (positive, negative) comparisons (1, ½ for a tie, 0),
    // structural components as its row and column means, np.cov for S₁₀ and S₀₁, scipy for the p-value, and
    // sklearn's roc_auc_score for the AUC itself.
    const string Oracle = """
        import numpy as np
        from scipy.stats import norm
        from sklearn.metrics import roc_auc_score
        def components(s, y):
            s = np.asarray(s, float); y = np.asarray(y, bool)
            x, z = s[y], s[~y]
            psi = (x[:, None] > z[None, :]) + 0.5 * (x[:, None] == z[None, :])
            return psi.mean(axis=1), psi.mean(axis=0)
        out = []
        for c in data:
            y = np.asarray(c['y'], bool); m, n = y.sum(), (~y).sum()
            a10, a01 = components(c['a'], y); b10, b01 = components(c['b'], y)
            s10 = np.cov(np.vstack([a10, b10])); s01 = np.cov(np.vstack([a01, b01]))
            var_a = s10[0, 0] / m + s01[0, 0] / n
            l = np.array([1.0, -1.0])
            var_d = l @ s10 @ l / m + l @ s01 @ l / n
            d = roc_auc_score(y, c['a']) - roc_auc_score(y, c['b'])
            out.append([roc_auc_score(y, c['a']), var_a, d, float(np.sqrt(var_d)), float(2 * norm.sf(abs(d) / np.sqrt(var_d)))])
        print(json.dumps(out))
        """;

    [Fact]
    public void Variance_of_a_tiny_case_worked_by_hand()
    {
        // Positives 0.9, 0.6, 0.4; negatives 0.7, 0.3. V₁₀ = (1, ½, ½), V₀₁ = (⅓, 1): AUC ⅔,
        // S₁₀ = 1/12, S₀₁ = 2/9, Var = (1/12)/3 + (2/9)/2 = 5/36.
        var scores = new BinaryScores([0.9, 0.7, 0.6, 0.4, 0.3], [true, false, true, true, false]);

        var auc = DeLong.Auc(scores);

        Assert.Equal(2 / 3.0, auc.Auc, 14);
        Assert.Equal(5 / 36.0, auc.Variance, 14);
        Assert.Equal(Math.Min(1, 2 / 3.0 + 1.959963984540054 * Math.Sqrt(5 / 36.0)), auc.Interval.Upper, 12);
        Assert.Equal(0, auc.Interval.Lower);   // ⅔ − 1.96·0.373 < 0: the normal interval is clipped to 0–1
    }

    [SkippableFact]
    public void Variance_paired_difference_and_p_value_match_a_brute_force_numpy_DeLong()
    {
        PythonOracle.SkipUnlessAvailable("numpy", "scipy", "sklearn");
        var random = new Random(1988);
        var cases = new List<(double[] A, double[] B, bool[] Y)>();
        foreach (var n in new[] { 10, 25, 60, 156, 300 })
        {
            var (a, y) = PythonOracle.RandomCase(random, n);
            // Model B: model A's scores plus noise, so the two are correlated as two models on the same images are.
            var b = a.Select(s => Math.Round(Math.Clamp(s + (random.NextDouble() - 0.5) * 0.6, 0, 1), 2)).ToArray();
            cases.Add((a, b, y));
        }

        var reference = PythonOracle.Run(Oracle, cases.Select(c => new { a = c.A, b = c.B, y = c.Y }).ToArray());

        for (int i = 0; i < cases.Count; i++)
        {
            var (a, b, y) = cases[i];
            var expected = reference[i].Doubles();
            var single = DeLong.Auc(new BinaryScores(a, y));
            var paired = DeLong.Compare(new BinaryScores(a, y), new BinaryScores(b, y));
            TensorAssert.Close($"case {i} AUC", single.Auc, expected[0], atol: 1e-12);
            TensorAssert.Close($"case {i} Var(AUC)", single.Variance, expected[1], atol: 1e-14);
            TensorAssert.Close($"case {i} difference", paired.Difference, expected[2], atol: 1e-12);
            TensorAssert.Close($"case {i} SE(difference)", paired.StandardError, expected[3], atol: 1e-12);
            TensorAssert.Close($"case {i} p", paired.PValue, expected[4], atol: 1e-10);
            Assert.Equal("DeLong", paired.Interval.Method);
            TensorAssert.Close($"case {i} interval", paired.Interval.Upper - paired.Interval.Lower, 2 * 1.959963984540054 * expected[3], atol: 1e-10);
        }
    }

    [Fact]
    public void Pairing_makes_the_difference_of_correlated_models_less_noisy_than_independent_errors_would()
    {
        var random = new Random(7);
        var (a, y) = PythonOracle.RandomCase(random, 200, digits: 3);
        var b = a.Select(s => s + (random.NextDouble() - 0.5) * 0.1).ToArray();

        var paired = DeLong.Compare(new BinaryScores(a, y), new BinaryScores(b, y));
        double unpaired = Math.Sqrt(DeLong.Auc(new BinaryScores(a, y)).Variance + DeLong.Auc(new BinaryScores(b, y)).Variance);

        Assert.True(paired.StandardError < unpaired / 3, $"paired SE {paired.StandardError} vs unpaired {unpaired}");
    }

    [Fact]
    public void The_same_model_twice_differs_by_nothing_with_p_one()
    {
        var scores = new BinaryScores([0.9, 0.7, 0.6, 0.4, 0.3], [true, false, true, true, false]);

        var same = DeLong.Compare(scores, scores);

        Assert.Equal(0, same.Difference);
        Assert.Equal(1, same.PValue);
        Assert.False(same.IsDistinguishableFromNoise);
    }

    [Fact]
    public void Reads_as_a_signed_difference_with_its_interval_method_and_p()
    {
        var difference = new AucDifference(0.76, 0.82, 0.03, new ConfidenceInterval(-0.06, -0.12, 0.01, "DeLong"), 0.081);

        Assert.Equal("-0.060 (95 % CI -0.120 to +0.010, DeLong; p = 0.081)", difference.ToString());
        Assert.False(difference.IsDistinguishableFromNoise);
    }

    [Fact]
    public void Models_scored_on_different_cases_or_too_few_cases_are_refused()
    {
        var a = new BinaryScores([0.9, 0.7, 0.6, 0.4], [true, false, true, false]);
        var b = new BinaryScores([0.9, 0.7, 0.6, 0.4], [true, true, false, false]);

        Assert.Contains("case 1", Assert.Throws<ArgumentException>(() => DeLong.Compare(a, b)).Message);
        Assert.Contains("at least 2 of each", Assert.Throws<ArgumentException>(() => DeLong.Auc(new BinaryScores([0.9, 0.7, 0.6], [true, false, false]))).Message);
    }
}
