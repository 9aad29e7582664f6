namespace L1Lab.Tests;

public sealed class ElasticNetTests
{
    [Fact]
    public void Penalty_equals_lambda_times_alpha_L1_plus_half_one_minus_alpha_L2()
    {
        // Given Σ|w| = 7 and Σw² = 25 (w = [3, −4])
        using var w = tensor(new[] { 3f, -4f });

        // When λ = 0.2, α = 0.25
        using var penalty = ElasticNet.Penalty([w], 0.2, 0.25);

        // Then λ·[α·7 + ((1 − α)/2)·25] = 0.2·(1.75 + 9.375) = 2.225
        TensorAssert.Close("elastic net", penalty.item<float>(), 2.225);
    }

    [Fact]
    public void Penalty_is_L1_when_alpha_is_one_and_L2_when_alpha_is_zero()
    {
        // Given a seeded model
        using var model = Seeded.SmallNetwork(seed: 9);

        // When / Then
        using var pureL1 = ElasticNet.Penalty(model, 0.3, 1);
        using var l1 = L1.Penalty(model, 0.3);
        TensorAssert.Close("α = 1 vs L1", pureL1, l1);
        using var pureL2 = ElasticNet.Penalty(model, 0.3, 0, includeBiases: true);
        using var l2 = L2.Penalty(model, 0.3, includeBiases: true);
        TensorAssert.Close("α = 0 vs L2", pureL2, l2);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Penalty_rejects_an_alpha_outside_zero_to_one(double alpha)
    {
        using var w = ones(2);
        Assert.Throws<ArgumentOutOfRangeException>(() => ElasticNet.Penalty([w], 0.1, alpha));
    }

    [Fact]
    public void Proximal_soft_thresholds_then_scales_by_one_over_one_plus_eta_lambda2()
    {
        // Given η = 0.5, λ = 1, α = 0.4: threshold ηλα = 0.2, scale 1/(1 + ηλ(1 − α)) = 1/1.3
        using var v = tensor(new[] { 1.5f, -0.2f, 0.1f, -2.2f });

        // When
        using var result = ElasticNet.Proximal(v, 0.5, 1, 0.4);

        // Then [1.3, 0, 0, −2.0] / 1.3
        using var expected = tensor(new[] { 1f, 0f, 0f, -2f / 1.3f });
        TensorAssert.Close("prox elastic net", result, expected);
        Assert.Equal(0f, result[1].item<float>());
        Assert.Equal(0f, result[2].item<float>());
    }

    [Fact]
    public void Proximal_minimises_the_proximal_objective()
    {
        // Given prox(v) = argminᵤ ½(u − v)² + η·λ·[α|u| + ((1 − α)/2)u²], on a fine float64 grid
        var g = new Generator(4);
        using var v = Seeded.Randn(g, 12).to(float64) * 2;
        const double eta = 0.5, lambda = 1.2, alpha = 0.6;
        using var grid = linspace(-8, 8, 160_001, dtype: float64).unsqueeze(0);

        // When the grid minimiser is found for every element
        using var objective = 0.5 * (grid - v.unsqueeze(1)).square()
            + eta * lambda * (alpha * grid.abs() + (1 - alpha) / 2 * grid.square());
        using var argmin = grid.squeeze(0)[objective.argmin(1)];

        // Then it is the closed form, to within the grid spacing (1e-4)
        using var ours = ElasticNet.Proximal(v, eta, lambda, alpha);
        TensorAssert.Close("argmin prox objective", ours, argmin, atol: 1.1e-4);
    }

    [Fact]
    public void Proximal_with_alpha_one_is_the_L1_soft_threshold()
    {
        var g = new Generator(6);
        using var v = Seeded.Randn(g, 20);
        using var ours = ElasticNet.Proximal(v, 0.1, 3, 1);
        using var reference = L1.SoftThreshold(v, 0.3);
        TensorAssert.Close("α = 1 vs soft(v, ηλ)", ours, reference);
    }
}
