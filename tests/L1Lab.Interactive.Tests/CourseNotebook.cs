using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace L1Lab.Interactive.Tests;

/// <summary>A course notebook's code cells in order, read from its .ipynb, with quick values in its parameters cell.</summary>
sealed class CourseNotebook
{
    /// <summary>The quick settings the other notebook tests use (<c>l1lab notebooks run --set</c>); each applies where declared.</summary>
    public static readonly IReadOnlyDictionary<string, string> QuickParameters = new Dictionary<string, string>
    {
        ["epochs"] = "1", ["trainSamples"] = "2000", ["testSamples"] = "1000", ["steps"] = "200", ["folds"] = "2",
    };

    CourseNotebook(string path, IReadOnlyList<(string Id, string Source)> cells)
    {
        Path = path;
        Cells = cells;
    }

    public string Path { get; }

    /// <summary>Each code cell's id and source, in notebook order.</summary>
    public IReadOnlyList<(string Id, string Source)> Cells { get; }

    /// <summary>Reads the notebook and rewrites the initialisers of its parameters cell's <c>var name = …;</c> lines.</summary>
    public static CourseNotebook Load(string path, IReadOnlyDictionary<string, string> parameters)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        var cells = new List<(string, string)>();
        foreach (var cell in root["cells"]!.AsArray().OfType<JsonObject>())
        {
            if ((string?)cell["cell_type"] != "code") continue;
            var source = cell["source"] is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)cell["source"] ?? "";
            var tags = cell["metadata"]?["tags"] as JsonArray;
            if (tags?.Any(t => (string?)t == "parameters") == true)
                foreach (var (name, value) in parameters)
                    source = Regex.Replace(source, $@"(?m)^(\s*var\s+{Regex.Escape(name)}\s*=\s*)[^;]+;", m => m.Groups[1].Value + value + ";");
            cells.Add(((string?)cell["id"] ?? $"cell {cells.Count + 1}", source));
        }
        return new CourseNotebook(path, cells);
    }
}
