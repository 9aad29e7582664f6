using static TorchSharp.torch.nn.functional;

namespace L1Lab.Tests;

public sealed class L1Tests
{
    [Fact]
    public void Penalty_equals_lambda_times_the_sum_of_absolute_values()
    {
        // Given Σ|w| = (1 + 2 + 3 + 4) + (0.5 + 0.5) = 11
        using var w1 = tensor(new[,] { { 1f, -2f }, { 3f, -4f } });
        using var w2 = tensor(new[] { 0.5f, -0.5f });

        // When
        using var penalty = L1.Penalty([w1, w2], 0.1);

        // Then λ·Σ|w| = 1.1
        TensorAssert.Close("λ·Σ|w|", penalty.item<float>(), 1.1);
    }

    [Fact]
    public void Penalty_of_no_tensors_is_zero()
    {
        using var penalty = L1.Penalty([], 0.1);
        Assert.Equal(0f, penalty.item<float>());
    }

    [Fact]
    public void Penalty_of_a_model_counts_weights_and_not_biases_by_default()
    {
        // Given a seeded Linear(3,4) → ReLU → Linear(4,2)
        using var model = Seeded.SmallNetwork(seed: 7);
        var p = model.named_parameters().ToDictionary(x => x.name, x => x.parameter);
        var weights = p["0.weight"].abs().sum().item<float>() + p["2.weight"].abs().sum().item<float>();
        var biases = p["0.bias"].abs().sum().item<float>() + p["2.bias"].abs().sum().item<float>();

        // When
        using var penalty = L1.Penalty(model, 0.01);

        // Then only the two weight matrices count
        Assert.True(biases > 0.1, "the seeded biases must be nonzero for this test to discriminate");
        TensorAssert.Close("λ·Σ|W|", penalty.item<float>(), 0.01 * weights, atol: 1e-6);
    }

    [Fact]
    public void Penalty_of_a_model_includes_biases_when_asked()
    {
        // Given
        using var model = Seeded.SmallNetwork(seed: 7);
        var all = model.parameters().Sum(q => q.abs().sum().item<float>());

        // When
        using var penalty = L1.Penalty(model, 0.01, includeBiases: true);

        // Then every parameter counts
        TensorAssert.Close("λ·Σ|θ|", penalty.item<float>(), 0.01 * all, atol: 1e-6);
    }

    [Fact]
    public void Penalty_rejects_a_negative_lambda()
    {
        using var w = ones(2, 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => L1.Penalty([w], -0.1));
    }

    [Fact]
    public void Subgradient_is_the_sign_with_zero_at_zero()
    {
        // Given negative, both zeros, and positive weights
        using var w = tensor(new[] { -2f, -0.0f, 0f, 1e-30f, 3f });

        // When
        using var subgradient = L1.Subgradient(w);

        // Then
        using var expected = tensor(new[] { -1f, 0f, 0f, 1f, 1f });
        TensorAssert.Exact("sign(w)", subgradient, expected);
    }

