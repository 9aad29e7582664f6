using System.Globalization;
using System.Net;

namespace L1Lab.Visuals;

/// <summary>
/// One line of progress, as a notebook shows it while a long cell runs: a bar and a sentence, e.g.
/// "epoch 3/10 · loss 0.2314 · train accuracy 93.10 % · 12 s left".
/// </summary>
/// <param name="Fraction">How much is done, from 0 to 1.</param>
/// <param name="Text">What is happening, in words.</param>
[TypeFormatterSource(typeof(VisualFormatterSource), PreferredMimeTypes = new[] { FigureMime.Html })]
public sealed record ProgressLine(double Fraction, string Text)
{
    /// <summary>An HTML progress bar followed by the text (the bar is labelled by the text for screen readers).</summary>
    public string ToHtml() => string.Create(CultureInfo.InvariantCulture,
        $"<div class=\"l1lab-progress\" style=\"font-family:monospace\"><progress value=\"{Math.Clamp(Fraction, 0, 1):0.###}\" max=\"1\" aria-label=\"{WebUtility.HtmlEncode(Text)}\" style=\"width:12em;vertical-align:middle\"></progress> <span>{WebUtility.HtmlEncode(Text)}</span></div>");

    /// <summary>A text bar of 20 cells and the text: <c>[######..............] 30 % epoch 3/10 …</c>.</summary>
    public override string ToString()
    {
        var filled = (int)Math.Round(20 * Math.Clamp(Fraction, 0, 1));
        return string.Create(CultureInfo.InvariantCulture, $"[{new string('#', filled)}{new string('.', 20 - filled)}] {100 * Math.Clamp(Fraction, 0, 1),3:0} % {Text}");
    }
}
