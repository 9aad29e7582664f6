using L1Lab.Notebooks;

namespace L1Lab.Notebooks.Tests;

public sealed class MimeFormatterTests
{
    sealed class Card
    {
        public string ToHtml() => "<b>card</b>";

        public override string ToString() => "card";
    }

    sealed record Chart(byte[] Png);

    [Fact]
    public void An_object_with_ToHtml_gives_text_html_and_text_plain()
    {
        var bundle = MimeFormatter.Format(new Card());

        Assert.Equal("<b>card</b>", bundle.Data["text/html"]);
        Assert.Equal("card", bundle.PlainText);
    }

    [Fact]
    public void A_type_with_a_Png_property_gives_image_png()
    {
        var bundle = MimeFormatter.Format(new Chart([7, 8, 9]));

        Assert.Equal(Convert.ToBase64String([7, 8, 9]), bundle.Data["image/png"]);
    }

    [Fact]
    public void A_plotly_chart_gives_self_contained_html()
    {
        var chart = XPlot.Plotly.Chart.Plot(new XPlot.Plotly.Scatter { x = new[] { 1, 2 }, y = new[] { 3, 4 } });

        var bundle = MimeFormatter.Format(chart);

        Assert.Contains("plotly", bundle.Data["text/html"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<script", bundle.Data["text/html"]);
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
