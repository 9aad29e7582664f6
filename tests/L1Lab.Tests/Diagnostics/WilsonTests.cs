using L1Lab.Diagnostics;

namespace L1Lab.Tests.Diagnostics;

public sealed class WilsonTests
{
    [Fact]
    public void Reads_like_a_diagnostic_report()
    {
        // 34 of 42: p̂ = 0.8095; statsmodels' Wilson limits are 0.66699 and 0.90018.
        var sensitivity = Wilson.Interval(34, 42);

        Assert.Equal("0.81 (34/42; Wilson 0.67–0.90)", sensitivity.ToString());
        Assert.Equal("0.810 (34/42; Wilson 90% 0.692–0.889)", Wilson.Interval(34, 42, 0.90).Format("F3"));
        Assert.Equal(34, sensitivity.Successes);
        Assert.Equal(42, sensitivity.Total);
        Assert.Equal(34 / 42.0, sensitivity.Estimate, 15);
    }

    [Fact]
    public void Matches_the_closed_form_worked_by_hand()
    {
        // 5 of 10, z = 1.96: centre (0.5 + z²/20) / (1 + z²/10) = 0.5; half-width z·√(0.025 + z²/400)/(1 + z²/10).
        double z = StandardNormal.TwoSidedZ(0.95);
        double half = z * Math.Sqrt(0.025 + z * z / 400) / (1 + z * z / 10);

        var interval = Wilson.Interval(5, 10);

        Assert.Equal(0.5 - half, interval.Lower, 14);
        Assert.Equal(0.5 + half, interval.Upper, 14);
    }

    [SkippableFact]
    public void Matches_statsmodels_proportion_confint_wilson_for_every_count_up_to_60_and_three_levels()
    {
        PythonOracle.SkipUnlessAvailable("statsmodels");
        var cases = new List<(long K, long N, double Level)>();
        foreach (var level in new[] { 0.90, 0.95, 0.99 })
            for (long n = 1; n <= 60; n += 7)
                for (long k = 0; k <= n; k++) cases.Add((k, n, level));
        cases.Add((34, 42, 0.95));
        cases.Add((1, 1000, 0.95));

        var reference = PythonOracle.Run(
            "from statsmodels.stats.proportion import proportion_confint\n" +
            "print(json.dumps([list(proportion_confint(k, n, alpha=1 - level, method='wilson')) for k, n, level in data]))",
            cases.Select(c => new object[] { c.K, c.N, c.Level }).ToArray());

        for (int i = 0; i < cases.Count; i++)
        {
            var (k, n, level) = cases[i];
            var ours = Wilson.Interval(k, n, level);
            var limits = reference[i].Doubles();
            TensorAssert.Close($"lower {k}/{n} at {level}", ours.Lower, limits[0], atol: 1e-12);
            TensorAssert.Close($"upper {k}/{n} at {level}", ours.Upper, limits[1], atol: 1e-12);
        }
    }

    [Fact]
    public void Stays_within_zero_one_and_contains_the_estimate()
    {
        for (long n = 1; n <= 30; n++)
            for (long k = 0; k <= n; k++)
            {
                var interval = Wilson.Interval(k, n);
                Assert.InRange(interval.Lower, 0, interval.Estimate);
                Assert.InRange(interval.Upper, interval.Estimate, 1);
            }
        Assert.Equal(0, Wilson.Interval(0, 10).Lower);
        Assert.Equal(1, Wilson.Interval(10, 10).Upper);
    }

    [Fact]
    public void No_cases_gives_no_estimate_and_the_whole_range()
    {
        var empty = Wilson.Interval(0, 0);

        Assert.True(double.IsNaN(empty.Estimate));
        Assert.Equal((0.0, 1.0), (empty.Lower, empty.Upper));
    }

    [Fact]
    public void Bad_counts_are_refused_with_the_counts_in_the_message()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Wilson.Interval(5, 4));
        Assert.Contains("5 successes out of 4", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Wilson.Interval(-1, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => Wilson.Interval(1, 4, level: 1));
    }
}
