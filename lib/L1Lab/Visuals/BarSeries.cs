namespace L1Lab.Visuals;

/// <summary>One bar per category (e.g. final accuracy per regularizer); several bar series are grouped side by side.</summary>
/// <param name="Name">The legend entry.</param>
/// <param name="Categories">The bar labels along the horizontal axis.</param>
/// <param name="Values">Bar heights, one per category.</param>
public sealed record BarSeries(string Name, IReadOnlyList<string> Categories, IReadOnlyList<double> Values) : Series(Name)
{
    internal override string Kind => "bar";

    internal override void Validate()
    {
        ArgumentNullException.ThrowIfNull(Categories);
        ArgumentNullException.ThrowIfNull(Values);
        if (Categories.Count != Values.Count)
            throw new ArgumentException($"Series \"{Name}\": {Categories.Count} categories but {Values.Count} values.");
    }
}
