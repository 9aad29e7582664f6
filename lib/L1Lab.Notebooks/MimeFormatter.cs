using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.Data.Analysis;
using TorchSharp;

namespace L1Lab.Notebooks;

/// <summary>
/// Turns a value into the MIME bundle a notebook shows, the way the .NET Interactive C# kernel would:
/// types that declare formatters by .NET Interactive's convention (<see cref="ConventionFormatters"/>: L1Lab's figures
/// and images) with every representation they give, tensors as numpy-style text, DataFrames as HTML tables,
/// objects with a <c>ToHtml()</c> method as HTML, everything else as text.
/// </summary>
public static class MimeFormatter
{
    const int MaxTableRows = 20;
    const int MaxSequenceItems = 100;

    /// <summary>Formats <paramref name="value"/> on its own (a session of one value); text/plain is always present.</summary>
    public static MimeBundle Format(object? value) => Format(value, new ConventionFormatters());

    /// <summary>Formats <paramref name="value"/> with a session's formatters; text/plain is always present.</summary>
    internal static MimeBundle Format(object? value, ConventionFormatters formatters)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (value)
        {
            case null:
                data["text/plain"] = "<null>";
                break;
            // Tensors first: TorchSharp declares a convention formatter of its own (metadata text); the course shows values.
            case torch.Tensor tensor:
                data["text/plain"] = FormatTensor(tensor);
                break;
            case DataFrame frame:
                data["text/plain"] = frame.ToString(MaxTableRows);
                data["text/html"] = FormatDataFrameHtml(frame);
                break;
            case var _ when formatters.TryFormat(value, data):
                if (!data.ContainsKey("text/plain")) data["text/plain"] = FormatText(value);
                break;
            default:
                data["text/plain"] = FormatText(value);
                if (Html(value) is { } html) data["text/html"] = html;
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

    static string? Html(object value)
    {
        var method = value.GetType().GetMethod("ToHtml", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        return method is { ReturnType: var r } && r == typeof(string) ? method.Invoke(value, null) as string : null;
    }
}
