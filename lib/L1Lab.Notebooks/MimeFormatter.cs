using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.Data.Analysis;
using TorchSharp;
using XPlot.Plotly;

namespace L1Lab.Notebooks;

/// <summary>
/// Turns a value into the MIME bundle a notebook shows, the way the .NET Interactive C# kernel would:
/// tensors as numpy-style text, DataFrames as HTML tables, Plotly charts as HTML, PNG images as image/png,
/// objects with a <c>ToHtml()</c> method as HTML, everything else as text.
/// </summary>
public static class MimeFormatter
{
    const int MaxTableRows = 20;
    const int MaxSequenceItems = 100;

    /// <summary>Formats <paramref name="value"/>; text/plain is always present.</summary>
    public static MimeBundle Format(object? value)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (value)
        {
            case null:
                data["text/plain"] = "<null>";
                break;
            case torch.Tensor tensor:
                data["text/plain"] = FormatTensor(tensor);
                break;
            case DataFrame frame:
                data["text/plain"] = frame.ToString(MaxTableRows);
                data["text/html"] = FormatDataFrameHtml(frame);
                break;
            case PlotlyChart chart:
                data["text/plain"] = "PlotlyChart";
                data["text/html"] = chart.GetHtml();
                break;
            default:
                if (PngBytes(value) is { } png)
                {
                    data["text/plain"] = $"{value.GetType().Name} ({png.Length} bytes PNG)";
                    data["image/png"] = Convert.ToBase64String(png);
                }
                else
                {
                    data["text/plain"] = FormatText(value);
                    if (Html(value) is { } html) data["text/html"] = html;
                }
                break;
        }
        return new MimeBundle(data);
    }

    static string FormatTensor(torch.Tensor tensor)
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

    static string FormatText(object value) => value switch
    {
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable seq when value.GetType().ToString() == value.ToString() => FormatSequence(seq),
        _ => value.ToString() ?? "",
    };

    static string FormatSequence(IEnumerable seq)
    {
        var items = new List<string>();
        var more = false;
        foreach (var item in seq)
        {
            if (items.Count == MaxSequenceItems) { more = true; break; }
            items.Add(item is null ? "null" : item is string s ? $"\"{s}\"" : FormatText(item));
        }
        return $"[{string.Join(", ", items)}{(more ? ", ..." : "")}]";
    }

    static string FormatDataFrameHtml(DataFrame frame)
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

    /// <summary>PNG bytes of an <see cref="L1Lab.Visuals.PngImage"/>, a <c>byte[] Png</c> property, or the <c>byte[] Bytes</c> of any type named PngImage.</summary>
    static byte[]? PngBytes(object value)
    {
        if (value is L1Lab.Visuals.PngImage png) return png.Bytes;
        var type = value.GetType();
        var property = type.GetProperty("Png", BindingFlags.Public | BindingFlags.Instance)
            ?? (type.Name == "PngImage" ? type.GetProperty("Bytes", BindingFlags.Public | BindingFlags.Instance) : null);
        return property is { PropertyType: var t } && t == typeof(byte[]) && property.GetIndexParameters().Length == 0
            ? property.GetValue(value) as byte[]
            : null;
    }

    static string? Html(object value)
    {
        var method = value.GetType().GetMethod("ToHtml", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        return method is { ReturnType: var r } && r == typeof(string) ? method.Invoke(value, null) as string : null;
    }
}
