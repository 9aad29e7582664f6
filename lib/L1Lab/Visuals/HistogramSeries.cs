namespace L1Lab.Visuals;

/// <summary>
/// Counts of values in equal-width bins, drawn as adjacent bars (e.g. the distribution of a layer's weights).
/// Several histograms in one figure overlap, so give them an <see cref="Opacity"/> below 1.
/// </summary>
/// <param name="Name">The legend entry.</param>
/// <param name="Start">Left edge of the first bin.</param>
/// <param name="BinWidth">Width of every bin.</param>
/// <param name="Counts">How many values fell in each bin.</param>
public sealed record HistogramSeries(string Name, double Start, double BinWidth, IReadOnlyList<double> Counts) : Series(Name)
{
    /// <summary>0 (invisible) … 1 (opaque).</summary>
    public double Opacity { get; init; } = 1;

    /// <summary>The centre of each bin.</summary>
    public IReadOnlyList<double> Centers => Enumerable.Range(0, Counts.Count).Select(i => Start + (i + 0.5) * BinWidth).ToArray();

    /// <summary>
    /// Bins <paramref name="values"/> into <paramref name="binCount"/> bins of <paramref name="binWidth"/> starting at
    /// <paramref name="start"/>; bin i holds start + i·width ≤ v &lt; start + (i + 1)·width. Values outside are not counted.
    /// </summary>
    public static HistogramSeries Of(string name, IEnumerable<double> values, double start, double binWidth, int binCount)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!(binWidth > 0) || !double.IsFinite(binWidth)) throw new ArgumentOutOfRangeException(nameof(binWidth), binWidth, "The bin width must be a positive number.");
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        var counts = new double[binCount];
        foreach (var v in values)
        {
            var bin = Math.Floor((v - start) / binWidth);
            if (bin >= 0 && bin < binCount) counts[(int)bin]++;
        }
        return new HistogramSeries(name, start, binWidth, counts);
    }

    internal override string Kind => "bar";

    internal override void Validate()
    {
        ArgumentNullException.ThrowIfNull(Counts);
        if (!(BinWidth > 0)) throw new ArgumentException($"Series \"{Name}\": the bin width must be positive.");
    }
}
