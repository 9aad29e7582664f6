using static TorchSharp.torch.nn.functional;

namespace L1Lab.Tests;

public sealed class LossesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void MeanSquaredError_equals_torch_mse_loss(long seed)
    {
        // Given seeded predictions and targets
        var g = new Generator((ulong)seed);
        using var prediction = Seeded.Randn(g, 16, 3);
        using var target = Seeded.Randn(g, 16, 3);

        // When both losses are computed
        using var ours = Losses.MeanSquaredError(prediction, target);
        using var reference = mse_loss(prediction, target);

        // Then they agree
        TensorAssert.Close("mse", ours, reference);
    }

    [Fact]
    public void MeanSquaredError_is_the_mean_of_squared_differences()
    {
        // Given ŷ − y = [1, −2, 3, 0]
        using var prediction = tensor(new[] { 2f, 0f, 3f, 5f });
        using var target = tensor(new[] { 1f, 2f, 0f, 5f });

        // When / Then: (1 + 4 + 9 + 0) / 4
        using var loss = Losses.MeanSquaredError(prediction, target);
        TensorAssert.Close("mse by hand", loss.item<float>(), 3.5);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void CrossEntropy_equals_torch_cross_entropy(long seed)
    {
        // Given seeded logits for 8 examples over 5 classes and random labels
        var g = new Generator((ulong)seed);
        using var logits = Seeded.Randn(g, 8, 5) * 3;
        using var labels = randint(5, [8], generator: g);

        // When
        using var ours = Losses.CrossEntropy(logits, labels);
        using var reference = cross_entropy(logits, labels);

        // Then
        TensorAssert.Close("cross-entropy", ours, reference);
    }

    [Fact]
    public void CrossEntropy_is_finite_and_matches_torch_for_logits_of_plus_minus_1000()
    {
        // Given logits whose naive exp overflows float32 (e^1000)
        using var logits = tensor(new[,] { { 1000f, -1000f, 0f }, { -1000f, 1000f, 1000f }, { -1000f, -1000f, -1000f } });
        using var labels = tensor(new long[] { 1, 2, 0 });

        // When
        using var ours = Losses.CrossEntropy(logits, labels);
        using var reference = cross_entropy(logits, labels);

        // Then: finite, and equal to torch (losses ≈ 2000, ln 2 and ln 3; rtol covers float32's ulp at 2000)
        Assert.True(ours.isfinite().all().item<bool>(), TensorAssert.Describe("cross-entropy ±1000", ours, reference));
        TensorAssert.Close("cross-entropy ±1000", ours, reference, atol: 1e-6, rtol: 1e-6);
        TensorAssert.Close("cross-entropy ±1000 by hand", ours.item<float>(), (2000 + Math.Log(2) + Math.Log(3)) / 3, atol: 1e-3);
    }

    [Fact]
    public void LogSoftmax_is_finite_and_matches_torch_for_logits_of_plus_minus_1000()
    {
        // Given extreme logits
        using var logits = tensor(new[,] { { 1000f, -1000f, 0f }, { -1000f, 1000f, 1000f } });

        // When
        using var ours = Losses.LogSoftmax(logits);
        using var reference = log_softmax(logits, 1);

        // Then
        Assert.True(ours.isfinite().all().item<bool>(), TensorAssert.Describe("log-softmax ±1000", ours, reference));
        TensorAssert.Close("log-softmax ±1000", ours, reference, atol: 1e-6, rtol: 1e-6);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void LogSoftmax_exponentiates_to_rows_that_sum_to_one(long seed)
    {
        // Given seeded logits of widely varying scale
        var g = new Generator((ulong)seed);
        using var logits = Seeded.Randn(g, 6, 10) * 50;

        // When
        using var logProbabilities = Losses.LogSoftmax(logits);
        using var sums = logProbabilities.exp().sum(1);

        // Then every row is a probability distribution, and equals torch's log_softmax
        TensorAssert.Close("Σ exp(log-softmax)", sums, ones(6), atol: 1e-5);
        using var reference = log_softmax(logits, 1);
        TensorAssert.Close("log-softmax", logProbabilities, reference, atol: 1e-5);
    }
}
