using L1Lab.Models;

namespace L1Lab.Tests.Models;

public sealed class LassoPathTests
{
    [Fact]
    public void Lambdas_fall_geometrically_from_lambda_max_to_the_ratio()
    {
        var lambdas = LassoPath.Lambdas(2.0, 5, 0.01);

        Assert.Equal(2.0, lambdas[0], 12);
        Assert.Equal(0.02, lambdas[^1], 12);
        Assert.All(lambdas.Zip(lambdas.Skip(1)), p => Assert.Equal(Math.Pow(0.01, 0.25), p.Second / p.First, 12));
    }

    [Fact]
    public void Warm_started_path_equals_cold_fits_and_starts_empty()
    {
        // Given a seeded problem and a path from λ_max down
        var generator = new Generator(17);
        var x = randn(100, 6, dtype: ScalarType.Float64, generator: generator);
        var y = x.select(1, 0).add(x.select(1, 1) * 0.5).gt(0).to_type(ScalarType.Float64);
        var lambdas = LassoPath.Lambdas(LogisticLasso.LambdaMax(x, y), 6, 0.05);
        var tight = new LogisticLassoOptions { Tolerance = 1e-11, MaxIterations = 100000 };

        // When the path is fitted with warm starts, and each λ again from zero
        var path = LassoPath.Fit(x, y, lambdas, tight);
        var cold = lambdas.Select(l => LogisticLasso.Fit(x, y, l, tight)).ToList();

        // Then the solutions agree, the first selects nothing, and feature 0 (the strongest) is selected first
        Assert.Equal(0, path[0].SelectedCount);
        for (int k = 0; k < lambdas.Length; k++)
            Assert.True(path[k].Weights.Zip(cold[k].Weights).All(p => Math.Abs(p.First - p.Second) < 1e-6), $"λ #{k}: warm and cold fits differ");
        var firstNonEmpty = path.First(m => m.SelectedCount > 0);
        Assert.Contains(0, firstNonEmpty.Selected);
    }

    [Fact]
    public void A_path_whose_lambdas_do_not_fall_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => LassoPath.Fit(ones(3, 2), tensor(new[] { 0.0, 1, 0 }), [0.1, 0.2]));
        Assert.Contains("must fall", e.Message, StringComparison.Ordinal);
    }
}
