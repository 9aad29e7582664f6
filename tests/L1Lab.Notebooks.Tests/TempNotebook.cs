using System.Text.Json.Nodes;

namespace L1Lab.Notebooks.Tests;

/// <summary>A throwaway folder holding .ipynb files written by a test; deleted on dispose.</summary>
sealed class TempNotebook : IDisposable
{
    public TempNotebook()
    {
        Directory = Path.Combine(Path.GetTempPath(), "l1lab-nb-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public static JsonObject Code(string source, params string[] tags) => new()
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["metadata"] = new JsonObject
        {
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
            ["tags"] = new JsonArray(tags.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
        },
        ["outputs"] = new JsonArray(),
        ["source"] = new JsonArray(Lines(source)),
    };

    public static JsonObject CodeIn(string language, string source) => new()
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["metadata"] = new JsonObject { ["dotnet_interactive"] = new JsonObject { ["language"] = language } },
        ["outputs"] = new JsonArray(),
        ["source"] = source,
    };

    public static JsonObject Markdown(string source) => new()
    {
        ["cell_type"] = "markdown",
        ["metadata"] = new JsonObject(),
        ["source"] = new JsonArray(Lines(source)),
    };

    /// <summary>Writes a clean nbformat 4 notebook (no outputs) and returns its path.</summary>
    public string Write(string name, params JsonObject[] cells)
    {
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(cells),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
                ["polyglot_notebook"] = new JsonObject { ["defaultKernelName"] = "csharp" },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return WriteText(name, notebook.ToJsonString(new() { WriteIndented = true }) + "\n");
    }

    public string WriteText(string name, string text)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
    }

    static JsonNode[] Lines(string source)
    {
        var parts = source.Split('\n');
        return parts
            .Select((l, i) => i < parts.Length - 1 ? l + "\n" : l)
            .Where(l => l.Length > 0)
            .Select(l => (JsonNode)JsonValue.Create(l)!)
            .ToArray();
    }
}
