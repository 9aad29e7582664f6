using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace L1Lab.Notebooks;

/// <summary>
/// An nbformat 4 notebook (.ipynb) held as its JSON tree, so that writing it back keeps every field
/// the engine does not know about (metadata, attachments, ids) exactly as it was. The one reader and writer of
/// .ipynb files for every tool: engine, kernel, book, translation and workshop.
/// </summary>
public sealed partial class Notebook
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
        return FromRoot(path, root);
    }

    /// <summary>
    /// A new notebook at <paramref name="path"/> (not written) holding copies of <paramref name="cells"/> in order,
    /// numbered from 1, with <paramref name="metadata"/> (copied) as its notebook metadata; nbformat 4.5.
    /// </summary>
    public static Notebook Create(string path, JsonObject metadata, IEnumerable<NotebookCell> cells) =>
        FromRoot(path, new JsonObject
        {
            ["cells"] = new JsonArray([.. cells.Select(c => (JsonNode)c.CopyJson())]),
            ["metadata"] = metadata.DeepClone(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        });

    /// <summary>An independent copy, so changing its cells leaves this notebook as it is.</summary>
    public Notebook Copy() => FromRoot(Path, (JsonObject)_root.DeepClone());

    /// <summary>The notebook-level metadata (kernelspec, language_info, polyglot_notebook and anything else), as stored.</summary>
    public JsonObject Metadata => MetadataObject.Of(_root);

    static Notebook FromRoot(string path, JsonObject root)
    {
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

    /// <summary>
    /// The notebook as nbformat JSON text laid out as Jupyter writes it (one-space indent, characters outside ASCII
    /// as themselves), ending with a newline.
    /// </summary>
    public string ToJson() =>
        // System.Text.Json escapes every character beyond the Basic Multilingual Plane (𝓛 as \uD835\uDCDB) whatever
        // the encoder; Jupyter writes them as they are, so the pair is turned back into the character.
        EscapedSurrogatePair().Replace(_root.ToJsonString(WriteOptions),
            m => new string([(char)Convert.ToInt32(m.Groups["high"].Value, 16), (char)Convert.ToInt32(m.Groups["low"].Value, 16)]))
        + "\n";

    /// <summary>A \uD8xx\uDCxx escape pair that is not itself behind an escaped backslash.</summary>
    [GeneratedRegex("""(?<=(?:^|[^\\])(?:\\\\)*)\\u(?<high>D[89AB][0-9A-F]{2})\\u(?<low>D[C-F][0-9A-F]{2})""", RegexOptions.IgnoreCase)]
    private static partial Regex EscapedSurrogatePair();

    /// <summary>Writes the notebook to <paramref name="path"/> atomically: a temporary file in the same folder, then a rename.</summary>
    public void Save(string path) => IO.AtomicFile.WriteAllText(path, ToJson());
}
