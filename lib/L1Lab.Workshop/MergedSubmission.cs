using System.Text.Json.Nodes;

namespace L1Lab.Workshop;

/// <summary>
/// A learner's notebook made ready to grade: the learner's cells in the learner's order, every test cell replaced by
/// the key's full test, and each key test placed right after the learner's solution cell for it.
/// </summary>
/// <param name="Root">The notebook to run (the key's notebook metadata, the merged cells, no outputs).</param>
/// <param name="TestCells">1-based cell number of each exercise's test, by the test's grade_id.</param>
/// <param name="SolutionCells">1-based cell number of each exercise's solution in the submission, by the test's grade_id (absent when deleted).</param>
public sealed record MergedSubmission(JsonObject Root, IReadOnlyDictionary<string, int> TestCells, IReadOnlyDictionary<string, int> SolutionCells)
{
    /// <summary>
    /// Merges <paramref name="submissionCells"/> with <paramref name="key"/>. Whatever the learner did to the cells
    /// (deleted, reordered, duplicated, edited tests or metadata), every key test is run exactly once: after the last
    /// solution cell with its solution's grade_id, else where the learner's copy of the test was, else at the end.
    /// Cells that are not cell objects are dropped; the parameters cell is the key's, so the teacher's sizes apply.
    /// </summary>
    public static MergedSubmission Create(AnswerKey key, JsonArray submissionCells)
    {
        var cells = submissionCells.Select(Sanitize).OfType<JsonObject>().ToList();
        var testsBySolution = key.Exercises.Where(e => e.SolutionId is not null).ToLookup(e => e.SolutionId!);
        var testIds = key.Exercises.Select(e => e.TestId).ToHashSet();
        var lastSolution = new Dictionary<string, int>();
        for (var i = 0; i < cells.Count; i++)
            if (NbgraderCell.Read(cells[i]) is { IsSolution: true } s) lastSolution[s.GradeId] = i;

        var merged = new List<JsonObject>();
        var placed = new HashSet<string>();
        var solutionCells = new Dictionary<string, int>();
        void Place(KeyExercise exercise)
        {
            if (!placed.Add(exercise.TestId)) return;
            merged.Add(Sanitize(key.TestCell(exercise))!);
        }

        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            var meta = NbgraderCell.Read(cell);
            if (meta is { IsTest: true } || meta is not null && testIds.Contains(meta.GradeId))
            {
                // The learner's copy of a test is never run; the key's goes here only if its solution cell is gone.
                var exercise = key.Exercises.FirstOrDefault(e => e.TestId == meta.GradeId);
                if (exercise is not null && (exercise.SolutionId is null || !lastSolution.ContainsKey(exercise.SolutionId))) Place(exercise);
                continue;
            }
            if (AnswerKey.IsParametersCell(cell) && key.ParametersSource is { } parameters)
                cell["source"] = NotebookJson.Lines(parameters);
            merged.Add(cell);
            if (meta is { IsSolution: true } && lastSolution[meta.GradeId] == i)
            {
                foreach (var exercise in testsBySolution[meta.GradeId])
                {
                    solutionCells[exercise.TestId] = merged.Count;
                    Place(exercise);
                }
            }
        }
        foreach (var exercise in key.Exercises) Place(exercise);

        var testCells = new Dictionary<string, int>();
        for (var i = 0; i < merged.Count; i++)
            if (NbgraderCell.Read(merged[i]) is { } m && testIds.Contains(m.GradeId))
                testCells.TryAdd(m.GradeId, i + 1);

        var root = new JsonObject
        {
            ["cells"] = new JsonArray([.. merged]),
            ["metadata"] = key.Root["metadata"]?.DeepClone() ?? new JsonObject(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return new MergedSubmission(root, testCells, solutionCells);
    }

    /// <summary>A clean copy of a cell (type, id, metadata, source as text, no outputs), or null when it is not a cell.</summary>
    static JsonObject? Sanitize(JsonNode? node)
    {
        if (NotebookJson.CellType(node) is not ("code" or "markdown" or "raw") || node is not JsonObject cell) return null;
        var type = NotebookJson.CellType(cell)!;
        var copy = new JsonObject { ["cell_type"] = type };
        if (cell["id"] is JsonValue id && id.TryGetValue(out string? text)) copy["id"] = text;
        copy["metadata"] = cell["metadata"] is JsonObject metadata ? metadata.DeepClone() : new JsonObject();
        copy["source"] = NotebookJson.Lines(NotebookJson.Source(cell));
        if (type == "code") NotebookJson.ClearOutputs(copy);
        return copy;
    }
}
