using L1Lab.Diagnostics;

namespace L1Lab.Tests.Diagnostics;

public sealed class StandardNormalTests
{
    [Fact]
    public void The_95_percent_z_is_1_96()
    {
        Assert.Equal(1.959963984540054, StandardNormal.TwoSidedZ(0.95), 12);
        Assert.Equal(0.975, StandardNormal.Cdf(1.959963984540054), 14);
        Assert.Equal(0.5, StandardNormal.Cdf(0), 15);
    }

    [SkippableFact]
    public void Cdf_and_quantile_match_scipy_from_the_tails_to_the_centre()
    {
        PythonOracle.SkipUnlessAvailable("scipy");
        double[] xs = [-8, -5, -3.5, -2.5, -1.96, -1.5, -1, -0.3, 0, 0.3, 1, 1.49, 1.51, 2, 2.6, 4, 6];
        double[] ps = [1e-10, 1e-4, 0.001, 0.01, 0.02, 0.025, 0.05, 0.2, 0.5, 0.7, 0.9, 0.95, 0.975, 0.99, 0.999, 0.99999];

        var reference = PythonOracle.Run("from scipy.stats import norm\nprint(json.dumps([list(norm.cdf(data['x'])), list(norm.ppf(data['p']))]))", new { x = xs, p = ps });

        var cdf = reference[0].Doubles();
        var ppf = reference[1].Doubles();
        for (int i = 0; i < xs.Length; i++)
            TensorAssert.Close($"Φ({xs[i]})", StandardNormal.Cdf(xs[i]), cdf[i], atol: 1e-12 * cdf[i]);
        for (int i = 0; i < ps.Length; i++)
            TensorAssert.Close($"Φ⁻¹({ps[i]})", StandardNormal.Quantile(ps[i]), ppf[i], atol: 1e-12 * Math.Max(1, Math.Abs(ppf[i])));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void A_quantile_outside_zero_one_is_refused(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StandardNormal.Quantile(p));

    [Fact]
    public void Two_sided_p_of_1_96_is_0_05() => Assert.Equal(0.05, StandardNormal.TwoSidedP(-1.959963984540054), 12);
}
