using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace L1Lab.Notebooks;

/// <summary>
/// An nbformat 4 notebook (.ipynb) held as its JSON tree, so that writing it back keeps every field
/// the engine does not know about (metadata, attachments, ids) exactly as it was.
/// </summary>
public sealed class Notebook
{
    static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    readonly JsonObject _root;

    Notebook(string path, JsonObject root, IReadOnlyList<NotebookCell> cells)
    {
        Path = path;
        _root = root;
        Cells = cells;
    }

    /// <summary>Where the notebook was read from, as given.</summary>
    public string Path { get; }

    /// <summary>The cells in file order.</summary>
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>The kernel's default language from the notebook metadata (polyglot or kernelspec), lower case; "csharp" when absent.</summary>
    public string DefaultLanguage
    {
        get
        {
            var meta = _root["metadata"] as JsonObject;
            var name = (meta?["polyglot_notebook"] as JsonObject)?["defaultKernelName"] is JsonValue v && v.TryGetValue(out string? k) ? k
                : (meta?["kernelspec"] as JsonObject)?["language"] is JsonValue l && l.TryGetValue(out string? lang) ? lang
                : null;
            return NotebookCell.NormalizeLanguage(name) ?? "csharp";
        }
    }

    /// <summary>Reads and checks a notebook file.</summary>
    /// <exception cref="NotebookFormatException">The file is missing, not JSON, not nbformat 4, or has no cells array.</exception>
    public static Notebook Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NotebookFormatException(path, $"cannot read the file ({e.Message})", e);
        }
        return Parse(path, text);
    }

    /// <summary>Parses notebook JSON; <paramref name="path"/> names it in errors.</summary>
    /// <exception cref="NotebookFormatException">The text is not JSON, not nbformat 4, or has no cells array.</exception>
    public static Notebook Parse(string path, string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(path, $"not valid JSON ({e.Message})", e);
        }
        if (node is not JsonObject root)
            throw new NotebookFormatException(path, "not a notebook: the JSON is not an object");
        if (root["nbformat"] is not JsonValue format || !format.TryGetValue(out int major))
            throw new NotebookFormatException(path, "not a notebook: no \"nbformat\" number");
        if (major != 4)
            throw new NotebookFormatException(path, $"nbformat {major} is not supported (only nbformat 4)");
        if (root["cells"] is not JsonArray cells)
            throw new NotebookFormatException(path, "not a notebook: no \"cells\" array");

        var list = new List<NotebookCell>();
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell || cell["cell_type"] is not JsonValue type || !type.TryGetValue(out string? cellType))
                throw new NotebookFormatException(path, $"cell {i + 1} is not an object with a \"cell_type\"");
            list.Add(new NotebookCell(i + 1, cellType, cell));
        }
        return new Notebook(path, root, list);
    }

    /// <summary>The notebook as nbformat JSON text (one-space indent, like Jupyter), ending with a newline.</summary>
    public string ToJson() => _root.ToJsonString(WriteOptions) + "\n";

    /// <summary>Writes the notebook to <paramref name="path"/> atomically: a temporary file in the same folder, then a rename.</summary>
    public void Save(string path) => IO.AtomicFile.WriteAllText(path, ToJson());
}
