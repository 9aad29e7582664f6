using System.Globalization;
using L1Lab.IO;

namespace L1Lab.Visuals;

/// <summary>
/// An encoded PNG file in memory, as made by <see cref="Images"/>. Ending a notebook cell with one shows the picture:
/// as image/png, and as HTML (an &lt;img&gt; with a data URI, <see cref="Title"/> as its alt text) through
/// <see cref="VisualFormatterSource"/>, in L1Lab's engine and kernel and in .NET Interactive alike.
/// </summary>
/// <param name="Bytes">The complete PNG file: signature, IHDR, IDAT and IEND chunks.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
[TypeFormatterSource(typeof(VisualFormatterSource), PreferredMimeTypes = new[] { FigureMime.Html, FigureMime.Png })]
public sealed record PngImage(byte[] Bytes, int Width, int Height)
{
    /// <summary>What the picture shows (alt text and caption); a generic description when null.</summary>
    public string? Title { get; init; }

    /// <summary>This image with <paramref name="title"/> as its alt text and caption.</summary>
    public PngImage WithTitle(string title) => this with { Title = title };

    /// <summary>Writes the PNG file to <paramref name="path"/> atomically (readers never see a half-written file).</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.Write(path, s => s.Write(Bytes));
    }

    /// <summary>An HTML &lt;figure&gt;: the picture as a data URI (nothing loaded from elsewhere), with its title as alt text and caption.</summary>
    public string ToHtml()
    {
        var alt = Figure.Escape(Title ?? ToString());
        var html = $"<figure class=\"l1lab-image\" style=\"margin:0\"><img src=\"data:image/png;base64,{Convert.ToBase64String(Bytes)}\" " +
            $"width=\"{Width.ToString(CultureInfo.InvariantCulture)}\" height=\"{Height.ToString(CultureInfo.InvariantCulture)}\" alt=\"{alt}\" " +
            "style=\"image-rendering:pixelated\">";
        return Title is null ? html + "</figure>" : html + $"<figcaption>{alt}</figcaption></figure>";
    }

    /// <summary>The title (if any), size and byte count.</summary>
    public override string ToString() =>
        $"{(Title is null ? "PNG image" : Title)} ({Width}×{Height} pixels, {Bytes.Length} bytes PNG)";
}
