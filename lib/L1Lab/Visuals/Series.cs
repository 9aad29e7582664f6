namespace L1Lab.Visuals;

/// <summary>One data series of a <see cref="Figure"/>: a line, points, bars, a histogram or a heatmap.</summary>
/// <param name="Name">The legend entry.</param>
public abstract record Series(string Name)
{
    /// <summary>A colour as CSS hex (<c>#rrggbb</c>); the figure's palette when null.</summary>
    public string? Color { get; init; }

    /// <summary>Plotly's trace type for this series.</summary>
    internal abstract string Kind { get; }

    /// <summary>Throws when the data cannot be drawn (lengths differ, no points).</summary>
    internal abstract void Validate();

    internal static void CheckSameLength(string name, IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
            throw new ArgumentException($"Series \"{name}\": {x.Count} x values but {y.Count} y values.");
    }
}
