using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Analysis;
using TorchSharp;

[assembly: L1Lab.Visuals.TypeFormatterSource(typeof(L1Lab.Visuals.ValueFormatterSource))]

namespace L1Lab.Visuals;

/// <summary>
/// How the course shows the library types it does not own: a tensor as numpy-style text with its values (TorchSharp's
/// own formatter gives metadata only), a DataFrame as a text table and an HTML table of its first rows. Contributed by
/// convention, as an assembly-level <see cref="TypeFormatterSourceAttribute"/> on this library: a notebook host that
/// loads L1Lab.dll (L1Lab's engine and kernel) finds these formatters without referencing TorchSharp or
/// Microsoft.Data.Analysis itself. .NET Interactive reads the attribute only on a formatted type, so there
/// <see cref="InteractiveValueFormatters"/> registers the same formatters.
/// </summary>
public sealed class ValueFormatterSource
{
    const int MaxTableRows = 20;

    /// <summary>The formatters, one per (type, MIME type).</summary>
    public IEnumerable<VisualFormatter> CreateTypeFormatters() =>
    [
        new(typeof(torch.Tensor), "text/plain", (o, w) => w.Write(TensorText((torch.Tensor)o))),
        new(typeof(DataFrame), "text/plain", (o, w) => w.Write(((DataFrame)o).ToString(MaxTableRows))),
        new(typeof(DataFrame), "text/html", (o, w) => w.Write(DataFrameHtml((DataFrame)o))),
    ];

    static string TensorText(torch.Tensor tensor)
    {
        try
        {
            return tensor.ToString(TensorStringStyle.Numpy, fltFormat: "g5", width: 100, cultureInfo: CultureInfo.InvariantCulture, newLine: "\n");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return tensor.ToString(); // metadata-only form, e.g. for a disposed tensor
        }
    }

    static string DataFrameHtml(DataFrame frame)
    {
        var html = new StringBuilder("<table><thead><tr><th><i>index</i></th>");
        foreach (var column in frame.Columns)
            html.Append("<th>").Append(WebUtility.HtmlEncode(column.Name)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        var rows = Math.Min(frame.Rows.Count, MaxTableRows);
        for (long r = 0; r < rows; r++)
        {
            html.Append("<tr><td><i>").Append(r.ToString(CultureInfo.InvariantCulture)).Append("</i></td>");
            foreach (var column in frame.Columns)
                html.Append("<td>").Append(WebUtility.HtmlEncode(Convert.ToString(column[r], CultureInfo.InvariantCulture) ?? "")).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        if (frame.Rows.Count > rows)
            html.Append("<p>(").Append(frame.Rows.Count.ToString(CultureInfo.InvariantCulture)).Append(" rows, first ").Append(rows.ToString(CultureInfo.InvariantCulture)).Append(" shown)</p>");
        return html.ToString();
    }
}
