using L1Lab.Explain;

namespace L1Lab.Tests.Explain;

public sealed class OcclusionTests
{
    /// <summary>A 784 → 2 linear model whose class-1 logit is <paramref name="weight"/> · pixel <paramref name="pixel"/> and nothing else.</summary>
    static nn.Module<Tensor, Tensor> OnePixelModel(int pixel, float weight)
    {
        var model = nn.Linear(784, 2);
        using var noGrad = no_grad();
        model.weight!.zero_();
        model.bias!.zero_();
        model.weight![1, pixel] = weight;
        return model;
    }

    [Fact]
    public void With_one_pixel_patches_only_the_pixel_the_model_reads_is_salient_by_the_closed_form_drop()
    {
        // Given a model that reads only pixel (10, 17) and an image where it is 1
        const int row = 10, column = 17;
        using var model = OnePixelModel(row * 28 + column, 2f);
        using var image = full(784, 1f);

        // When every pixel is occluded on its own
        using var map = Occlusion.Map(model, image, 28, targetClass: 1, patch: 1, stride: 1);

        // Then that pixel's drop is σ(2) − σ(0) and every other pixel's is 0
        double expected = 1 / (1 + Math.Exp(-2)) - 0.5;
        Assert.Equal(expected, map[row, column].item<float>(), 5);
        Assert.Equal(1, map.ne(0).sum().item<long>());
    }

    [Fact]
    public void With_4_by_4_patches_every_pixel_of_a_patch_over_the_read_pixel_shares_the_drop()
    {
        const int row = 13, column = 5;
        using var model = OnePixelModel(row * 28 + column, -3f);
        using var image = full(784, 1f);

        using var map = Occlusion.Map(model, image, 28, targetClass: 1, patch: 4, stride: 2);

        // Brute force: pixel (r, c)'s value is drop × (#patches covering both (r, c) and the read pixel) / (#patches covering (r, c)).
        double drop = 1 / (1 + Math.Exp(3)) - 0.5;
        var starts = Enumerable.Range(0, 13).Select(i => 2 * i).ToArray();
        bool Covers(int s, int p) => s <= p && p < s + 4;
        for (int r = 0; r < 28; r++)
            for (int c = 0; c < 28; c++)
            {
                int all = starts.Count(sr => Covers(sr, r)) * starts.Count(sc => Covers(sc, c));
                int hit = starts.Count(sr => Covers(sr, r) && Covers(sr, row)) * starts.Count(sc => Covers(sc, c) && Covers(sc, column));
                Assert.Equal(all == 0 ? 0 : drop * hit / all, map[r, c].item<float>(), 5);
            }
    }

    [Fact]
    public void An_image_of_the_wrong_size_is_refused_naming_it()
    {
        using var model = OnePixelModel(0, 1f);
        using var image = zeros(100);

        var e = Assert.Throws<ArgumentException>(() => Occlusion.Map(model, image, 28, targetClass: 1));

        Assert.Equal("image", e.ParamName);
    }
}
