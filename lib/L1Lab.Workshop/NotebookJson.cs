using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace L1Lab.Workshop;

/// <summary>Reading and writing notebook JSON the way Jupyter does (one-space indent, sources as lists of lines).</summary>
internal static class NotebookJson
{
    static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The notebook's root object and its cells array.</summary>
    /// <exception cref="WorkshopException">Not JSON, not nbformat 4, or no cells array.</exception>
    public static (JsonObject Root, JsonArray Cells) Parse(string path, string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new WorkshopException(path, $"not valid JSON ({e.Message})");
        }
        if (node is not JsonObject root) throw new WorkshopException(path, "not a notebook: the JSON is not an object");
        if (root["nbformat"] is not JsonValue f || !f.TryGetValue(out int major) || major != 4)
            throw new WorkshopException(path, "not a notebook: no \"nbformat\": 4");
        if (root["cells"] is not JsonArray cells) throw new WorkshopException(path, "not a notebook: no \"cells\" array");
        return (root, cells);
    }

    /// <summary>Reads and parses a notebook file.</summary>
    /// <exception cref="WorkshopException">Unreadable, not JSON, or not a notebook.</exception>
    public static (JsonObject Root, JsonArray Cells) Load(string path)
    {
        try
        {
            return Parse(path, File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WorkshopException(path, $"cannot read the file ({e.Message})");
        }
    }

    public static string ToJson(JsonObject root) => root.ToJsonString(WriteOptions) + "\n";

    public static string? CellType(JsonNode? cell) =>
        (cell as JsonObject)?["cell_type"] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    /// <summary>A cell's source joined (nbformat allows a string or a list of strings); empty when malformed.</summary>
    public static string Source(JsonNode? cell) => (cell as JsonObject)?["source"] switch
    {
        JsonValue v when v.TryGetValue(out string? s) => s,
        JsonArray a => string.Concat(a.Select(n => n is JsonValue v && v.TryGetValue(out string? s) ? s : "")),
        _ => "",
    };

    /// <summary>Text as a list of lines, each but the last ending with its newline (Jupyter's layout).</summary>
    public static JsonArray Lines(string text) => L1Lab.Notebooks.MimeBundle.Lines(text);

    /// <summary>Removes a code cell's outputs and execution count.</summary>
    public static void ClearOutputs(JsonObject cell)
    {
        if (CellType(cell) != "code") return;
        cell["outputs"] = new JsonArray();
        cell["execution_count"] = null;
    }
}
