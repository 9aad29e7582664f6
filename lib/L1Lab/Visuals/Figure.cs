using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace L1Lab.Visuals;

/// <summary>
/// A chart: a title, two axes and one or more series (lines, points, bars, histograms or a heatmap). The one figure
/// type of the course: notebooks, report.html and sweep.html draw only through it, so the drawing underneath can change
/// without touching them. Ending a notebook cell with a figure shows it as a static SVG picture (GitHub, exports, screen
/// readers: the title is its accessible name), as Plotly JSON (VS Code, JupyterLab) and as HTML with an offline
/// interactive chart (<see cref="VisualFormatterSource"/>).
/// </summary>
/// <example><code>
/// new Figure("Loss vs p", Axis.Linear("p"), Axis.Linear("loss"),
///     new LineSeries("cross-entropy", ps, ce), new LineSeries("squared error", ps, se))
/// </code></example>
[TypeFormatterSource(typeof(VisualFormatterSource), PreferredMimeTypes = new[] { FigureMime.Html, FigureMime.Svg, FigureMime.PlotlyJson })]
public sealed record Figure
{
    /// <summary>A figure of <paramref name="series"/> on the given axes.</summary>
    /// <exception cref="ArgumentException">No series, a series whose lengths disagree, bars mixed with numeric series, or a heatmap mixed with anything.</exception>
    public Figure(string title, Axis xAxis, Axis yAxis, params IEnumerable<Series> series)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(xAxis);
        ArgumentNullException.ThrowIfNull(yAxis);
        ArgumentNullException.ThrowIfNull(series);
        Title = title;
        XAxis = xAxis;
        YAxis = yAxis;
        Series = series.ToArray();
        if (Series.Count == 0) throw new ArgumentException($"Figure \"{title}\" has no series.", nameof(series));
        foreach (var s in Series)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(series));
            s.Validate();
        }
        if (Series.Any(s => s is BarSeries) && Series.Any(s => s is not BarSeries))
            throw new ArgumentException($"Figure \"{title}\": bars over categories cannot share axes with numeric series.", nameof(series));
        if (Series.Any(s => s is HeatmapSeries) && Series.Count > 1)
            throw new ArgumentException($"Figure \"{title}\": a heatmap is drawn alone.", nameof(series));
    }

    /// <summary>A heatmap with no axis titles (an image: digits, weight maps).</summary>
    public static Figure Heatmap(string title, HeatmapSeries heatmap, int size = 320) =>
        new(title, Axis.Linear(""), Axis.Linear(""), heatmap) { Width = size + (heatmap.ShowScale ? 70 : 0), Height = size + 40 };

    /// <summary>The title, drawn above the chart and used as the picture's accessible name.</summary>
    public string Title { get; }

    /// <summary>The horizontal axis (ignored for bars, whose axis is their categories).</summary>
    public Axis XAxis { get; }

    /// <summary>The vertical axis.</summary>
    public Axis YAxis { get; }

    /// <summary>The series, drawn in order; a legend lists them when there is more than one.</summary>
    public IReadOnlyList<Series> Series { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; init; } = 640;

    /// <summary>Height in pixels of the chart (a legend below it adds to the picture's height).</summary>
    public int Height { get; init; } = 400;

    /// <summary>The static picture: a standalone SVG document, identical bytes for identical figures.</summary>
    public string ToSvg() => FigureSvg.Render(this);

    /// <summary>Plotly's figure JSON, <c>{"data": [...], "layout": {...}}</c>; each trace holds the series' data as given.</summary>
    public string ToPlotlyJson() => FigurePlotly.Json(this, htmlSafe: false);

    /// <summary>
    /// HTML showing the static SVG, replaced by an interactive plotly.js chart once <c>window.Plotly</c> exists. With
    /// <paramref name="includePlotlyScript"/> the fragment defines it (<see cref="PlotlyScript"/>, a few MB); a page or
    /// notebook includes it once. Without scripts the SVG stays. <paramref name="number"/> keeps element ids unique on a page.
    /// </summary>
    public string ToHtml(bool includePlotlyScript = true, int number = 1)
    {
        var json = FigurePlotly.Json(this, htmlSafe: true);
        return InteractiveHtml("l1lab-figure", number, json, ToSvg(), includePlotlyScript, "figure.data, figure.layout, { displaylogo: false }");
    }

    /// <summary>
    /// The HTML every figure kind shares: the static SVG, shown until plotly.js (when the page has it) has drawn the
    /// interactive chart from <paramref name="json"/> with <c>Plotly.newPlot(target, <paramref name="plotArguments"/>)</c>.
    /// </summary>
    internal static string InteractiveHtml(string kind, int number, string json, string svg, bool includePlotlyScript, string plotArguments)
    {
        var id = $"{kind}-{number.ToString(CultureInfo.InvariantCulture)}-{Hash(json)}";
        var html = new StringBuilder();
        if (includePlotlyScript) html.Append(PlotlyScript.ScriptTag).Append('\n');
        html.Append("<div class=\"l1lab-figure\" id=\"").Append(id).Append("\">\n<div class=\"l1lab-static\">")
            .Append(svg).Append("</div>\n<div class=\"l1lab-interactive\" style=\"display:none\"></div>\n")
            .Append("<script type=\"text/javascript\">(function () {\n")
            .Append("  var root = document.getElementById(\"").Append(id).Append("\");\n")
            .Append("  if (!root || !window.Plotly) return;\n")
            .Append("  var figure = ").Append(json).Append(";\n")
            .Append("  var target = root.querySelector(\".l1lab-interactive\");\n")
            .Append("  target.style.display = \"block\";\n")
            .Append("  window.Plotly.newPlot(target, ").Append(plotArguments).Append(").then(function () {\n")
            .Append("    root.querySelector(\".l1lab-static\").style.display = \"none\";\n")
            .Append("  }, function () { target.style.display = \"none\"; });\n")
            .Append("})();</script>\n</div>");
        return html.ToString();
    }

    /// <summary>The title and what the figure holds.</summary>
    public override string ToString() =>
        $"Figure \"{Title}\": {string.Join(", ", Series.Select(s => $"{s.GetType().Name} \"{s.Name}\""))}";

    /// <summary>
    /// Whether the horizontal axis counts whole things (epochs, steps) over a short span: every x of every line or point
    /// series is an integer and they span at most 20, so ticks fall on whole numbers only.
    /// </summary>
    internal bool WholeNumberX
    {
        get
        {
            var xs = Series.SelectMany(s => s switch { LineSeries l => l.X, ScatterSeries p => p.X, _ => [double.NaN] }).ToList();
            return XAxis.Scale == AxisScale.Linear && xs.Count > 0 && xs.All(x => double.IsFinite(x) && x == Math.Round(x)) && xs.Max() - xs.Min() <= 20;
        }
    }

    internal static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10];

    internal static string Escape(string text) => WebUtility.HtmlEncode(text);
}
