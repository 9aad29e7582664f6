using System.Globalization;
using L1Lab.Visuals;
using static TorchSharp.torch;

namespace L1Lab.Cli.Reports;

/// <summary>
/// report.html's first-layer weight pictures, all runs on one diverging colour scale (full colour at the largest |w| of
/// any run), each captioned with its own largest |w|. On separate scales a model whose weights are all below 10⁻³
/// would look like full-strength noise next to the baseline; on one scale it fades to near white, as it should.
/// </summary>
public static class WeightPictures
{
    /// <summary>One picture per entry, in order, of the (units × 784) weights, on the scale ±(largest |w| of all entries).</summary>
    /// <param name="layers">Each run's first-layer weights (one row per hidden unit, 28·28 columns) and its caption.</param>
    public static IReadOnlyList<PngImage> OnOneScale(IReadOnlyList<(Tensor Weights, string Caption)> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0) return [];
        var largest = layers.Select(l => (double)l.Weights.abs().max().item<float>()).ToList();
        var limit = largest.Max();
        if (!(limit > 0)) limit = 1;   // every weight exactly zero: any scale draws them white
        return layers.Select((l, i) => Images.Grid(l.Weights, side: 28, columns: 8, scale: 2, diverging: true, limit: limit)
            .WithTitle(string.Create(CultureInfo.InvariantCulture,
                $"{l.Caption}; largest |w| {largest[i]:G3}, colour scale ±{limit:G3} shared by all runs"))).ToList();
    }
}