    [Fact]
    public void Penalty_gradient_from_autograd_is_lambda_times_sign_away_from_zero()
    {
        // Given weights bounded away from 0
        var g = new Generator(11);
        using var raw = Seeded.Randn(g, 5, 4);
        using var w = (raw.sign() * (raw.abs() + 0.1)).detach().requires_grad_();

        // When autograd differentiates λ·Σ|w|
        using var penalty = L1.Penalty([w], 0.3);
        penalty.backward();

        // Then ∇ = λ·sign(w)
        using var expected = 0.3 * L1.Subgradient(w.detach());
        TensorAssert.Close("∇ λ·Σ|w|", w.grad!, expected);
    }

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(2, 0.05)]
    [InlineData(3, 2.0)]
    public void SoftThreshold_equals_torch_softshrink(long seed, double t)
    {
        // Given seeded weights
        var g = new Generator((ulong)seed);
        using var w = Seeded.Randn(g, 10, 10);

        // When
        using var ours = L1.SoftThreshold(w, t);
        using var reference = softshrink(w, t);

        // Then
        TensorAssert.Close($"soft(w, {t})", ours, reference);
    }

    [Fact]
    public void SoftThreshold_sets_weights_within_t_to_exact_zero()
    {
        // Given weights inside, on and outside the threshold t = 0.5
        using var w = tensor(new[] { -0.5f, -0.25f, 0f, 0.25f, 0.5f, 0.75f, -2f });

        // When
        using var result = L1.SoftThreshold(w, 0.5);

        // Then |w| ≤ t become exactly 0 and the rest move t towards 0
        using var expected = tensor(new[] { 0f, 0f, 0f, 0f, 0f, 0.25f, -1.5f });
        TensorAssert.Exact("soft(w, 0.5)", result, expected);
    }

    [Fact]
    public void SoftThreshold_gives_positive_zero_for_negative_weights_inside_the_threshold()
    {
        using var w = tensor(new[] { -0.5f, -0.25f });

        using var result = L1.SoftThreshold(w, 0.5);

        // 1/(+0) = +∞, 1/(−0) = −∞: tables then show 0, not −0.
        Assert.All(result.data<float>().ToArray(), v => Assert.True(float.IsPositiveInfinity(1f / v), $"got {v}"));
    }

    [Fact]
    public void SoftThreshold_rejects_a_negative_threshold()
    {
        using var w = ones(3);
        Assert.Throws<ArgumentOutOfRangeException>(() => L1.SoftThreshold(w, -1e-3));
    }

    [Fact]
    public void SoftThreshold_holds_its_defining_properties_on_many_random_inputs()
    {
        var g = new Generator(2024);
        for (var trial = 0; trial < 200; trial++)
        {
            using var scope = NewDisposeScope();
            // Given random weights of random scale and a random threshold
            var n = 1 + (int)(Seeded.Rand(g, 1).item<float>() * 50);
            var w = Seeded.Randn(g, n) * (0.1 + 3 * Seeded.Rand(g, 1).item<float>());
            var t = 2 * Seeded.Rand(g, 1).item<float>();

            // When
            var s = L1.SoftThreshold(w, t);

            // Then: zero inside [−t, t], shifted by t outside, never growing, never flipping sign,
            // and the same as torch's softshrink
            var inside = w.abs() <= t;
            Assert.True(s.masked_select(inside).eq(0).all().item<bool>(), $"trial {trial}: nonzero inside the threshold");
            TensorAssert.Close($"trial {trial}: shift", s.masked_select(~inside), (w - t * w.sign()).masked_select(~inside));
            Assert.True((s.abs() <= w.abs()).all().item<bool>(), $"trial {trial}: |soft(w)| > |w|");
            Assert.True((s * w >= 0).all().item<bool>(), $"trial {trial}: sign flipped");
            TensorAssert.Close($"trial {trial}: softshrink", s, softshrink(w, t));
        }
    }

    [Fact]
    public void SoftThreshold_minimises_the_proximal_objective()
    {
        // Given prox_t(v) = argminᵤ ½(u − v)² + t|u|, evaluated on a fine float64 grid
        var g = new Generator(5);
        using var v = Seeded.Randn(g, 12).to(float64) * 2;
        const double t = 0.7;
        using var grid = linspace(-8, 8, 160_001, dtype: float64).unsqueeze(0);

        // When the grid minimiser is found for every element
        using var objective = 0.5 * (grid - v.unsqueeze(1)).square() + t * grid.abs();
        using var argmin = grid.squeeze(0)[objective.argmin(1)];

        // Then it is the soft threshold, to within the grid spacing (1e-4)
        using var ours = L1.SoftThreshold(v, t);
        TensorAssert.Close("argmin ½(u−v)² + t|u|", ours, argmin, atol: 1.1e-4);
    }
}
