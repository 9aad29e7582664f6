using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using L1Lab.Diagnostics;
using L1Lab.Visuals;

namespace L1Lab.Tests.Visuals;

public sealed class FigureTests
{
    static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Every kind of figure the course draws, with small known data.</summary>
    public static TheoryData<string> Kinds => new() { "line", "log", "scatter", "bar", "histogram", "heatmap", "roc", "precision-recall", "reliability" };

    static Figure Make(string kind) => kind switch
    {
        "line" => new Figure("Loss", Axis.Linear("p"), Axis.Linear("loss"),
            new LineSeries("a", [0.1, 0.5, 0.9], [2.3, 0.69, 0.105]) { Markers = true, ErrorY = [0.1, 0.1, 0.1] },
            new LineSeries("b", [0.1, 0.5, 0.9], [0.81, 0.25, 0.01]) { Dash = LineDash.Dot }),
        "log" => new Figure("Accuracy vs λ", Axis.Log("λ (log scale)"), Axis.Linear("accuracy"),
            new LineSeries("proximal", [1e-4, 1e-3, 1e-2], [0.94, 0.91, 0.11]) { Labels = ["1e-4", "1e-3", "1e-2"] }),
        "scatter" => new Figure("Points", Axis.Linear("x"), Axis.Linear("y"), new ScatterSeries("minimisers", [-1.0, 0, 1], [-0.5, 0, 0.5])),
        "bar" => new Figure("Accuracy per regularizer", Axis.Linear(""), Axis.Linear("accuracy"),
            new BarSeries("train", ["none", "L1"], [0.98, 0.92]), new BarSeries("test", ["none", "L1"], [0.87, 0.85])),
        "histogram" => new Figure("Weights", Axis.Linear("weight"), Axis.Log("count (log scale)"),
            HistogramSeries.Of("L2", [-0.05, -0.01, 0.0, 0.0, 0.02, 0.07], start: -0.1, binWidth: 0.05, binCount: 4) with { Opacity = 0.6 }),
        "heatmap" => Figure.Heatmap("digit", new HeatmapSeries("ink", [[0.0, 0.5], [1.0, 0.25], [0.0, 0.0]]) { ShowScale = true }),
        "roc" => RocChart.Of("ROC", ("model", new RocCurve([new RocPoint(double.PositiveInfinity, 0, 0), new RocPoint(0.5, 0.2, 0.7), new RocPoint(0, 1, 1)]))),
        "precision-recall" => PrecisionRecallChart.Of("PR", ("model", BinaryMetrics.PrecisionRecall([0.9, 0.8, 0.7, 0.6], [true, false, true, false]))),
        "reliability" => ReliabilityChart.Of("Calibration", ("model", Calibration.Reliability(new BinaryScores([0.1, 0.3, 0.35, 0.8, 0.9], [false, false, true, true, true]), bins: 5))),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_kind_gives_an_svg_that_parses_with_a_size_and_the_title_as_its_name(string kind)
    {
        var figure = Make(kind);

        var svg = XDocument.Parse(figure.ToSvg()).Root!;

        Assert.Equal(Svg + "svg", svg.Name);
        Assert.True(double.Parse((string)svg.Attribute("width")!, CultureInfo.InvariantCulture) > 0);
        Assert.True(double.Parse((string)svg.Attribute("height")!, CultureInfo.InvariantCulture) > 0);
        Assert.Equal(figure.Title, (string)svg.Element(Svg + "title")!);
        Assert.Equal(figure.Title, (string)svg.Attribute("aria-label")!);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_kind_is_deterministic_and_references_nothing_outside_itself(string kind)
    {
        var a = Make(kind);
        var b = Make(kind);

        Assert.Equal(a.ToSvg(), b.ToSvg());
        Assert.Equal(a.ToPlotlyJson(), b.ToPlotlyJson());
        Assert.DoesNotContain("http", a.ToSvg().Replace("xmlns=\"http://www.w3.org/2000/svg\"", ""), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", a.ToPlotlyJson(), StringComparison.OrdinalIgnoreCase);
        var html = a.ToHtml(includePlotlyScript: false).Replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Line_traces_hold_exactly_the_data_passed_in()
    {
        double[] x = [0.1, 1.0 / 3, 0.9], y = [Math.PI, 1e-300, -2.5];
        var figure = new Figure("t", Axis.Linear("x"), Axis.Log("y"), new LineSeries("s", x, y) { ErrorY = [1, 2, 3], Labels = ["p", "q", "r"] });

        var trace = JsonNode.Parse(figure.ToPlotlyJson())!["data"]![0]!;

        Assert.Equal(x, trace["x"]!.AsArray().Select(v => (double)v!));
        Assert.Equal(y, trace["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal([1.0, 2, 3], trace["error_y"]!["array"]!.AsArray().Select(v => (double)v!));
        Assert.Equal(["p", "q", "r"], trace["text"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("log", (string)JsonNode.Parse(figure.ToPlotlyJson())!["layout"]!["yaxis"]!["type"]!);
    }

    [Fact]
    public void Bar_scatter_and_heatmap_traces_hold_exactly_the_data_passed_in()
    {
        var bars = JsonNode.Parse(Make("bar").ToPlotlyJson())!;
        Assert.Equal(["none", "L1"], bars["data"]![1]!["x"]!.AsArray().Select(v => (string)v!));
        Assert.Equal([0.87, 0.85], bars["data"]![1]!["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal("group", (string)bars["layout"]!["barmode"]!);

        var scatter = JsonNode.Parse(Make("scatter").ToPlotlyJson())!["data"]![0]!;
        Assert.Equal("markers", (string)scatter["mode"]!);
        Assert.Equal([-0.5, 0, 0.5], scatter["y"]!.AsArray().Select(v => (double)v!));

        var heatmap = JsonNode.Parse(Make("heatmap").ToPlotlyJson())!["data"]![0]!;
        Assert.Equal([1.0, 0.25], heatmap["z"]![1]!.AsArray().Select(v => (double)v!));
        Assert.Equal(3, heatmap["z"]!.AsArray().Count);
    }

    [Fact]
    public void A_histogram_counts_each_value_in_its_half_open_bin_and_plots_the_counts_at_bin_centres()
    {
        var h = HistogramSeries.Of("w", [-0.06, -0.01, 0.0, 0.01, 0.02, 0.07, 0.2, -0.2], start: -0.1, binWidth: 0.05, binCount: 4);

        Assert.Equal([1.0, 1, 3, 1], h.Counts);
        var trace = JsonNode.Parse(new Figure("h", Axis.Linear("w"), Axis.Linear("n"), h).ToPlotlyJson())!["data"]![0]!;
        Assert.Equal([1.0, 1, 3, 1], trace["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal(h.Centers, trace["x"]!.AsArray().Select(v => (double)v!));
        Assert.Equal(0.05, (double)trace["width"]!);
    }

    [Fact]
    public void A_roc_chart_plots_each_curve_with_its_auc_and_the_chance_line()
    {
        var data = JsonNode.Parse(Make("roc").ToPlotlyJson())!["data"]!.AsArray();

        Assert.Equal("model (AUC 0.750)", (string)data[0]!["name"]!);
        Assert.Equal([0.0, 0.2, 1], data[0]!["x"]!.AsArray().Select(v => (double)v!));
        Assert.Equal([0.0, 0.7, 1], data[0]!["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal("chance", (string)data[1]!["name"]!);
    }

    [Fact]
    public void A_legend_is_drawn_only_when_there_is_more_than_one_series()
    {
        Assert.Contains(">b</text>", Make("line").ToSvg());
        Assert.False((bool)JsonNode.Parse(Make("scatter").ToPlotlyJson())!["layout"]!["showlegend"]!);
        Assert.True((bool)JsonNode.Parse(Make("line").ToPlotlyJson())!["layout"]!["showlegend"]!);
    }

    [Fact]
    public void Epochs_get_whole_number_ticks_only()
    {
        var figure = new Figure("loss", Axis.Linear("epoch"), Axis.Linear("loss"), new LineSeries("run", [1.0, 2.0], [2.2, 1.9]));

        Assert.DoesNotContain(">1.2</text>", figure.ToSvg());
        Assert.Contains(">2</text>", figure.ToSvg());
        Assert.Equal(1, (double)JsonNode.Parse(figure.ToPlotlyJson())!["layout"]!["xaxis"]!["dtick"]!);
    }

    [Fact]
    public void Series_whose_lengths_disagree_are_refused_with_the_series_name()
    {
        var e = Assert.Throws<ArgumentException>(() => new Figure("t", Axis.Linear("x"), Axis.Linear("y"), new LineSeries("bad", [1.0, 2], [1.0])));

        Assert.Contains("\"bad\"", e.Message);
    }

    [Fact]
    public void The_html_shows_the_static_svg_and_carries_plotly_js_only_when_asked()
    {
        var figure = Make("line");

        var first = figure.ToHtml(includePlotlyScript: true, number: 1);
        var later = figure.ToHtml(includePlotlyScript: false, number: 2);

        Assert.Contains(PlotlyScript.Text, first, StringComparison.Ordinal);
        Assert.DoesNotContain(PlotlyScript.Text[..200], later, StringComparison.Ordinal);
        Assert.Contains(figure.ToSvg(), later, StringComparison.Ordinal);
        Assert.Contains("l1lab-figure-2-", later, StringComparison.Ordinal);
    }

    [Fact]
    public void Plotly_js_is_the_embedded_bundle_of_the_named_version_with_its_license()
    {
        Assert.StartsWith("2.", PlotlyScript.Version);
        Assert.True(PlotlyScript.Text.Length > 1_000_000);
        Assert.Contains("Plotly", PlotlyScript.Text, StringComparison.Ordinal);
        Assert.Contains("MIT", PlotlyScript.License, StringComparison.Ordinal);
        Assert.DoesNotContain("</script", PlotlyScript.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_formatter_source_gives_every_representation_of_a_figure_and_an_image()
    {
        var attribute = (TypeFormatterSourceAttribute)Attribute.GetCustomAttribute(typeof(Figure), typeof(TypeFormatterSourceAttribute))!;
        var source = (VisualFormatterSource)Activator.CreateInstance(attribute.FormatterSourceType)!;
        var formatters = source.CreateTypeFormatters().ToList();
        string Format(object value, string mime)
        {
            var writer = new StringWriter();
            Assert.True(formatters.Single(f => f.MimeType == mime && f.Type.IsInstanceOfType(value)).Format(value, writer));
            return writer.ToString();
        }

        var figure = Make("line");
        Assert.Equal(figure.ToSvg(), Format(figure, "image/svg+xml"));
        Assert.Equal(figure.ToPlotlyJson(), Format(figure, "application/vnd.plotly.v1+json"));
        Assert.Contains(PlotlyScript.Text, Format(figure, "text/html"), StringComparison.Ordinal);
        Assert.DoesNotContain(PlotlyScript.Text[..200], Format(figure, "text/html"), StringComparison.Ordinal); // once per source
        Assert.Equal(["text/html", "image/svg+xml", "application/vnd.plotly.v1+json"], attribute.PreferredMimeTypes!);

        var image = Images.ToPng(torch.tensor(new float[,] { { 0, 1 }, { 1, 0 } }), scale: 3).WithTitle("a checkerboard");
        var png = Convert.FromBase64String(Format(image, "image/png"));
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        Assert.Equal((6, 6), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
        Assert.Contains("alt=\"a checkerboard\"", Format(image, "text/html"));
        Assert.Contains("src=\"data:image/png;base64,", Format(image, "text/html"));
        Assert.False(formatters.First(f => f.Type == typeof(PngImage)).Format(figure, new StringWriter()));
    }
}
