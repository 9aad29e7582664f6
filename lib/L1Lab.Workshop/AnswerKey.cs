using System.Text.Json.Nodes;

namespace L1Lab.Workshop;

/// <summary>
/// An instructor notebook used as the grading key: its exercises (test cells with the solution above each) and its
/// cells, whose full tests, hidden ones included, replace a learner's.
/// </summary>
public sealed class AnswerKey
{
    AnswerKey(string path, JsonObject root, IReadOnlyList<JsonObject> cells, IReadOnlyList<KeyExercise> exercises)
    {
        Path = path;
        Root = root;
        Cells = cells;
        Exercises = exercises;
    }

    /// <summary>The key notebook's path.</summary>
    public string Path { get; }

    /// <summary>The notebook's file name, which a submission must share.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The exercises in notebook order.</summary>
    public IReadOnlyList<KeyExercise> Exercises { get; }

    /// <summary>Total points of the notebook.</summary>
    public double MaxPoints => Exercises.Sum(e => e.Points);

    internal JsonObject Root { get; }

    internal IReadOnlyList<JsonObject> Cells { get; }

    /// <summary>The key's test cell for <paramref name="exercise"/>.</summary>
    internal JsonObject TestCell(KeyExercise exercise) => Cells.First(c => NbgraderCell.Read(c)?.GradeId == exercise.TestId);

    /// <summary>The source of the key's cell tagged <c>parameters</c>, or null.</summary>
    internal string? ParametersSource => Cells.FirstOrDefault(IsParametersCell) is { } cell ? NotebookJson.Source(cell) : null;

    internal static bool IsParametersCell(JsonNode? cell) =>
        NotebookJson.CellType(cell) == "code"
        && (cell as JsonObject)?["metadata"]?["tags"] is JsonArray tags
        && tags.Any(t => t is JsonValue v && v.TryGetValue(out string? s) && s == "parameters");

    /// <summary>Reads an instructor notebook and lists its exercises.</summary>
    /// <exception cref="WorkshopException">The file is not a notebook, or two graded cells share a grade_id.</exception>
    public static AnswerKey Load(string path)
    {
        var (root, array) = NotebookJson.Load(path);
        var cells = array.OfType<JsonObject>().ToList();
        var ids = cells.Select(NbgraderCell.Read).OfType<NbgraderCell>().GroupBy(m => m.GradeId).FirstOrDefault(g => g.Count() > 1);
        if (ids is not null) throw new WorkshopException(path, $"grade_id \"{ids.Key}\" is used by {ids.Count()} cells");

        var exercises = new List<KeyExercise>();
        string? solution = null;
        string? title = null;
        foreach (var cell in cells)
        {
            if (NotebookJson.CellType(cell) == "markdown" && Heading(NotebookJson.Source(cell)) is { } heading) title = heading;
            switch (NbgraderCell.Read(cell))
            {
                case { IsSolution: true } s:
                    solution = s.GradeId;
                    break;
                case { IsTest: true } t:
                    exercises.Add(new KeyExercise(exercises.Count + 1, title ?? $"Exercise {exercises.Count + 1}", t.GradeId, solution, t.Points));
                    solution = null;
                    break;
            }
        }
        return new AnswerKey(path, root, cells, exercises);
    }

    internal static string? Heading(string markdown) =>
        markdown.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith('#'))?.TrimStart('#').Trim() is { Length: > 0 } h ? h : null;
}
