namespace L1Lab.Visuals;

/// <summary>
/// A figure shown as its static SVG picture only (no interactive chart, no plotly.js): light enough to redraw every
/// epoch while training runs (<see cref="Training.LiveProgress"/>), after which the full <see cref="Figure"/> replaces it.
/// </summary>
/// <param name="Figure">The figure drawn.</param>
[TypeFormatterSource(typeof(VisualFormatterSource), PreferredMimeTypes = new[] { FigureMime.Svg })]
public sealed record FigurePicture(Figure Figure)
{
    /// <summary>The figure's one-line description.</summary>
    public override string ToString() => Figure.ToString();
}
