using TorchSharp.Modules;

namespace L1Lab.Tests;

public sealed class SparsityTests
{
    /// <summary>
    /// Linear(4, 3) → Linear(3, 2) with hand-set values: the first weight (12) has 6 exact zeros and 2 of
    /// 5e-4; the second weight (6) has 1 exact zero and 1 of −2e-3; the biases (3 + 2) are [0, 0, 1] and [1e-4, 1].
    /// </summary>
    static Sequential HandMadeModel()
    {
        var model = nn.Sequential(("first", nn.Linear(4, 3)), ("second", nn.Linear(3, 2)));
        var values = new Dictionary<string, float[]>
        {
            ["first.weight"] = [0, 0, 0, 0, 0, 0, 5e-4f, -5e-4f, 1, -1, 2, 3],
            ["first.bias"] = [0, 0, 1],
            ["second.weight"] = [0, -2e-3f, 1, 1, -1, 0.5f],
            ["second.bias"] = [1e-4f, 1],
        };
        using var noGrad = no_grad();
        foreach (var (name, p) in model.named_parameters())
            p.copy_(tensor(values[name]).view(p.shape));
        return model;
    }

    [Fact]
    public void Measure_reports_each_weight_and_excludes_biases_by_default()
    {
        // Given the hand-made model
        using var model = HandMadeModel();

        // When
        var report = Sparsity.Measure(model);

        // Then one entry per weight, with exact and near-zero (|w| < 1e-3) counts
        Assert.Equal(
            [new LayerSparsity("first.weight", 12, 6, 8), new LayerSparsity("second.weight", 6, 1, 1)],
            report.Layers);
        TensorAssert.Close("first zero fraction", report.Layers[0].ZeroFraction, 0.5);
        TensorAssert.Close("first near-zero fraction", report.Layers[0].NearZeroFraction, 8.0 / 12);
        TensorAssert.Close("second zero fraction", report.Layers[1].ZeroFraction, 1.0 / 6);
    }

    [Fact]
    public void Measure_weights_the_overall_fractions_by_layer_size()
    {
        // Given the hand-made model (7 zeros, 9 near zeros in 18 weights)
        using var model = HandMadeModel();

        // When
        var report = Sparsity.Measure(model);

        // Then 7/18 and 9/18, not the mean of the per-layer fractions ((1/2 + 1/6)/2 = 1/3)
        Assert.Equal(18, report.Count);
        TensorAssert.Close("overall zero fraction", report.ZeroFraction, 7.0 / 18);
        TensorAssert.Close("overall near-zero fraction", report.NearZeroFraction, 9.0 / 18);
    }

    [Fact]
    public void Measure_includes_biases_when_asked()
    {
        // Given the hand-made model
        using var model = HandMadeModel();

        // When
        var report = Sparsity.Measure(model, includeBiases: true);

        // Then the biases are entries too: 23 elements, 9 exact zeros, 12 near zeros
        Assert.Equal(["first.weight", "first.bias", "second.weight", "second.bias"], report.Layers.Select(l => l.Name));
        Assert.Equal(new LayerSparsity("first.bias", 3, 2, 2), report.Layers[1]);
        Assert.Equal(new LayerSparsity("second.bias", 2, 0, 1), report.Layers[3]);
        TensorAssert.Close("overall zero fraction", report.ZeroFraction, 9.0 / 23);
        TensorAssert.Close("overall near-zero fraction", report.NearZeroFraction, 12.0 / 23);
    }

    [Fact]
    public void Measure_uses_the_given_tolerance_for_near_zeros()
    {
        // Given the hand-made model and a tolerance of 1e-2 (now −2e-3 counts too)
        using var model = HandMadeModel();

        // When
        var report = Sparsity.Measure(model, tolerance: 1e-2);

        // Then
        Assert.Equal(1e-2, report.Tolerance);
        Assert.Equal(10, report.NearZeros);
        Assert.Equal(7, report.Zeros);
    }

    [Fact]
    public void Measure_counts_only_exact_zeros_when_tolerance_is_zero()
    {
        using var model = HandMadeModel();
        var report = Sparsity.Measure(model, tolerance: 0);
        Assert.Equal(0, report.NearZeros);
        Assert.Equal(7, report.Zeros);
    }

    [Fact]
    public void Measure_sees_the_zeros_a_proximal_step_makes()
    {
        // Given a dense seeded model
        using var model = Seeded.SmallNetwork(seed: 13);
        Assert.Equal(0, Sparsity.Measure(model).Zeros);

        // When a proximal step with no data gradient and a threshold of ηλ = 0.3 is taken
        Updates.ProximalStep(model, 0.1, 3);

        // Then exactly the weights with |w| ≤ 0.3 became zeros
        using var noGrad = no_grad();
        using var original = Seeded.SmallNetwork(seed: 13);
        var before = original.named_parameters().Where(p => p.parameter.dim() >= 2)
            .Sum(p => (p.parameter.abs() <= 0.3).sum().item<long>());
        Assert.True(before > 0, "the seeded weights must include some within the threshold");
        Assert.Equal(before, Sparsity.Measure(model).Zeros);
    }

    [Fact]
    public void Measure_rejects_a_negative_tolerance()
    {
        using var model = HandMadeModel();
        Assert.Throws<ArgumentOutOfRangeException>(() => Sparsity.Measure(model, tolerance: -1));
    }
}
