namespace L1Lab.Visuals;

/// <summary>How a line is stroked.</summary>
public enum LineDash
{
    /// <summary>A continuous line.</summary>
    Solid,

    /// <summary>Dots.</summary>
    Dot,

    /// <summary>Dashes, e.g. for a baseline.</summary>
    Dash,
}
