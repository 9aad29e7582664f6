using System.Text.Json.Nodes;

namespace L1Lab.Notebooks;

/// <summary>One cell of a <see cref="Notebook"/>, a view over its JSON object.</summary>
public sealed class NotebookCell
{
    readonly JsonObject _json;

    internal NotebookCell(int number, string cellType, JsonObject json)
    {
        Number = number;
        CellType = cellType;
        _json = json;
    }

    /// <summary>1-based position among all cells of the notebook, markdown included.</summary>
    public int Number { get; }

    /// <summary>"code", "markdown" or "raw".</summary>
    public string CellType { get; }

    /// <summary>True for code cells.</summary>
    public bool IsCode => CellType == "code";

    /// <summary>The source text; nbformat allows a string or a list of strings, joined here.</summary>
    public string Source => MultilineString.Join(_json["source"]);

    /// <summary>The cell's id (nbformat 4.5), or null when the file has none.</summary>
    public string? Id => _json["id"] is JsonValue v && v.TryGetValue(out string? id) && id.Length > 0 ? id : null;

    /// <summary>
    /// The cell's metadata object, kept as written (nbgrader, tags, polyglot and anything else); changes to it are
    /// saved with the notebook. A cell without one gets an empty object, which nbformat requires anyway.
    /// </summary>
    public JsonObject Metadata => MetadataObject.Of(_json);

    /// <summary>The nbformat output objects of a code cell as stored (empty for other cells and for clean notebooks).</summary>
    public IReadOnlyList<JsonObject> Outputs => _json["outputs"] is JsonArray outputs ? outputs.OfType<JsonObject>().ToList() : [];

    /// <summary>The cell's metadata.tags, empty when absent.</summary>
    public IReadOnlyList<string> Tags =>
        (_json["metadata"] as JsonObject)?["tags"] is JsonArray tags
            ? tags.OfType<JsonValue>().Select(t => t.TryGetValue(out string? s) ? s : null).OfType<string>().ToList()
            : [];

    /// <summary>
    /// The quick (CI and workshop) values a parameters cell declares in its metadata as
    /// <c>"l1lab": {"quick": {"epochs": "1"}}</c>, name → value; empty when it declares none.
    /// </summary>
    /// <exception cref="NotebookFormatException">The entry is not an object of strings.</exception>
    public IReadOnlyDictionary<string, string> QuickValues(string notebookPath)
    {
        var quick = ((_json["metadata"] as JsonObject)?["l1lab"] as JsonObject)?["quick"];
        if (quick is null) return new Dictionary<string, string>(StringComparer.Ordinal);
        if (quick is not JsonObject values)
            throw new NotebookFormatException(notebookPath, $"cell {Number}: metadata l1lab.quick is not an object of name → value strings");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (value is not JsonValue v || !v.TryGetValue(out string? text))
                throw new NotebookFormatException(notebookPath, $"cell {Number}: metadata l1lab.quick.{name} is not a string (write it as \"{value?.ToJsonString()}\")");
            result[name] = text;
        }
        return result;
    }

    /// <summary>
    /// The cell's language from metadata.polyglot_notebook.kernelName or metadata.dotnet_interactive.language,
    /// normalised ("C#" and "csharp" both give "csharp"); null when the cell does not say.
    /// </summary>
    public string? Language
    {
        get
        {
            var meta = _json["metadata"] as JsonObject;
            var name = (meta?["polyglot_notebook"] as JsonObject)?["kernelName"] is JsonValue k && k.TryGetValue(out string? kernel) ? kernel
                : (meta?["dotnet_interactive"] as JsonObject)?["language"] is JsonValue l && l.TryGetValue(out string? lang) ? lang
                : null;
            return NormalizeLanguage(name);
        }
    }

    internal static string? NormalizeLanguage(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "c#" or "csharp" or ".net-csharp" => "csharp",
        var other => other,
    };

    /// <summary>Replaces the source (written as a list of lines, like Jupyter).</summary>
    public void SetSource(string source) => _json["source"] = MultilineString.Lines(source);

    /// <summary>Empties a code cell's outputs and execution count, as "clear outputs" does; other cells are left alone.</summary>
    public void ClearOutputs()
    {
        if (!IsCode) return;
        _json["outputs"] = new JsonArray();
        _json["execution_count"] = null;
    }

    /// <summary>
    /// A fresh copy of the cell with only what nbformat defines for it: type, id, a copy of the metadata, the source as
    /// a list of lines, and for a code cell no outputs. It belongs to no notebook until given to <see cref="Notebook.Create"/>.
    /// </summary>
    public NotebookCell CleanCopy()
    {
        // Keys in Jupyter's (sorted) order, so a new notebook is laid out as Jupyter would save it.
        var copy = new JsonObject { ["cell_type"] = CellType };
        if (IsCode) copy["execution_count"] = null;
        if (Id is { } id) copy["id"] = id;
        copy["metadata"] = _json["metadata"] is JsonObject metadata ? metadata.DeepClone() : new JsonObject();
        if (IsCode) copy["outputs"] = new JsonArray();
        copy["source"] = MultilineString.Lines(Source);
        return new NotebookCell(0, CellType, copy);
    }

    /// <summary>A copy of the cell's JSON, for a new notebook.</summary>
    internal JsonObject CopyJson() => (JsonObject)_json.DeepClone();

    /// <summary>Replaces the outputs and execution count of a code cell (nbformat 4 output objects).</summary>
    internal void SetOutputs(int? executionCount, IEnumerable<CellOutput> outputs)
    {
        _json["execution_count"] = executionCount is { } n ? JsonValue.Create(n) : null;
        _json["outputs"] = new JsonArray(outputs.Select(o => (JsonNode)o.ToJson()).ToArray());
    }
}
