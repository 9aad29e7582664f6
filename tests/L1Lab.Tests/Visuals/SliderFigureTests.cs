using System.Text.Json.Nodes;
using L1Lab.Visuals;

namespace L1Lab.Tests.Visuals;

public sealed class SliderFigureTests
{
    static Figure Soft(double t)
    {
        double[] v = [-2, -1, -0.5, 0, 0.5, 1, 2];
        return new Figure($"soft(v, {t})", Axis.Linear("v"), Axis.Linear("w"),
            new LineSeries("soft", v, v.Select(x => Math.Sign(x) * Math.Max(Math.Abs(x) - t, 0)).ToArray()));
    }

    static readonly SliderFigure Slider = new("t", [(0.0, Soft(0)), (0.5, Soft(0.5)), (1.0, Soft(1))]) { Initial = 1 };

    [Fact]
    public void Plotly_json_has_one_frame_per_step_with_that_steps_data_and_a_slider_that_animates_to_it()
    {
        var json = JsonNode.Parse(Slider.ToPlotlyJson())!;

        var frames = json["frames"]!.AsArray();
        Assert.Equal(["0", "0.5", "1"], frames.Select(f => (string)f!["name"]!));
        // the t = 1 frame holds soft(v, 1) exactly
        Assert.Equal([-1.0, 0, 0, 0, 0, 0, 1], frames[2]!["data"]![0]!["y"]!.AsArray().Select(y => (double)y!));
        var slider = json["layout"]!["sliders"]![0]!;
        Assert.Equal(1, (int)slider["active"]!);
        Assert.Equal("t = ", (string)slider["currentvalue"]!["prefix"]!);
        Assert.Equal(["0", "0.5", "1"], slider["steps"]!.AsArray().Select(s => (string)s!["args"]![0]![0]!));
        Assert.All(slider["steps"]!.AsArray(), s => Assert.Equal("animate", (string)s!["method"]!));
        // the data drawn first is the initial step's
        Assert.Equal([-1.5, -0.5, 0, 0, 0, 0.5, 1.5], json["data"]![0]!["y"]!.AsArray().Select(y => (double)y!));
    }

    [Fact]
    public void The_static_fallback_is_the_initial_steps_svg_and_the_html_shows_it_until_plotly_draws_the_slider()
    {
        Assert.Equal(Soft(0.5).ToSvg(), Slider.ToSvg());

        var html = Slider.ToHtml(includePlotlyScript: false);
        Assert.Contains("<div class=\"l1lab-static\">" + Soft(0.5).ToSvg(), html);
        Assert.Contains("frames: figure.frames", html);
        Assert.DoesNotContain("https:", html);
    }

    [Fact]
    public void The_notebook_formatters_give_html_svg_plotly_json_and_text()
    {
        var kinds = new VisualFormatterSource().CreateTypeFormatters().Where(f => f.Type == typeof(SliderFigure)).Select(f => f.MimeType).ToList();
        Assert.Equal([FigureMime.Html, FigureMime.Svg, FigureMime.PlotlyJson, "text/plain"], kinds);
    }

    [Fact]
    public void Frames_with_different_numbers_of_series_are_refused()
    {
        var two = new Figure("two", Axis.Linear("x"), Axis.Linear("y"), new LineSeries("a", [0.0, 1], [0.0, 1]), new LineSeries("b", [0.0, 1], [1.0, 0]));
        Assert.Throws<ArgumentException>(() => new SliderFigure("t", (0, Soft(0)), (1, two)));
        Assert.Throws<ArgumentException>(() => new SliderFigure("t"));
    }
}
