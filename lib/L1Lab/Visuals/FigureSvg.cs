using System.Globalization;
using System.Text;

namespace L1Lab.Visuals;

/// <summary>
/// Draws a <see cref="Figure"/> as a standalone SVG document with no external references: title (also as the
/// document's &lt;title&gt; and aria-label), axes with ticks and titles, the series, and a legend below the chart
/// when there is more than one series. Numbers are written with the invariant culture, so the bytes are deterministic.
/// </summary>
internal static class FigureSvg
{
    const double Left = 72, Right = 24, Top = 44, Bottom = 56, LegendRow = 18;
    const string Font = "font-family=\"Helvetica, Arial, sans-serif\"";

    public static string Render(Figure figure)
    {
        int width = Math.Max(figure.Width, 160), height = Math.Max(figure.Height, 120);
        var legend = figure.Series.Count > 1 ? LegendLayout(figure, width) : [];
        double legendHeight = legend.Count == 0 ? 0 : 8 + LegendRow * (legend.Max(e => e.Row) + 1);
        double totalHeight = height + legendHeight;
        var id = "c" + Figure.Hash(figure.ToPlotlyJson());

        var svg = new StringBuilder();
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(totalHeight))
            .Append("\" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(totalHeight))
            .Append("\" role=\"img\" aria-label=\"").Append(Figure.Escape(figure.Title)).Append("\">\n")
            .Append("<title>").Append(Figure.Escape(figure.Title)).Append("</title>\n")
            .Append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n")
            .Append("<text x=\"").Append(N(width / 2.0)).Append("\" y=\"26\" text-anchor=\"middle\" font-size=\"16\" ").Append(Font).Append(" fill=\"#222222\">")
            .Append(Figure.Escape(figure.Title)).Append("</text>\n");

        double x0 = Left, x1 = width - Right, y0 = Top, y1 = height - Bottom;
        if (figure.Series[0] is HeatmapSeries heatmap) Heatmap(svg, heatmap, width, height);
        else
        {
            svg.Append("<clipPath id=\"").Append(id).Append("\"><rect x=\"").Append(N(x0)).Append("\" y=\"").Append(N(y0))
                .Append("\" width=\"").Append(N(x1 - x0)).Append("\" height=\"").Append(N(y1 - y0)).Append("\"/></clipPath>\n");
            if (figure.Series.All(s => s is BarSeries)) Bars(svg, figure, id, x0, x1, y0, y1);
            else Numeric(svg, figure, id, x0, x1, y0, y1);
            Frame(svg, figure, x0, x1, y0, y1);
        }
        foreach (var (index, row, x) in legend) LegendEntry(svg, figure.Series[index], Palette.Of(figure.Series[index], index), x, height + 4 + LegendRow * row);
        return svg.Append("</svg>").ToString();
    }

    static void Numeric(StringBuilder svg, Figure figure, string clip, double x0, double x1, double y0, double y1)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        bool bars = false;
        foreach (var s in figure.Series)
            switch (s)
            {
                case LineSeries l:
                    xs.AddRange(l.X);
                    ys.AddRange(l.Y);
                    if (l.ErrorY is { } e) ys.AddRange(l.Y.Zip(e, (y, d) => y + d).Concat(l.Y.Zip(e, (y, d) => y - d)));
                    break;
                case ScatterSeries p:
                    xs.AddRange(p.X);
                    ys.AddRange(p.Y);
                    break;
                case HistogramSeries h:
                    xs.Add(h.Start);
                    xs.Add(h.Start + h.BinWidth * h.Counts.Count);
                    ys.AddRange(h.Counts);
                    bars = true;
                    break;
            }
        var mx = AxisMap.For(figure.XAxis, xs, x0, x1, pad: !bars, zeroBased: false, wholeNumbers: figure.WholeNumberX);
        var my = AxisMap.For(figure.YAxis, ys, y1, y0, pad: true, zeroBased: bars);
        Grid(svg, mx, my, x0, x1, y0, y1);

