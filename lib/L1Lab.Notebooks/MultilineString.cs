using System.Text.Json.Nodes;

namespace L1Lab.Notebooks;

/// <summary>
/// nbformat's "multiline string": a source, a stream's text or a text MIME value, stored either as one string or as a
/// list of lines. Every reader of notebook text joins it here, and every writer splits it here as Jupyter does.
/// </summary>
public static class MultilineString
{
    /// <summary>The text of <paramref name="node"/>: the string itself, or the list's strings joined; empty when it is neither.</summary>
    public static string Join(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue(out string? s) => s,
        JsonArray a => string.Concat(a.Select(n => n is JsonValue v && v.TryGetValue(out string? s) ? s : "")),
        _ => "",
    };

    /// <summary>Text as a list of lines, each but the last ending with its newline (how Jupyter stores sources and streams).</summary>
    public static JsonArray Lines(string text)
    {
        var array = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            array.Add(JsonValue.Create(text[start..(i + 1)]));
            start = i + 1;
        }
        if (start < text.Length) array.Add(JsonValue.Create(text[start..]));
        return array;
    }
}
