using System.Text.Json.Nodes;

namespace L1Lab.Tests.Shared;

/// <summary>A throwaway notebook for the installed L1Lab kernel (kernelspec <c>l1lab-csharp</c>), as Jupyter front ends open it.</summary>
public static class KernelNotebook
{
    /// <summary>Writes an nbformat 4 notebook of clean code cells with <paramref name="sources"/> to <paramref name="path"/>; returns the path.</summary>
    public static string Write(string path, params string[] sources)
    {
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(sources.Select(source => (JsonNode)new JsonObject
            {
                ["cell_type"] = "code",
                ["execution_count"] = null,
                ["metadata"] = new JsonObject(),
                ["outputs"] = new JsonArray(),
                ["source"] = source,
            }).ToArray()),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = "C# (L1Lab)", ["language"] = "C#", ["name"] = "l1lab-csharp" },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 4,
        };
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }
}
