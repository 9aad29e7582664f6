using L1Lab.Notebooks;

namespace L1Lab.Workshop;

/// <summary>
/// A learner's notebook made ready to grade: the learner's cells in the learner's order, every test cell replaced by
/// the key's full test, and each key test placed right after the learner's solution cell for it.
/// </summary>
/// <param name="Notebook">The notebook to run (the key's notebook metadata and path, the merged cells, no outputs).</param>
/// <param name="TestCells">1-based cell number of each exercise's test, by the test's grade_id.</param>
/// <param name="SolutionCells">1-based cell number of each exercise's solution in the submission, by the test's grade_id (absent when deleted).</param>
public sealed record MergedSubmission(Notebook Notebook, IReadOnlyDictionary<string, int> TestCells, IReadOnlyDictionary<string, int> SolutionCells)
{
    /// <summary>
    /// Merges <paramref name="submission"/>'s cells with <paramref name="key"/>. Whatever the learner did to the cells
    /// (deleted, reordered, duplicated, edited tests or metadata), every key test is run exactly once: after the last
    /// solution cell with its solution's grade_id, else where the learner's copy of the test was, else at the end.
    /// Cells of unknown types are dropped; the parameters cell is the key's, so the teacher's sizes apply.
    /// </summary>
    public static MergedSubmission Create(AnswerKey key, Notebook submission)
    {
        var cells = submission.Cells.Where(c => c.CellType is "code" or "markdown" or "raw").Select(c => c.CleanCopy()).ToList();
        var testsBySolution = key.Exercises.Where(e => e.SolutionId is not null).ToLookup(e => e.SolutionId!);
        var testIds = key.Exercises.Select(e => e.TestId).ToHashSet();
        var lastSolution = new Dictionary<string, int>();
        for (var i = 0; i < cells.Count; i++)
            if (NbgraderCell.Read(cells[i]) is { IsSolution: true } s) lastSolution[s.GradeId] = i;

        var merged = new List<NotebookCell>();
        var placed = new HashSet<string>();
        var solutionCells = new Dictionary<string, int>();
        void Place(KeyExercise exercise)
        {
            if (!placed.Add(exercise.TestId)) return;
            merged.Add(key.TestCell(exercise).CleanCopy());
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
                cell.SetSource(parameters);
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

        return new MergedSubmission(Notebook.Create(key.Path, key.Notebook.Metadata, merged), testCells, solutionCells);
    }
}
