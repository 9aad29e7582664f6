using System.Text.RegularExpressions;

namespace L1Lab.Interactive.Tests;

/// <summary>
/// Tells a displayed figure or image that front ends can draw (an SVG, an <c>&lt;img&gt;</c>, a PNG or a Plotly
/// payload) from what .NET Interactive shows for a value it has no formatter for: its object table (a
/// <c>dni-treeview</c> listing properties such as <c>PlotlySrc</c> or <c>Height</c>) or a dump of its bytes.
/// </summary>
static partial class PictureCheck
{
    /// <summary>The MIME types of a figure front ends draw natively.</summary>
    static readonly string[] PictureMimeTypes = ["image/svg+xml", "image/png", "application/vnd.plotly.v1+json"];

    /// <summary>Words that mark a value as a figure or an image when it shows up as an object table or as text.</summary>
    static readonly string[] FigureWords = ["PlotlySrc", "XPlot", "Plotly", "L1Lab.Visuals", "Figure", "PngImage", "Png", "Svg"];

    /// <summary>True when the bundle carries a picture.</summary>
    public static bool IsPicture(IReadOnlyList<FormattedValue> bundle) =>
        bundle.Any(v => PictureMimeTypes.Contains(v.MimeType)
            || v.MimeType == "text/html" && (v.Value.Contains("<svg", StringComparison.Ordinal) || v.Value.Contains("<img", StringComparison.Ordinal)));

    /// <summary>True when .NET Interactive rendered the value as its generic object table.</summary>
    public static bool IsObjectTable(IReadOnlyList<FormattedValue> bundle) =>
        bundle.Any(v => v.MimeType == "text/html" && v.Value.Contains("dni-treeview", StringComparison.Ordinal) && v.Value.Contains("<table>", StringComparison.Ordinal));

    /// <summary>
    /// Why the bundle looks like a figure or image that did not come back as a picture (an object table of a
    /// figure type, or an image's bytes written out as numbers); null when it does not.
    /// </summary>
    public static string? NotAPicture(IReadOnlyList<FormattedValue> bundle)
    {
        if (IsPicture(bundle)) return null;
        var html = bundle.FirstOrDefault(v => v.MimeType == "text/html")?.Value ?? "";
        var text = string.Concat(bundle.Select(v => v.Value));
        if (IsObjectTable(bundle) && FigureWords.FirstOrDefault(w => html.Contains(w, StringComparison.Ordinal)) is { } word)
            return $"an object table mentioning {word} (rows: {string.Join(", ", RowNames(html).Take(8))})";
        if (PngSignatureAsNumbers().IsMatch(text) || PngSignatureAsHex().IsMatch(text))
            return $"an image's bytes written out ({text.Length} characters)";
        return null;
    }

    /// <summary>True when the bundle is a figure: a picture, or a figure that failed to become one.</summary>
    public static bool IsFigure(IReadOnlyList<FormattedValue> bundle) => IsPicture(bundle) || NotAPicture(bundle) is not null;

    /// <summary>The property names of an object table (its rows' first cells).</summary>
    public static IEnumerable<string> RowNames(string html) => RowName().Matches(html).Select(m => m.Groups[1].Value).Distinct();

    /// <summary>A one-line description of a bundle for the test log: MIME types with their sizes.</summary>
    public static string Describe(IReadOnlyList<FormattedValue> bundle) =>
        string.Join(", ", bundle.Select(v => $"{v.MimeType} ({v.Value.Length:N0} chars)"));

    [GeneratedRegex(@"<tr><td>([A-Za-z_][A-Za-z0-9_]*)</td>")]
    private static partial Regex RowName();

    // A PNG's first bytes (137 80 78 71 13 10 26 10) as .NET Interactive writes a byte array: "[ 137, 80, 78, 71, …".
    [GeneratedRegex(@"137,\s*80,\s*78,\s*71,\s*13,\s*10,\s*26,\s*10")]
    private static partial Regex PngSignatureAsNumbers();

    [GeneratedRegex(@"(?i)89\s*-?\s*50\s*-?\s*4e\s*-?\s*47\s*-?\s*0d\s*-?\s*0a\s*-?\s*1a\s*-?\s*0a")]
    private static partial Regex PngSignatureAsHex();
}
