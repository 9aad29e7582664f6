namespace L1Lab.Visuals;

/// <summary>How a <see cref="HeatmapSeries"/> turns values into colours (from its minimum to its maximum).</summary>
public enum ColorScale
{
    /// <summary>White to black: ink on paper, as MNIST digits are usually shown.</summary>
    Ink,

    /// <summary>Black to white: an image's own gray levels (e.g. ultrasound).</summary>
    Gray,

    /// <summary>Dark purple through green to yellow (perceptually uniform).</summary>
    Viridis,

    /// <summary>Blue for negative, white for zero, red for positive; symmetric around 0 (weights).</summary>
    Diverging,
}
