namespace L1Lab.Visuals;

/// <summary>
/// The formatters of <see cref="Figure"/> and <see cref="PngImage"/>, found through
/// <see cref="TypeFormatterSourceAttribute"/>. A figure gives <c>image/svg+xml</c> (static picture),
/// <c>application/vnd.plotly.v1+json</c> (for front ends that draw Plotly natively), <c>text/html</c> (the picture plus
/// an offline interactive chart) and <c>text/plain</c>; an image gives <c>image/png</c> (base64), <c>text/html</c>
/// (an <c>&lt;img&gt;</c> with a data URI) and <c>text/plain</c>; a <see cref="FigurePicture"/> only SVG and text; a
/// <see cref="ProgressLine"/> an HTML bar and text; a <see cref="SliderFigure"/> the same four as a figure, with plotly frames
/// and a slider in its JSON and HTML.
/// <para>
/// One source is one notebook session: the first figure's HTML carries plotly.js (<see cref="PlotlyScript"/>) and later
/// ones use the page's <c>window.Plotly</c>. Hosts create one source per session (.NET Interactive: one per process).
/// </para>
/// </summary>
public sealed class VisualFormatterSource
{
    readonly object _gate = new();
    bool _scriptWritten;
    int _figures;

    /// <summary>The formatters, one per (type, MIME type).</summary>
    public IEnumerable<VisualFormatter> CreateTypeFormatters() =>
    [
        new(typeof(Figure), FigureMime.Html, (o, w) => w.Write(FigureHtml((Figure)o))),
        new(typeof(Figure), FigureMime.Svg, (o, w) => w.Write(((Figure)o).ToSvg())),
        new(typeof(Figure), FigureMime.PlotlyJson, (o, w) => w.Write(((Figure)o).ToPlotlyJson())),
        new(typeof(Figure), "text/plain", (o, w) => w.Write(((Figure)o).ToString())),
        new(typeof(PngImage), FigureMime.Html, (o, w) => w.Write(((PngImage)o).ToHtml())),
        new(typeof(PngImage), FigureMime.Png, (o, w) => w.Write(Convert.ToBase64String(((PngImage)o).Bytes))),
        new(typeof(PngImage), "text/plain", (o, w) => w.Write(((PngImage)o).ToString())),
        new(typeof(SliderFigure), FigureMime.Html, (o, w) => w.Write(SliderHtml((SliderFigure)o))),
        new(typeof(SliderFigure), FigureMime.Svg, (o, w) => w.Write(((SliderFigure)o).ToSvg())),
        new(typeof(SliderFigure), FigureMime.PlotlyJson, (o, w) => w.Write(((SliderFigure)o).ToPlotlyJson())),
        new(typeof(SliderFigure), "text/plain", (o, w) => w.Write(((SliderFigure)o).ToString())),
        new(typeof(FigurePicture), FigureMime.Svg, (o, w) => w.Write(((FigurePicture)o).Figure.ToSvg())),
        new(typeof(FigurePicture), "text/plain", (o, w) => w.Write(((FigurePicture)o).ToString())),
        new(typeof(ProgressLine), FigureMime.Html, (o, w) => w.Write(((ProgressLine)o).ToHtml())),
        new(typeof(ProgressLine), "text/plain", (o, w) => w.Write(((ProgressLine)o).ToString())),
    ];

    string SliderHtml(SliderFigure figure)
    {
        var (withScript, number) = Next();
        return figure.ToHtml(includePlotlyScript: withScript, number: number);
    }

    (bool WithScript, int Number) Next()
    {
        lock (_gate)
        {
            var withScript = !_scriptWritten;
            _scriptWritten = true;
            return (withScript, ++_figures);
        }
    }

    string FigureHtml(Figure figure)
    {
        var (withScript, number) = Next();
        return figure.ToHtml(includePlotlyScript: withScript, number: number);
    }
}
