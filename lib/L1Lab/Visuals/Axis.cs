namespace L1Lab.Visuals;

/// <summary>One axis of a <see cref="Figure"/>: its title (with the unit, where there is one) and its scale.</summary>
/// <param name="Title">What the axis measures, e.g. "test accuracy" or "λ (log scale)".</param>
/// <param name="Scale">Linear or logarithmic.</param>
public sealed record Axis(string Title, AxisScale Scale = AxisScale.Linear)
{
    /// <summary>Lower end of the axis; from the data when null.</summary>
    public double? Min { get; init; }

    /// <summary>Upper end of the axis; from the data when null.</summary>
    public double? Max { get; init; }

    /// <summary>A linear axis.</summary>
    public static Axis Linear(string title) => new(title);

    /// <summary>A base-10 logarithmic axis.</summary>
    public static Axis Log(string title) => new(title, AxisScale.Log);
}
