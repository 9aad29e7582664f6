using System.Text.Json.Nodes;

namespace L1Lab.Notebooks;

/// <summary>
/// A value shown by a cell, as one MIME type per representation, like a Jupyter display bundle:
/// text/plain and text/html are text, image/png is base64, JSON types (application/json, application/*+json such as
/// Plotly's figure JSON) are JSON text that notebooks and kernel messages carry as JSON values, not strings.
/// </summary>
/// <param name="Data">Representations keyed by MIME type; always has text/plain.</param>
public sealed record MimeBundle(IReadOnlyDictionary<string, string> Data)
{
    /// <summary>The text/plain representation.</summary>
    public string PlainText => Data.TryGetValue("text/plain", out var s) ? s : "";

    internal JsonObject ToJson()
    {
        var o = new JsonObject();
        foreach (var (mime, value) in Data)
            o[mime] = IsJson(mime) ? ParseJson(value) : mime == "image/png" ? JsonValue.Create(value) : MultilineString.Lines(value);
        return o;
    }

    /// <summary>The bundle as a Jupyter message's <c>data</c>: one string per MIME type, JSON types as JSON values.</summary>
    public JsonObject ToMessageData()
    {
        var o = new JsonObject();
        foreach (var (mime, value) in Data) o[mime] = IsJson(mime) ? ParseJson(value) : JsonValue.Create(value);
        return o;
    }

    /// <summary>application/json and application/*+json, whose nbformat and message values are JSON, not text.</summary>
    public static bool IsJson(string mime) =>
        mime == "application/json" || (mime.StartsWith("application/", StringComparison.Ordinal) && mime.EndsWith("+json", StringComparison.Ordinal));

    static JsonNode? ParseJson(string value)
    {
        try { return JsonNode.Parse(value); }
        catch (System.Text.Json.JsonException) { return JsonValue.Create(value); }
    }
}
