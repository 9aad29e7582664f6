using L1Lab.Cli.Reports;
using L1Lab.Visuals;
using static TorchSharp.torch;

namespace L1Lab.Cli.Tests;

public sealed class WeightPicturesTests
{
    [Fact]
    public void Both_runs_are_drawn_on_the_scale_of_the_largest_weight_and_each_caption_gives_its_own_largest_weight()
    {
        // Given a baseline with weights up to 1 and a collapsed L1 run whose weights are all below 10⁻³
        using var scope = NewDisposeScope();
        var baseline = (rand(4, 784) * 2 - 1) * 0.5;
        baseline[0, 0] = tensor(1f);
        var collapsed = (rand(4, 784) * 2 - 1) * 1e-3f;
        var largestCollapsed = collapsed.abs().max().item<float>();

        // When
        var pictures = WeightPictures.OnOneScale([(baseline, "baseline"), (collapsed, "l1")]);

        // Then the collapsed run is drawn exactly as on the scale ±1, not on its own scale (where it would look like noise)
        var shared = Images.Grid(collapsed, side: 28, columns: 8, scale: 2, diverging: true, limit: 1);
        var own = Images.Grid(collapsed, side: 28, columns: 8, scale: 2, diverging: true);
        Assert.Equal(shared.Bytes, pictures[1].Bytes);
        Assert.NotEqual(own.Bytes, pictures[1].Bytes);
        Assert.Equal(Images.Grid(baseline, side: 28, columns: 8, scale: 2, diverging: true, limit: 1).Bytes, pictures[0].Bytes);
        Assert.Contains("baseline; largest |w| 1, colour scale ±1 shared by all runs", pictures[0].Title);
        Assert.Contains($"l1; largest |w| {largestCollapsed:G3}", pictures[1].Title);
        Assert.Contains($"<figcaption>l1; largest |w| {largestCollapsed:G3}", pictures[1].ToHtml());
    }

    [Fact]
    public void All_zero_weights_are_drawn_white_without_dividing_by_zero()
    {
        using var scope = NewDisposeScope();
        var pictures = WeightPictures.OnOneScale([(zeros(2, 784), "dead")]);
        Assert.Contains("largest |w| 0", pictures[0].Title);
    }
}
