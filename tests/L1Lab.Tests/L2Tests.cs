namespace L1Lab.Tests;

public sealed class L2Tests
{
    [Fact]
    public void Penalty_equals_half_lambda_times_the_sum_of_squares()
    {
        // Given Σw² = (1 + 4 + 9 + 16) + (0.25 + 0.25) = 30.5
        using var w1 = tensor(new[,] { { 1f, -2f }, { 3f, -4f } });
        using var w2 = tensor(new[] { 0.5f, -0.5f });

        // When
        using var penalty = L2.Penalty([w1, w2], 0.1);

        // Then (λ/2)·Σw² = 1.525
        TensorAssert.Close("(λ/2)·Σw²", penalty.item<float>(), 1.525);
    }

    [Fact]
    public void Penalty_gradient_from_autograd_is_lambda_times_w()
    {
        // Given seeded weights
        var g = new Generator(3);
        using var w = Seeded.Randn(g, 4, 3).requires_grad_();

        // When autograd differentiates (λ/2)·Σw²
        using var penalty = L2.Penalty([w], 0.2);
        penalty.backward();

        // Then ∇ = λ·w, the weight-decay term
        using var expected = 0.2 * w.detach();
        TensorAssert.Close("∇ (λ/2)·Σw²", w.grad!, expected);
    }

    [Fact]
    public void Penalty_of_a_model_counts_weights_and_not_biases_by_default()
    {
        // Given
        using var model = Seeded.SmallNetwork(seed: 8);
        var p = model.named_parameters().ToDictionary(x => x.name, x => x.parameter);
        var weights = p["0.weight"].square().sum().item<float>() + p["2.weight"].square().sum().item<float>();

        // When
        using var penalty = L2.Penalty(model, 0.01);

        // Then
        TensorAssert.Close("(λ/2)·Σ W²", penalty.item<float>(), 0.005 * weights, atol: 1e-6);
    }

    [Fact]
    public void Penalty_of_a_model_includes_biases_when_asked()
    {
        // Given
        using var model = Seeded.SmallNetwork(seed: 8);
        var all = model.parameters().Sum(q => q.square().sum().item<float>());
        using var weightsOnly = L2.Penalty(model, 0.01);

        // When
        using var penalty = L2.Penalty(model, 0.01, includeBiases: true);

        // Then every parameter counts, and that is more than the weights alone
        TensorAssert.Close("(λ/2)·Σ θ²", penalty.item<float>(), 0.005 * all, atol: 1e-6);
        Assert.True(penalty.item<float>() > weightsOnly.item<float>() + 1e-4);
    }

    [Fact]
    public void Penalty_rejects_a_negative_lambda()
    {
        using var w = ones(2);
        Assert.Throws<ArgumentOutOfRangeException>(() => L2.Penalty([w], -1));
    }
}
