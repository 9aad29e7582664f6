using System.Net;
using System.Text;

namespace L1Lab.Results;

/// <summary>
/// The one-page HTML layout of L1Lab's reports: a title, a line of context, a table, then chart snippets.
/// The table is plain HTML; the charts load plotly.js from its CDN when the page is opened.
/// </summary>
static class HtmlPage
{
    /// <summary>The page; <paramref name="after"/> is raw HTML (chart snippets, notes) placed below the table.</summary>
    public static string Build(string title, string context, IReadOnlyList<string> header, IEnumerable<string[]> rows, IEnumerable<string> after)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(title))
            .Append("</title><script src=\"https://cdn.plot.ly/plotly-latest.min.js\"></script>")
            .Append("<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}</style>")
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
        foreach (var snippet in after) html.Append(snippet).Append('\n');
        return html.Append("</body></html>\n").ToString();
    }
}
