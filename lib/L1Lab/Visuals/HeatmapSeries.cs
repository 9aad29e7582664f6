using static TorchSharp.torch;

namespace L1Lab.Visuals;

/// <summary>
/// A matrix drawn as coloured cells, row 0 at the top (as an image is read): a digit, a mean image, a weight map.
/// Values map linearly from <see cref="Min"/> to <see cref="Max"/> through <see cref="Scale"/>.
/// </summary>
/// <param name="Name">What the cells hold (shown on the colour bar and on hover).</param>
/// <param name="Z">The rows, all of one length.</param>
public sealed record HeatmapSeries(string Name, IReadOnlyList<double[]> Z) : Series(Name)
{
    /// <summary>The colour map.</summary>
    public ColorScale Scale { get; init; } = ColorScale.Ink;

    /// <summary>The value drawn at the scale's start; the data's minimum when null (for Diverging: −max |z|).</summary>
    public double? Min { get; init; }

    /// <summary>The value drawn at the scale's end; the data's maximum when null (for Diverging: +max |z|).</summary>
    public double? Max { get; init; }

    /// <summary>Draw a colour bar with the value range beside the picture.</summary>
    public bool ShowScale { get; init; }

    /// <summary>A 2-D tensor (rows, columns) as a heatmap; the tensor is copied, not kept.</summary>
    public static HeatmapSeries FromTensor(string name, Tensor matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.dim() != 2) throw new ArgumentException($"Expected a 2-D tensor (rows, columns); got shape [{string.Join(", ", matrix.shape)}].", nameof(matrix));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var values = matrix.detach().to(float64).cpu().contiguous().data<double>().ToArray();
        int rows = (int)matrix.shape[0], cols = (int)matrix.shape[1];
        return new HeatmapSeries(name, Enumerable.Range(0, rows).Select(r => values.AsSpan(r * cols, cols).ToArray()).ToArray());
    }

    internal int Columns => Z.Count == 0 ? 0 : Z[0].Length;

    /// <summary>The value range the colours span.</summary>
    internal (double Lo, double Hi) Range()
    {
        var finite = Z.SelectMany(r => r).Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        if (Scale == ColorScale.Diverging)
        {
            double m = Max ?? (Min is { } mn ? -mn : finite.Max(Math.Abs));
            return (Min ?? -m, Max ?? m);
        }
        return (Min ?? finite.Min(), Max ?? finite.Max());
    }

    internal override string Kind => "heatmap";

    internal override void Validate()
    {
        ArgumentNullException.ThrowIfNull(Z);
        if (Z.Count == 0 || Z[0] is null || Z[0].Length == 0) throw new ArgumentException($"Series \"{Name}\": a heatmap needs at least one row and one column.");
        if (Z.Any(r => r is null || r.Length != Z[0].Length)) throw new ArgumentException($"Series \"{Name}\": every row must have {Z[0].Length} values.");
    }
}
