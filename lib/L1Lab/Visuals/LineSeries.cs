namespace L1Lab.Visuals;

/// <summary>Points joined by straight lines, in the order given (e.g. a training curve).</summary>
/// <param name="Name">The legend entry.</param>
/// <param name="X">Horizontal positions.</param>
/// <param name="Y">Vertical positions, one per x; NaN leaves a gap.</param>
public sealed record LineSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y) : Series(Name)
{
    /// <summary>Solid, dotted or dashed.</summary>
    public LineDash Dash { get; init; } = LineDash.Solid;

    /// <summary>Stroke width in pixels.</summary>
    public double Width { get; init; } = 2;

    /// <summary>Also mark each point with a dot.</summary>
    public bool Markers { get; init; }

    /// <summary>A text label beside each point (e.g. its λ), or null.</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>Half-length of a vertical error bar at each point (e.g. one standard error), or null.</summary>
    public IReadOnlyList<double>? ErrorY { get; init; }

    internal override string Kind => "scatter";

    internal override void Validate()
    {
        CheckSameLength(Name, X, Y);
        if (Labels is not null && Labels.Count != X.Count)
            throw new ArgumentException($"Series \"{Name}\": {Labels.Count} labels for {X.Count} points.");
        if (ErrorY is not null && ErrorY.Count != X.Count)
            throw new ArgumentException($"Series \"{Name}\": {ErrorY.Count} error bars for {X.Count} points.");
    }
}
