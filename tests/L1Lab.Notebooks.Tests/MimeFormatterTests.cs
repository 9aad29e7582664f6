using System.Text.Json.Nodes;
using L1Lab.Visuals;

namespace L1Lab.Notebooks.Tests;

public sealed class MimeFormatterTests
{
    sealed class Card
    {
        public string ToHtml() => "<b>card</b>";

        public override string ToString() => "card";
    }

    static Figure Line() => new("a line", Axis.Linear("x"), Axis.Linear("y"), new LineSeries("y = 2x", [1.0, 2.0], [2.0, 4.0]));

    [Fact]
    public void An_object_with_ToHtml_gives_text_html_and_text_plain()
    {
        var bundle = MimeFormatter.Format(new Card());

        Assert.Equal("<b>card</b>", bundle.Data["text/html"]);
        Assert.Equal("card", bundle.PlainText);
    }

    [Fact]
    public void A_type_whose_attribute_is_only_named_TypeFormatterSourceAttribute_is_formatted_by_its_source()
    {
        var bundle = MimeFormatter.Format(new Conventional.Thermometer(21.5));

        Assert.Equal("<meter value=\"21.5\"></meter>", bundle.Data["text/html"]);
        Assert.Equal("21.5 °C", bundle.PlainText);
    }

    [Fact]
    public void A_figure_gives_svg_plotly_json_html_and_plain_text()
    {
        var bundle = MimeFormatter.Format(Line());

        Assert.StartsWith("<svg", bundle.Data["image/svg+xml"]);
        var plotly = JsonNode.Parse(bundle.Data["application/vnd.plotly.v1+json"])!;
        Assert.Equal(4.0, (double)plotly["data"]![0]!["y"]![1]!);
        Assert.Contains("<svg", bundle.Data["text/html"]);
        Assert.Contains("Plotly.newPlot", bundle.Data["text/html"]);
        Assert.Contains("a line", bundle.PlainText);
    }

    [Fact]
    public void A_figure_bundle_is_saved_with_the_plotly_json_as_a_json_object_not_a_string()
    {
        var output = new DisplayDataOutput(MimeFormatter.Format(Line())).ToJson();

        var data = output["data"]!.AsObject();
        Assert.IsType<JsonObject>(data["application/vnd.plotly.v1+json"]);
        Assert.IsType<JsonArray>(data["image/svg+xml"]);
        Assert.IsType<JsonObject>(MimeFormatter.Format(Line()).ToMessageData()["application/vnd.plotly.v1+json"]);
    }

    [Fact]
    public async Task In_one_session_only_the_first_figure_carries_plotly_js()
    {
        var session = new NotebookSession();
        var result = await session.ExecuteCellAsync($$"""
            {{TestLibrary.Reference}}
            using L1Lab.Visuals;
            var f = new Figure("f", Axis.Linear("x"), Axis.Linear("y"), new LineSeries("s", new[] { 1.0, 2.0 }, new[] { 3.0, 4.0 }));
            display(f);
            display(f);
            """);

        Assert.Null(result.Error);
        var html = result.Outputs.OfType<DisplayDataOutput>().Select(o => o.Bundle.Data["text/html"]).ToList();
        Assert.Equal(2, html.Count);
        Assert.Contains(PlotlyScript.Text, html[0], StringComparison.Ordinal);
        Assert.DoesNotContain("var define, module, exports", html[1], StringComparison.Ordinal);
        Assert.Contains(PlotlyScript.Text, MimeFormatter.Format(Line()).Data["text/html"], StringComparison.Ordinal); // a new session starts over
    }

    [Fact]
    public void An_array_prints_its_items_not_its_type_name()
    {
        Assert.Equal("[1, 2, 3]", MimeFormatter.Format(new[] { 1, 2, 3 }).PlainText);
    }

    [Fact]
    public void A_double_prints_with_the_invariant_culture()
    {
        Assert.Equal("0.25", MimeFormatter.Format(0.25).PlainText);
    }
}
