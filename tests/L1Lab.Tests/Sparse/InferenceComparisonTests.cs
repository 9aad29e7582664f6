using L1Lab.Models;
using L1Lab.Sparse;

namespace L1Lab.Tests.Sparse;

public sealed class InferenceComparisonTests
{
    [Fact]
    public void SparseCooForward_computes_the_dense_logits_with_LibTorch_sparse_weights()
    {
        // Given an MLP pruned to 80 % zeros, so the COO tensors really are sparse
        using var scope = NewDisposeScope();
        using var model = Mlp.Create([30, 12, 4], seed: 7);
        using var pruned = Pruning.ByMagnitude(model, 0.8);
        pruned.eval();
        var input = rand(5, 30);

        // When
        var viaCoo = InferenceComparison.SparseCooForward(pruned, input);

        // Then the logits are the dense ones
        using (no_grad())
            TensorAssert.Close("COO forward vs dense forward", viaCoo, pruned.forward(input), 1e-5);
        Assert.Equal(new long[] { 5, 4 }, viaCoo.shape);
    }

    [Fact]
    public void MeasureSparseCoo_reports_the_batch_and_the_models_share_of_exact_zeros()
    {
        using var scope = NewDisposeScope();
        using var model = Mlp.Create([30, 12, 4], seed: 7);
        using var pruned = Pruning.ByMagnitude(model, 0.5);

        var timing = InferenceComparison.MeasureSparseCoo(pruned, rand(3, 30), repeats: 3);

        Assert.Equal(3, timing.Batch);
        Assert.Equal(Sparsity.Measure(pruned).ZeroFraction, timing.Sparsity, 12);
        Assert.True(timing.DenseMicroseconds > 0 && timing.SparseMicroseconds > 0);
    }
}
