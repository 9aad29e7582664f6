namespace L1Lab.Visuals;

/// <summary>How an axis maps values to positions.</summary>
public enum AxisScale
{
    /// <summary>Equal steps for equal differences.</summary>
    Linear,

    /// <summary>Equal steps for equal ratios (base 10); values ≤ 0 are not drawn.</summary>
    Log,
}
