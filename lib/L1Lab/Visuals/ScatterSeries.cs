namespace L1Lab.Visuals;

/// <summary>Points drawn as dots, not joined (e.g. grid-search minimisers over a curve).</summary>
/// <param name="Name">The legend entry.</param>
/// <param name="X">Horizontal positions.</param>
/// <param name="Y">Vertical positions, one per x.</param>
public sealed record ScatterSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y) : Series(Name)
{
    /// <summary>A text label beside each point, or null.</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    internal override string Kind => "scatter";

    internal override void Validate()
    {
        CheckSameLength(Name, X, Y);
        if (Labels is not null && Labels.Count != X.Count)
            throw new ArgumentException($"Series \"{Name}\": {Labels.Count} labels for {X.Count} points.");
    }
}
