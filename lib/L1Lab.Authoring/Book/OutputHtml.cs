using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using L1Lab.Notebooks;

namespace L1Lab.Authoring.Book;

/// <summary>
/// A code cell's nbformat outputs as HTML that loads nothing from the network: streams and errors as text, images as
/// data URIs, HTML tables as they are, and each chart as its static image plus its Plotly figure, which the page's
/// local plotly.js draws interactively on screen (print keeps the static image). An HTML output that would load a
/// script or image from the network is replaced by its plain text, with a note.
/// </summary>
static partial class OutputHtml
{
    const string PlotlyMime = "application/vnd.plotly.v1+json";

    /// <summary>Renders one output; <paramref name="usesPlotly"/> becomes true when it holds an interactive chart.</summary>
    public static string Render(JsonObject output, bool plotlyAvailable, ref bool usesPlotly)
    {
        var type = output["output_type"]?.GetValue<string>();
        switch (type)
        {
            case "stream":
                var name = output["name"]?.GetValue<string>() == "stderr" ? "stderr" : "stdout";
                return $"<pre class=\"output stream {name}\">{Html.Escape(MultilineString.Join(output["text"]))}</pre>\n";
            case "error":
                var traceback = output["traceback"] is JsonArray lines ? string.Join("\n", lines.Select(l => l?.GetValue<string>() ?? "")) : "";
                var head = $"{output["ename"]?.GetValue<string>()}: {output["evalue"]?.GetValue<string>()}";
                var body = traceback.Length > 0 && traceback.Contains(output["evalue"]?.GetValue<string>() ?? "\0", StringComparison.Ordinal) ? traceback : head + "\n" + traceback;
                return $"<pre class=\"output error\">{Html.Escape(Ansi().Replace(body.TrimEnd(), ""))}</pre>\n";
            case "display_data" or "execute_result":
                return output["data"] is JsonObject data ? Bundle(data, plotlyAvailable, ref usesPlotly) : "";
            default:
                return "";
        }
    }

    static string Bundle(JsonObject data, bool plotlyAvailable, ref bool usesPlotly)
    {
        var plain = data["text/plain"] is { } p ? MultilineString.Join(p) : "";
        var alt = Html.Escape(plain.Length > 0 && plain.Length < 300 ? plain.Trim() : "figure");
        var image = StaticImage(data, alt);

        if (data[PlotlyMime] is { } plotly && Figure(plotly) is { } figure)
        {
            if (!plotlyAvailable && image is null)
                return Text(plain, "interactive chart left out: no static image came with it and this book has no plotly.js");
            var html = new StringBuilder("<figure class=\"output chart\">");
            if (image is not null) html.Append("<div class=\"static\">").Append(image).Append("</div>");
            if (plotlyAvailable)
            {
                usesPlotly = true;
                // The default JSON encoder escapes <, > and &, so the figure cannot close the script element early.
                html.Append("<script type=\"application/json\" class=\"plotly-figure\">").Append(figure.ToJsonString()).Append("</script>");
            }
            return html.Append("</figure>\n").ToString();
        }
        if (image is not null) return $"<figure class=\"output image\">{image}</figure>\n";
        if (data["text/html"] is { } htmlNode)
        {
            var html = MultilineString.Join(htmlNode);
            return LoadsFromNetwork(html)
                ? Text(plain, "HTML output left out: it loads from the network")
                : $"<div class=\"output html\">{html}</div>\n";
        }
        if (data["text/markdown"] is { } markdown)
            return $"<div class=\"output markdown\">{Markdig.Markdown.ToHtml(MultilineString.Join(markdown))}</div>\n";
        return Text(plain, null);
    }

    static string Text(string plain, string? note) =>
        $"<pre class=\"output result\">{Html.Escape(plain)}</pre>\n" + (note is null ? "" : $"<p class=\"output note\">({Html.Escape(note)})</p>\n");

    /// <summary>An &lt;img&gt; for the bundle's SVG or PNG, as a data URI; null when it has neither.</summary>
    static string? StaticImage(JsonObject data, string alt)
    {
        if (data["image/svg+xml"] is { } svg)
            return $"<img alt=\"{alt}\" src=\"data:image/svg+xml;base64,{Convert.ToBase64String(Encoding.UTF8.GetBytes(MultilineString.Join(svg)))}\">";
        if (data["image/png"] is { } png)
            return $"<img alt=\"{alt}\" src=\"data:image/png;base64,{Whitespace().Replace(MultilineString.Join(png), "")}\">";
        return null;
    }

    /// <summary>The Plotly figure ({data, layout}) whether a front end stored it as JSON or as text.</summary>
    static JsonObject? Figure(JsonNode node)
    {
        if (node is JsonObject o) return o;
        try
        {
            return JsonNode.Parse(MultilineString.Join(node)) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>True when the HTML would fetch something: a script, image, frame or stylesheet from a URL, or a script that names one.</summary>
    static bool LoadsFromNetwork(string html) =>
        RemoteSource().IsMatch(html) || Scripts().Matches(html).Any(m => RemoteUrl().IsMatch(m.Value));

    [GeneratedRegex(@"<(?:script|img|iframe|link|source|video|audio|embed|object)\b[^>]*\b(?:src|href|data)\s*=\s*[""']?\s*(?:https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteSource();

    [GeneratedRegex(@"<script\b.*?</script>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Scripts();

    [GeneratedRegex(@"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteUrl();

    [GeneratedRegex(@"\x1b\[[0-9;]*[A-Za-z]")]
    private static partial Regex Ansi();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