        svg.Append("<g clip-path=\"url(#").Append(clip).Append(")\">\n");
        for (int i = 0; i < figure.Series.Count; i++)
        {
            string color = Palette.Of(figure.Series[i], i);
            switch (figure.Series[i])
            {
                case HistogramSeries h:
                    double baseline = my.Scale == AxisScale.Log ? y1 : my.Map(0);
                    for (int b = 0; b < h.Counts.Count; b++)
                    {
                        double top = my.Map(h.Counts[b]);
                        if (double.IsNaN(top) || h.Counts[b] == 0) continue;
                        double left = mx.Map(h.Start + b * h.BinWidth), right = mx.Map(h.Start + (b + 1) * h.BinWidth);
                        Rect(svg, left, Math.Min(top, baseline), right - left, Math.Abs(baseline - top), color, h.Opacity);
                    }
                    break;
                case LineSeries l:
                    Polyline(svg, l.X.Select(mx.Map).ToArray(), l.Y.Select(my.Map).ToArray(), color, l.Width, l.Dash);
                    if (l.ErrorY is { } errors)
                        for (int k = 0; k < l.X.Count; k++)
                        {
                            double px = mx.Map(l.X[k]), lo = my.Map(l.Y[k] - errors[k]), hi = my.Map(l.Y[k] + errors[k]);
                            if (double.IsNaN(px) || double.IsNaN(lo) || double.IsNaN(hi)) continue;
                            svg.Append("<path d=\"M").Append(N(px)).Append(' ').Append(N(lo)).Append("V").Append(N(hi))
                                .Append("M").Append(N(px - 4)).Append(' ').Append(N(lo)).Append("h8M").Append(N(px - 4)).Append(' ').Append(N(hi))
                                .Append("h8\" stroke=\"").Append(color).Append("\" stroke-width=\"1.5\" fill=\"none\"/>\n");
                        }
                    if (l.Markers) Dots(svg, l.X, l.Y, mx, my, color, 3);
                    if (l.Labels is { } lineLabels) Labels(svg, l.X, l.Y, lineLabels, mx, my);
                    break;
                case ScatterSeries p:
                    Dots(svg, p.X, p.Y, mx, my, color, 3.5);
                    if (p.Labels is { } labels) Labels(svg, p.X, p.Y, labels, mx, my);
                    break;
            }
        }
        svg.Append("</g>\n");
    }

    static void Bars(StringBuilder svg, Figure figure, string clip, double x0, double x1, double y0, double y1)
    {
        var bars = figure.Series.Cast<BarSeries>().ToList();
        var categories = bars.SelectMany(b => b.Categories).Distinct().ToList();
        var my = AxisMap.For(figure.YAxis, bars.SelectMany(b => b.Values), y1, y0, pad: true, zeroBased: true);
        Grid(svg, null, my, x0, x1, y0, y1);
        double slot = (x1 - x0) / Math.Max(1, categories.Count), barWidth = slot * 0.8 / bars.Count;
        double baseline = my.Scale == AxisScale.Log ? y1 : my.Map(0);
        svg.Append("<g clip-path=\"url(#").Append(clip).Append(")\">\n");
        for (int i = 0; i < bars.Count; i++)
            for (int k = 0; k < bars[i].Categories.Count; k++)
            {
                double top = my.Map(bars[i].Values[k]);
                if (double.IsNaN(top)) continue;
                double left = x0 + slot * categories.IndexOf(bars[i].Categories[k]) + slot * 0.1 + barWidth * i;
                Rect(svg, left, Math.Min(top, baseline), barWidth, Math.Abs(baseline - top), Palette.Of(bars[i], i), 1);
            }
        svg.Append("</g>\n");
        for (int c = 0; c < categories.Count; c++)
            Text(svg, x0 + slot * (c + 0.5), y1 + 16, categories[c], 11, "middle");
    }

    static void Heatmap(StringBuilder svg, HeatmapSeries heatmap, int width, int height)
    {
        int rows = heatmap.Z.Count, cols = heatmap.Columns;
        double scaleWidth = heatmap.ShowScale ? 70 : 0;
        double areaW = width - 20 - scaleWidth, areaH = height - Top - 12;
        double cell = Math.Min(areaW / cols, areaH / rows);
        double w = cell * cols, h = cell * rows, left = 10 + (areaW - w) / 2, top = Top;
        var (lo, hi) = heatmap.Range();
        var pixels = new byte[rows * cols * 3];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
            {
                var (R, G, B) = Palette.At(heatmap.Scale, hi > lo ? (heatmap.Z[r][c] - lo) / (hi - lo) : 0);
                int o = (r * cols + c) * 3;
                (pixels[o], pixels[o + 1], pixels[o + 2]) = (R, G, B);
            }
        var png = PngEncoder.Encode(pixels, cols, rows, channels: 3);
        svg.Append("<image x=\"").Append(N(left)).Append("\" y=\"").Append(N(top)).Append("\" width=\"").Append(N(w)).Append("\" height=\"").Append(N(h))
            .Append("\" preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\" href=\"data:image/png;base64,")
            .Append(Convert.ToBase64String(png.Bytes)).Append("\"/>\n")
            .Append("<rect x=\"").Append(N(left)).Append("\" y=\"").Append(N(top)).Append("\" width=\"").Append(N(w)).Append("\" height=\"").Append(N(h))
            .Append("\" fill=\"none\" stroke=\"#999999\"/>\n");
        if (!heatmap.ShowScale) return;
        double bx = left + w + 16, by = top, bh = h, bw = 14;
        const int Steps = 32;
        for (int s = 0; s < Steps; s++)
        {
            var color = Palette.Hex(Palette.At(heatmap.Scale, 1 - (s + 0.5) / Steps));
            Rect(svg, bx, by + bh * s / Steps, bw, bh / Steps + 0.5, color, 1);
        }
        Text(svg, bx + bw + 4, by + 10, Format(hi), 11, "start");
        Text(svg, bx + bw + 4, by + bh, Format(lo), 11, "start");
    }

    static void Grid(StringBuilder svg, AxisMap? mx, AxisMap my, double x0, double x1, double y0, double y1)
    {
        foreach (var (v, label) in my.Ticks())
        {
            double y = my.Map(v);
            if (double.IsNaN(y) || y < y0 - 0.5 || y > y1 + 0.5) continue;
            svg.Append("<path d=\"M").Append(N(x0)).Append(' ').Append(N(y)).Append("H").Append(N(x1)).Append("\" stroke=\"#e5e5e5\"/>\n");
            Text(svg, x0 - 6, y + 4, label, 11, "end");
        }
        if (mx is null) return;
        foreach (var (v, label) in mx.Ticks())
        {
            double x = mx.Map(v);
            if (double.IsNaN(x) || x < x0 - 0.5 || x > x1 + 0.5) continue;
            svg.Append("<path d=\"M").Append(N(x)).Append(' ').Append(N(y0)).Append("V").Append(N(y1)).Append("\" stroke=\"#e5e5e5\"/>\n");
            Text(svg, x, y1 + 16, label, 11, "middle");
        }
    }

    static void Frame(StringBuilder svg, Figure figure, double x0, double x1, double y0, double y1)
    {
        svg.Append("<rect x=\"").Append(N(x0)).Append("\" y=\"").Append(N(y0)).Append("\" width=\"").Append(N(x1 - x0)).Append("\" height=\"")
            .Append(N(y1 - y0)).Append("\" fill=\"none\" stroke=\"#888888\"/>\n");
        if (figure.XAxis.Title.Length > 0) Text(svg, (x0 + x1) / 2, y1 + 40, figure.XAxis.Title, 13, "middle");
        if (figure.YAxis.Title.Length > 0)
            svg.Append("<text transform=\"translate(16 ").Append(N((y0 + y1) / 2)).Append(") rotate(-90)\" text-anchor=\"middle\" font-size=\"13\" ")
                .Append(Font).Append(" fill=\"#222222\">").Append(Figure.Escape(figure.YAxis.Title)).Append("</text>\n");
    }

    static void Polyline(StringBuilder svg, double[] px, double[] py, string color, double width, LineDash dash)
    {
        var d = new StringBuilder();
        bool pen = false;
        for (int i = 0; i < px.Length; i++)
        {
            if (double.IsNaN(px[i]) || double.IsNaN(py[i])) { pen = false; continue; }
            d.Append(pen ? 'L' : 'M').Append(N(px[i])).Append(' ').Append(N(py[i]));
            pen = true;
        }
        if (d.Length == 0) return;
        svg.Append("<path d=\"").Append(d).Append("\" fill=\"none\" stroke=\"").Append(color).Append("\" stroke-width=\"").Append(N(width))
            .Append("\" stroke-linejoin=\"round\"").Append(DashArray(dash)).Append("/>\n");
    }

    static void Dots(StringBuilder svg, IReadOnlyList<double> x, IReadOnlyList<double> y, AxisMap mx, AxisMap my, string color, double r)
    {
        for (int i = 0; i < x.Count; i++)
        {
            double px = mx.Map(x[i]), py = my.Map(y[i]);
            if (double.IsNaN(px) || double.IsNaN(py)) continue;
            svg.Append("<circle cx=\"").Append(N(px)).Append("\" cy=\"").Append(N(py)).Append("\" r=\"").Append(N(r)).Append("\" fill=\"").Append(color).Append("\"/>\n");
        }
    }

    static void Labels(StringBuilder svg, IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<string> labels, AxisMap mx, AxisMap my)
    {
        for (int i = 0; i < x.Count; i++)
        {
            double px = mx.Map(x[i]), py = my.Map(y[i]);
            if (!double.IsNaN(px) && !double.IsNaN(py)) Text(svg, px, py - 8, labels[i], 10, "middle");
        }
    }

    static List<(int Index, int Row, double X)> LegendLayout(Figure figure, int width)
    {
        var entries = new List<(int, int, double)>();
        double x = Left, limit = width - Right;
        int row = 0;
        for (int i = 0; i < figure.Series.Count; i++)
        {
            double w = 34 + 6.6 * figure.Series[i].Name.Length + 16;
            if (x + w > limit && x > Left) { row++; x = Left; }
            entries.Add((i, row, x));
            x += w;
        }
        return entries;
    }

    static void LegendEntry(StringBuilder svg, Series series, string color, double x, double y)
    {
        double mid = y + 9;
        if (series is LineSeries line)
            svg.Append("<path d=\"M").Append(N(x)).Append(' ').Append(N(mid)).Append("h26\" stroke=\"").Append(color).Append("\" stroke-width=\"")
                .Append(N(Math.Min(line.Width, 4))).Append('"').Append(DashArray(line.Dash)).Append("/>\n");
        else if (series is ScatterSeries)
            svg.Append("<circle cx=\"").Append(N(x + 13)).Append("\" cy=\"").Append(N(mid)).Append("\" r=\"3.5\" fill=\"").Append(color).Append("\"/>\n");
        else Rect(svg, x + 6, mid - 6, 14, 12, color, series is HistogramSeries h ? h.Opacity : 1);
        Text(svg, x + 32, mid + 4, series.Name, 12, "start");
    }

    static void Rect(StringBuilder svg, double x, double y, double w, double h, string color, double opacity)
    {
        svg.Append("<rect x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(Math.Max(w, 0))).Append("\" height=\"")
            .Append(N(Math.Max(h, 0))).Append("\" fill=\"").Append(color).Append('"');
        if (opacity < 1) svg.Append(" fill-opacity=\"").Append(N(opacity)).Append('"');
        svg.Append("/>\n");
    }

    static void Text(StringBuilder svg, double x, double y, string text, int size, string anchor) =>
        svg.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" text-anchor=\"").Append(anchor).Append("\" font-size=\"")
            .Append(size.ToString(CultureInfo.InvariantCulture)).Append("\" ").Append(Font).Append(" fill=\"#222222\">").Append(Figure.Escape(text)).Append("</text>\n");

    static string DashArray(LineDash dash) => dash switch
    {
        LineDash.Dot => " stroke-dasharray=\"2 3\"",
        LineDash.Dash => " stroke-dasharray=\"7 4\"",
        _ => "",
    };

    static string Format(double v) => v.ToString("G3", CultureInfo.InvariantCulture);

    static string N(double v) => Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
