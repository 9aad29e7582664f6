using L1Lab.Notebooks;

namespace L1Lab.Workshop;

/// <summary>
/// An instructor notebook used as the grading key: its exercises (test cells with the solution above each) and its
/// cells, whose full tests, hidden ones included, replace a learner's.
/// </summary>
public sealed class AnswerKey
{
    AnswerKey(Notebook notebook, IReadOnlyList<KeyExercise> exercises)
    {
        Notebook = notebook;
        Exercises = exercises;
    }

    /// <summary>The key notebook's path.</summary>
    public string Path => Notebook.Path;

    /// <summary>The notebook's file name, which a submission must share.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The exercises in notebook order.</summary>
    public IReadOnlyList<KeyExercise> Exercises { get; }

    /// <summary>Total points of the notebook.</summary>
    public double MaxPoints => Exercises.Sum(e => e.Points);

    internal Notebook Notebook { get; }

    internal IReadOnlyList<NotebookCell> Cells => Notebook.Cells;

    /// <summary>The key's test cell for <paramref name="exercise"/>.</summary>
    internal NotebookCell TestCell(KeyExercise exercise) => Cells.First(c => NbgraderCell.Read(c)?.GradeId == exercise.TestId);

    /// <summary>The source of the key's cell tagged <c>parameters</c>, or null.</summary>
    internal string? ParametersSource => Cells.FirstOrDefault(IsParametersCell)?.Source;

    internal static bool IsParametersCell(NotebookCell cell) => cell.IsCode && cell.Tags.Contains("parameters", StringComparer.Ordinal);

    /// <summary>Reads an instructor notebook and lists its exercises.</summary>
    /// <exception cref="NotebookFormatException">The file is not a readable nbformat 4 notebook.</exception>
    /// <exception cref="WorkshopException">Two graded cells share a grade_id.</exception>
    public static AnswerKey Load(string path)
    {
        var notebook = Notebook.Load(path);
        var cells = notebook.Cells;
        var ids = cells.Select(NbgraderCell.Read).OfType<NbgraderCell>().GroupBy(m => m.GradeId).FirstOrDefault(g => g.Count() > 1);
        if (ids is not null) throw new WorkshopException(path, $"grade_id \"{ids.Key}\" is used by {ids.Count()} cells");

        var exercises = new List<KeyExercise>();
        string? solution = null;
        string? title = null;
        foreach (var cell in cells)
        {
            if (cell.CellType == "markdown" && Heading(cell.Source) is { } heading) title = heading;
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
        return new AnswerKey(notebook, exercises);
    }

    internal static string? Heading(string markdown) =>
        markdown.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith('#'))?.TrimStart('#').Trim() is { Length: > 0 } h ? h : null;
}
