using L1Lab.Models;

namespace L1Lab.Tests.Models;

public sealed class CnnTests
{
    [Fact]
    public void Two_blocks_of_8_and_16_filters_on_28_by_28_have_the_parameters_counted_by_hand()
    {
        using var model = Cnn.Create([8, 16], classCount: 2, seed: 1);

        Assert.Equal(7, model.FeatureSide);
        Assert.Equal((8 * 9 + 8) + (16 * 8 * 9 + 16) + (16 * 49 * 2 + 2), model.ParameterCount);
        Assert.Equal(4 * model.ParameterCount, model.ParameterBytes);
    }

    [Fact]
    public void Forward_takes_flat_or_square_images_and_equals_the_layers_written_out()
    {
        using var model = Cnn.Create([4, 6], classCount: 3, seed: 2);
        using var generator = new Generator(9);
        using var x = Seeded.Rand(generator, 5, 784);

        using var logits = model.forward(x);
        using var square = model.forward(x.view(5, 1, 28, 28));
        var c = model.Convolutions;
        using var h1 = nn.functional.max_pool2d(nn.functional.relu(nn.functional.conv2d(x.view(5, 1, 28, 28), c[0].weight!, c[0].bias!, padding: [1, 1])), 2);
        using var h2 = nn.functional.max_pool2d(nn.functional.relu(nn.functional.conv2d(h1, c[1].weight!, c[1].bias!, padding: [1, 1])), 2);
        using var byHand = nn.functional.linear(h2.flatten(1), model.Head.weight!, model.Head.bias!);

        Assert.Equal([5L, 3L], logits.shape);
        TensorAssert.Exact("flat vs square", logits, square);
        TensorAssert.Close("forward vs by hand", logits, byHand, atol: 1e-6);
    }

    [Fact]
    public void Same_seed_gives_the_same_initial_weights_within_PyTorch_default_bounds()
    {
        using var a = Cnn.Create([4, 8], 2, seed: 11);
        using var b = Cnn.Create([4, 8], 2, seed: 11);
        using var c = Cnn.Create([4, 8], 2, seed: 12);

        TensorAssert.Exact("same seed", a.Convolutions[1].weight!, b.Convolutions[1].weight!);
        Assert.False(a.Convolutions[1].weight!.allclose(c.Convolutions[1].weight!, rtol: 0, atol: 0));
        Assert.True(a.Convolutions[1].weight!.abs().max().item<float>() <= 1 / Math.Sqrt(4 * 9));
    }

    [Fact]
    public void Too_many_blocks_for_the_image_are_refused_with_a_clear_message()
    {
        var e = Assert.Throws<ArgumentException>(() => Cnn.Create([2, 2, 2, 2, 2], 2, seed: 1));

        Assert.Contains("28×28", e.Message);
    }

    static void ZeroFilter(Cnn model, int layer, int filter, bool withBias = true)
    {
        using var noGrad = no_grad();
        model.Convolutions[layer].weight![filter].zero_();
        if (withBias) model.Convolutions[layer].bias![filter].zero_();
    }

    [Fact]
    public void Pruned_model_without_zero_filters_gives_the_same_logits_and_is_smaller()
    {
        // Given a CNN with whole filters zero in both layers, and one filter whose outgoing head weights are zero
        using var model = Cnn.Create([6, 8], 2, seed: 4);
        foreach (var (layer, filter) in new[] { (0, 1), (0, 4), (1, 0), (1, 5), (1, 6) }) ZeroFilter(model, layer, filter);
        using (var noGrad = no_grad()) model.Head.weight!.view(2, 8, 49)[TensorIndex.Colon, 7].zero_();
        using var generator = new Generator(8);
        using var x = Seeded.Rand(generator, 20, 784);

        // When it is pruned
        using var pruned = model.Pruned();

        // Then the removed filters are gone and the logits are the same to float tolerance
        Assert.Equal([4, 4], pruned.Channels);
        Assert.Equal([false, true, false, false, true, false], model.RemovableFilters()[0]);
        Assert.Equal([true, false, false, false, false, true, true, true], model.RemovableFilters()[1]);
        Assert.True(pruned.ParameterCount < model.ParameterCount);
        using var noGrad2 = no_grad();
        TensorAssert.Close("pruned vs dense logits", pruned.forward(x), model.forward(x), atol: 1e-5);
    }

    [Fact]
    public void A_filter_with_zero_kernel_but_positive_bias_is_kept_because_its_map_is_not_zero()
    {
        using var model = Cnn.Create([3, 4], 2, seed: 6);
        ZeroFilter(model, 0, 2, withBias: false);
        using (var noGrad = no_grad()) model.Convolutions[0].bias![2].fill_(0.5f);

        Assert.False(model.RemovableFilters()[0][2]);
        using var pruned = model.Pruned();
        Assert.Equal([3, 4], pruned.Channels);
    }

    [Fact]
    public void A_layer_with_every_filter_zero_keeps_one_zero_filter_and_frees_the_layer_before_it()
    {
        using var model = Cnn.Create([3, 4], 2, seed: 7);
        for (int f = 0; f < 4; f++) ZeroFilter(model, 1, f);
        using var generator = new Generator(2);
        using var x = Seeded.Rand(generator, 6, 784);

        using var pruned = model.Pruned();

        // Layer 1 keeps one zero filter; layer 0 then feeds only zero weights, so it shrinks to one too.
        Assert.Equal([1, 1], pruned.Channels);
        using var noGrad = no_grad();
        TensorAssert.Close("all-dead layer", pruned.forward(x), model.forward(x), atol: 1e-6);
    }
}
