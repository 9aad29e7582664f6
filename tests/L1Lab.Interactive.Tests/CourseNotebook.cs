using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace L1Lab.Interactive.Tests;

/// <summary>
/// A course notebook's code cells in order, read from its .ipynb, with the quick values its parameters cell declares
/// in its metadata (<c>"l1lab": {"quick": {…}}</c>, as <c>l1lab notebooks run --quick</c> applies them).
/// </summary>
sealed class CourseNotebook
{
    CourseNotebook(string path, IReadOnlyList<(string Id, string Source)> cells)
    {
        Path = path;
        Cells = cells;
    }

    public string Path { get; }

    /// <summary>Each code cell's id and source, in notebook order.</summary>
    public IReadOnlyList<(string Id, string Source)> Cells { get; }

    /// <summary>Reads the notebook and rewrites the initialisers of its parameters cell's <c>var name = …;</c> lines to the quick values.</summary>
    public static CourseNotebook LoadQuick(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        var cells = new List<(string, string)>();
        foreach (var cell in root["cells"]!.AsArray().OfType<JsonObject>())
        {
            if ((string?)cell["cell_type"] != "code") continue;
            var source = cell["source"] is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)cell["source"] ?? "";
            var tags = cell["metadata"]?["tags"] as JsonArray;
            if (tags?.Any(t => (string?)t == "parameters") == true && cell["metadata"]?["l1lab"]?["quick"] is JsonObject quick)
                foreach (var (name, value) in quick.Select(q => (q.Key, (string)q.Value!)))
                    source = Regex.Replace(source, $@"(?m)^(\s*var\s+{Regex.Escape(name)}\s*=\s*)[^;]+;", m => m.Groups[1].Value + value + ";");
            cells.Add(((string?)cell["id"] ?? $"cell {cells.Count + 1}", source));
        }
        return new CourseNotebook(path, cells);
    }
}
