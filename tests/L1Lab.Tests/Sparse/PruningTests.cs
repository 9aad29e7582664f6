using L1Lab.Models;
using L1Lab.Sparse;

namespace L1Lab.Tests.Sparse;

public sealed class PruningTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void ByMagnitude_zeroes_that_fraction_of_each_weight_matrix_keeping_the_largest(double fraction)
    {
        // Given a freshly initialised MLP (continuous weights: no ties)
        using var scope = NewDisposeScope();
        using var model = Mlp.Create([20, 8, 3], seed: 4);

        // When
        using var pruned = Pruning.ByMagnitude(model, fraction);

        // Then each layer has floor(fraction · size) exact zeros, the kept weights are unchanged and are the largest
        for (int i = 0; i < model.Layers.Count; i++)
        {
            var (before, after) = (model.Layers[i].weight!, pruned.Layers[i].weight!);
            long size = before.numel(), expectedZeros = (long)(fraction * size);
            Assert.Equal(expectedZeros, after.eq(0).sum().item<long>());
            var kept = after.ne(0);
            TensorAssert.Exact($"kept weights of layer {i}", after.masked_select(kept), before.masked_select(kept));
            if (expectedZeros > 0)
                Assert.True(before.abs().masked_select(kept).min().item<float>() > before.abs().masked_select(kept.logical_not()).max().item<float>());
            TensorAssert.Exact($"bias of layer {i}", pruned.Layers[i].bias!, model.Layers[i].bias!);
        }
    }

    [Fact]
    public void ByMagnitude_rejects_a_fraction_outside_0_to_1()
    {
        using var model = Mlp.Create([4, 2], seed: 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => Pruning.ByMagnitude(model, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Pruning.ByMagnitude(model, double.NaN));
    }
}
