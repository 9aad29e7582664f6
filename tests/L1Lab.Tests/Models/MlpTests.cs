using L1Lab.Models;
using L1Lab.Tests.Training;

namespace L1Lab.Tests.Models;

public sealed class MlpTests
{
    [Fact]
    public void Article_network_is_784_256_10_with_203530_parameters()
    {
        using var model = Mlp.Article();

        Assert.Equal([784, 256, 10], model.Sizes);
        Assert.Equal(784 * 256 + 256 + 256 * 10 + 10, model.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void Forward_gives_one_logit_per_class()
    {
        using var model = Mlp.Create([784, 256, 10], seed: 3);
        using var x = rand(5, 784);

        using var logits = model.forward(x);

        Assert.Equal([5L, 10L], logits.shape);
    }

    [Fact]
    public void Same_seed_gives_the_same_initial_weights_and_another_seed_does_not()
    {
        using var a = Mlp.Create([20, 8, 3], seed: 11);
        using var b = Mlp.Create([20, 8, 3], seed: 11);
        using var c = Mlp.Create([20, 8, 3], seed: 12);

        Assert.True(a.Layers[0].weight!.allclose(b.Layers[0].weight!, rtol: 0, atol: 0));
        Assert.False(a.Layers[0].weight!.allclose(c.Layers[0].weight!, rtol: 0, atol: 0));
    }

    [Fact]
    public void Forward_is_relu_between_linear_layers()
    {
        using var model = Mlp.Create([4, 3, 2], seed: 5);
        using var x = randn(6, 4);

        using var expected = nn.functional.relu(x.matmul(model.Layers[0].weight!.t()) + model.Layers[0].bias!)
            .matmul(model.Layers[1].weight!.t()) + model.Layers[1].bias!;
        using var actual = model.forward(x);

        Assert.True(actual.allclose(expected, rtol: 1e-6, atol: 1e-6));
    }

    [Theory]
    [InlineData(new[] { 784 })]
    [InlineData(new[] { 784, 0, 10 })]
    public void Invalid_layer_sizes_are_rejected_with_the_sizes_in_the_message(int[] sizes)
    {
        var error = Assert.Throws<ArgumentException>(() => new Mlp(sizes));

        Assert.Contains(string.Join(", ", sizes), error.Message);
    }
}

/// <summary>Seeded creation against torch's global generator, which these tests reseed: they run alone.</summary>
[Collection(nameof(GlobalGeneratorCollection))]
public sealed class MlpSeedingTests
{
    [Fact]
    public void Creating_a_model_leaves_the_global_random_stream_unchanged()
    {
        random.manual_seed(9);
        using var expected = rand(5);
        random.manual_seed(9);

        using var model = Mlp.Create([4, 3, 2], seed: 1);
        using var actual = rand(5);

        Assert.True(actual.allclose(expected, rtol: 0, atol: 0));
    }

    [Fact]
    public void Create_draws_the_weights_nn_Linear_draws_after_seeding_the_global_generator()
    {
        random.manual_seed(21);
        using var first = nn.Linear(20, 8);
        using var second = nn.Linear(8, 3);

        using var model = Mlp.Create([20, 8, 3], seed: 21);

        Assert.True(model.Layers[0].weight!.allclose(first.weight!, rtol: 0, atol: 0));
        Assert.True(model.Layers[0].bias!.allclose(first.bias!, rtol: 0, atol: 0));
        Assert.True(model.Layers[1].weight!.allclose(second.weight!, rtol: 0, atol: 0));
        Assert.True(model.Layers[1].bias!.allclose(second.bias!, rtol: 0, atol: 0));
    }

    [Fact]
    public async Task Create_gives_the_same_weights_while_another_thread_reseeds_the_global_generator()
    {
        using var expected = Mlp.Create([50, 40, 10], seed: 4);
        using var stop = new CancellationTokenSource();
        var reseeded = new TaskCompletionSource();
        var reseeding = Task.Run(() =>
        {
            for (long s = 0; !stop.IsCancellationRequested; s++)
            {
                random.manual_seed(s);
                using var _ = rand(64);
                reseeded.TrySetResult();
            }
        });
        await reseeded.Task;

        int same;
        try
        {
            same = Enumerable.Range(0, 200).Select(_ =>
            {
                using var model = Mlp.Create([50, 40, 10], seed: 4);
                return model.Layers.Zip(expected.Layers).All(p => p.First.weight!.allclose(p.Second.weight!, rtol: 0, atol: 0)
                                                              && p.First.bias!.allclose(p.Second.bias!, rtol: 0, atol: 0));
            }).Count(x => x);
        }
        finally
        {
            stop.Cancel();
            await reseeding;
        }

        Assert.Equal(200, same);
    }
}
