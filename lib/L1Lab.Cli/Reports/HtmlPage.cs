using System.Net;
using System.Text;
using L1Lab.Visuals;

namespace L1Lab.Cli.Reports;

/// <summary>
/// The one-page HTML layout of L1Lab's reports: a title, a line of context, a table, then figures and images.
/// The page is one self-contained file that loads nothing: plotly.js is inlined once (<see cref="PlotlyScript"/>),
/// each figure shows its static SVG until plotly.js has drawn the interactive chart (and for good with scripts off),
/// and images are data URIs.
/// </summary>
static class HtmlPage
{
    /// <summary>The page; <paramref name="after"/> (figures, images, raw HTML notes) goes below the table in order.</summary>
    public static string Build(string title, string context, IReadOnlyList<string> header, IEnumerable<string[]> rows, IEnumerable<object> after)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n")
            .Append("<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}")
            .Append(".l1lab-figure,.l1lab-image{margin:1.5em 0}figcaption{font-size:.9em;color:#444}</style>\n")
            .Append(PlotlyScript.ScriptTag).Append('\n')
            .Append("</head><body>\n<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>\n<p>")
            .Append(WebUtility.HtmlEncode(context)).Append("</p>\n<table><tr>");
        foreach (var h in header) html.Append("<th>").Append(WebUtility.HtmlEncode(h)).Append("</th>");
        html.Append("</tr>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row) html.Append("<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</table>\n");
        int number = 0;
        foreach (var item in after)
            html.Append(item switch
            {
                Figure figure => figure.ToHtml(includePlotlyScript: false, number: ++number),
                PngImage image => image.ToHtml(),
                string raw => raw,
                _ => throw new ArgumentException($"A report cannot show a {item.GetType().Name}.", nameof(after)),
            }).Append('\n');
        return html.Append("</body></html>\n").ToString();
    }
}
