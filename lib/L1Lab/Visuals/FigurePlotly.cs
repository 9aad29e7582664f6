using System.Text.Encodings.Web;
using System.Text.Json;

namespace L1Lab.Visuals;

/// <summary>A <see cref="Figure"/> as Plotly's figure JSON. Each trace holds its series' data exactly as given (NaN as null).</summary>
internal static class FigurePlotly
{
    /// <summary>The JSON; <paramref name="htmlSafe"/> escapes &lt;, &gt;, &amp; and non-ASCII so it can sit inside a script element.</summary>
    public static string Json(Figure figure, bool htmlSafe)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Encoder = htmlSafe ? JavaScriptEncoder.Default : JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            w.WriteStartObject();
            w.WriteStartArray("data");
            for (int i = 0; i < figure.Series.Count; i++) Trace(w, figure.Series[i], Palette.Of(figure.Series[i], i));
            w.WriteEndArray();
            Layout(w, figure);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    static void Trace(Utf8JsonWriter w, Series series, string color)
    {
        w.WriteStartObject();
        w.WriteString("type", series.Kind);
        w.WriteString("name", series.Name);
        switch (series)
        {
            case LineSeries line:
                w.WriteString("mode", "lines" + (line.Markers ? "+markers" : "") + (line.Labels is null ? "" : "+text"));
                Numbers(w, "x", line.X);
                Numbers(w, "y", line.Y);
                w.WriteStartObject("line");
                w.WriteString("color", color);
                w.WriteNumber("width", line.Width);
                w.WriteString("dash", line.Dash switch { LineDash.Dot => "dot", LineDash.Dash => "dash", _ => "solid" });
                w.WriteEndObject();
                Marker(w, color, 6);
                Labels(w, line.Labels);
                if (line.ErrorY is { } errors)
                {
                    w.WriteStartObject("error_y");
                    w.WriteString("type", "data");
                    Numbers(w, "array", errors);
                    w.WriteBoolean("visible", true);
                    w.WriteString("color", color);
                    w.WriteEndObject();
                }
                break;
            case ScatterSeries scatter:
                w.WriteString("mode", "markers" + (scatter.Labels is null ? "" : "+text"));
                Numbers(w, "x", scatter.X);
                Numbers(w, "y", scatter.Y);
                Marker(w, color, 7);
                Labels(w, scatter.Labels);
                break;
            case BarSeries bar:
                w.WriteStartArray("x");
                foreach (var c in bar.Categories) w.WriteStringValue(c);
                w.WriteEndArray();
                Numbers(w, "y", bar.Values);
                Marker(w, color, null);
                break;
            case HistogramSeries histogram:
                Numbers(w, "x", histogram.Centers);
                Numbers(w, "y", histogram.Counts);
                w.WriteNumber("width", histogram.BinWidth);
                w.WriteNumber("opacity", histogram.Opacity);
                Marker(w, color, null);
                break;
            case HeatmapSeries heatmap:
                w.WriteStartArray("z");
                foreach (var row in heatmap.Z)
                {
                    w.WriteStartArray();
                    foreach (var v in row) Number(w, v);
                    w.WriteEndArray();
                }
                w.WriteEndArray();
                var (lo, hi) = heatmap.Range();
                w.WriteNumber("zmin", lo);
                w.WriteNumber("zmax", hi);
                w.WriteBoolean("showscale", heatmap.ShowScale);
                w.WriteStartArray("colorscale");
                foreach (var (at, r, g, b) in Palette.Stops(heatmap.Scale))
                {
                    w.WriteStartArray();
                    w.WriteNumberValue(at);
                    w.WriteStringValue(Palette.Hex(r, g, b));
                    w.WriteEndArray();
                }
                w.WriteEndArray();
                break;
        }
        w.WriteEndObject();
    }

    static void Layout(Utf8JsonWriter w, Figure figure)
    {
        bool heatmap = figure.Series[0] is HeatmapSeries;
        w.WriteStartObject("layout");
        w.WriteStartObject("title");
        w.WriteString("text", figure.Title);
        w.WriteEndObject();
        w.WriteNumber("width", figure.Width);
        w.WriteNumber("height", figure.Height);
        w.WriteBoolean("showlegend", figure.Series.Count > 1);
        if (figure.Series.Any(s => s is BarSeries)) w.WriteString("barmode", "group");
        if (figure.Series.Any(s => s is HistogramSeries))
        {
            w.WriteString("barmode", "overlay");
            w.WriteNumber("bargap", 0);
        }
        if (heatmap)
        {
            w.WriteStartObject("margin");
            w.WriteNumber("l", 20);
            w.WriteNumber("r", 20);
            w.WriteNumber("t", 50);
            w.WriteNumber("b", 20);
            w.WriteEndObject();
        }
        Axis(w, "xaxis", figure.XAxis, figure.Series.Any(s => s is BarSeries) ? "category" : null, heatmap, reversed: false, wholeNumbers: figure.WholeNumberX);
        Axis(w, "yaxis", figure.YAxis, null, heatmap, reversed: heatmap, wholeNumbers: false);
        w.WriteEndObject();
    }

    static void Axis(Utf8JsonWriter w, string name, Axis axis, string? type, bool heatmap, bool reversed, bool wholeNumbers)
    {
        w.WriteStartObject(name);
        w.WriteStartObject("title");
        w.WriteString("text", axis.Title);
        w.WriteEndObject();
        w.WriteString("type", type ?? (axis.Scale == AxisScale.Log ? "log" : "linear"));
        if (axis.Min is { } min && axis.Max is { } max)
        {
            w.WriteStartArray("range");
            w.WriteNumberValue(axis.Scale == AxisScale.Log ? Math.Log10(min) : min);
            w.WriteNumberValue(axis.Scale == AxisScale.Log ? Math.Log10(max) : max);
            w.WriteEndArray();
        }
        if (wholeNumbers) w.WriteNumber("dtick", 1);
        if (heatmap)
        {
            w.WriteBoolean("visible", false);
            if (reversed)
            {
                w.WriteString("autorange", "reversed");
                w.WriteString("scaleanchor", "x");
            }
        }
        w.WriteEndObject();
    }

    static void Marker(Utf8JsonWriter w, string color, double? size)
    {
        w.WriteStartObject("marker");
        w.WriteString("color", color);
        if (size is { } s) w.WriteNumber("size", s);
        w.WriteEndObject();
    }

    static void Labels(Utf8JsonWriter w, IReadOnlyList<string>? labels)
    {
        if (labels is null) return;
        w.WriteStartArray("text");
        foreach (var l in labels) w.WriteStringValue(l);
        w.WriteEndArray();
        w.WriteString("textposition", "top center");
    }

    static void Numbers(Utf8JsonWriter w, string name, IEnumerable<double> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) Number(w, v);
        w.WriteEndArray();
    }

    static void Number(Utf8JsonWriter w, double v)
    {
        if (double.IsFinite(v)) w.WriteNumberValue(v);
        else w.WriteNullValue();
    }
}
