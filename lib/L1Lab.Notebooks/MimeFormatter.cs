using System.Collections;
using System.Globalization;
using System.Reflection;

namespace L1Lab.Notebooks;

/// <summary>
/// Turns a value into the MIME bundle a notebook shows, the way the .NET Interactive C# kernel would:
/// types with formatters declared by .NET Interactive's convention (<see cref="ConventionFormatters"/>: L1Lab's figures
/// and images, and the tensors and DataFrames whose look the course library contributes) with every representation
/// they give, objects with a <c>ToHtml()</c> method as HTML, everything else as text. The engine knows no type of
/// TorchSharp, Microsoft.Data.Analysis or the course library.
/// </summary>
public static class MimeFormatter
{
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

    static string? Html(object value)
    {
        var method = value.GetType().GetMethod("ToHtml", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        return method is { ReturnType: var r } && r == typeof(string) ? method.Invoke(value, null) as string : null;
    }
}
