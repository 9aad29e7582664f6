using System.Text.Json.Nodes;

namespace L1Lab.Cli.Tests.Workshop;

/// <summary>The repository's course notebooks, and small edits of their JSON for building learners' submissions.</summary>
static class CourseFiles
{
    public static string NotebooksFolder => TestPaths.Notebooks;

    public static List<string> Notebooks() =>
        Directory.EnumerateFiles(NotebooksFolder, "*.ipynb").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    public static JsonObject Read(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();

    public static JsonArray Cells(JsonObject notebook) => notebook["cells"]!.AsArray();

    public static string Source(JsonNode cell) => cell["source"] is JsonArray a ? string.Concat(a.Select(l => (string?)l)) : (string?)cell["source"] ?? "";

    public static string? GradeId(JsonNode? cell) => (string?)cell?["metadata"]?["nbgrader"]?["grade_id"];

    public static int IndexOf(JsonArray cells, string gradeId) =>
        cells.Select((c, i) => (c, i)).First(x => GradeId(x.c) == gradeId).i;

    public static void SetSource(JsonNode cell, string source) => cell["source"] = source;
}
