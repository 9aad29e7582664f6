namespace L1Lab.Browser.Tests;

/// <summary>Something drawn on a page: a plotly chart's SVG, an image, or an inline SVG, with its rendered size.</summary>
/// <param name="Kind">"plotly", "img" or "svg".</param>
/// <param name="Width">Rendered width in CSS pixels (0 when it drew nothing).</param>
/// <param name="Height">Rendered height in CSS pixels.</param>
/// <param name="Decoded">For images: the browser decoded it (natural size above zero); true for the others.</param>
/// <param name="Label">Alt text, title or a short description, for messages.</param>
public sealed record Drawing(string Kind, double Width, double Height, bool Decoded, string Label)
{
    /// <summary>True when it shows something: decoded and of non-zero size.</summary>
    public bool Drew => Decoded && Width > 0 && Height > 0;

    public override string ToString() => $"{Kind} {Width:0}x{Height:0}{(Decoded ? "" : " (not decoded)")} \"{Label}\"";
}

/// <summary>What opening a page showed: the blocked requests, console errors and every visible drawing.</summary>
/// <param name="Blocked">Requests to anywhere but the page's own file:// tree or the test's own server; all were failed.</param>
/// <param name="Errors">Console errors, uncaught exceptions and failed local loads.</param>
/// <param name="Drawings">Visible plotly charts, images and inline SVGs (KaTeX's own glyph SVGs left out).</param>
/// <param name="UndrawnCharts">Chart containers that should hold a plotly chart but hold none (plotly never ran).</param>
/// <param name="Screenshot">Where the full-page screenshot was saved.</param>
public sealed record PageReport(IReadOnlyList<string> Blocked, IReadOnlyList<string> Errors, IReadOnlyList<Drawing> Drawings,
    IReadOnlyList<string> UndrawnCharts, string Screenshot)
{
    /// <summary>One line per problem, empty when the page is offline-clean and every drawing drew.</summary>
    public IEnumerable<string> Problems =>
        Blocked.Select(b => $"network request: {b}")
            .Concat(Errors.Select(e => $"console error: {e}"))
            .Concat(Drawings.Where(d => !d.Drew).Select(d => $"did not draw: {d}"))
            .Concat(UndrawnCharts.Select(c => $"chart container never drawn: {c}"));
}
