using L1Lab.Notebooks;

namespace L1Lab.Workshop;

/// <summary>
/// Finds the key notebook for a submission whose file name matches none (a browser saves a second download as
/// "02-l1-penalty (1).ipynb"): the key whose exercises' grade_ids the submission's nbgrader cells share most.
/// </summary>
internal static class KeyMatch
{
    /// <summary>
    /// The key among <paramref name="keys"/> sharing the most grade_ids with <paramref name="submission"/>'s graded
    /// and solution cells; null when none shares one, or when two keys share equally many (said in <paramref name="why"/>).
    /// </summary>
    public static AnswerKey? ByExercises(string submission, IReadOnlyList<AnswerKey> keys, out string why)
    {
        HashSet<string> ids;
        try
        {
            ids = Notebook.Load(submission).Cells.Select(NbgraderCell.Read).OfType<NbgraderCell>().Select(c => c.GradeId).ToHashSet(StringComparer.Ordinal);
        }
        catch (NotebookException)
        {
            why = "the file is not a readable notebook";
            return null;
        }
        var ranked = keys
            .Select(k => (Key: k, Shared: k.Exercises.Count(e => ids.Contains(e.TestId) || e.SolutionId is { } s && ids.Contains(s))))
            .Where(m => m.Shared > 0).OrderByDescending(m => m.Shared).ThenBy(m => m.Key.FileName, StringComparer.Ordinal).ToList();
        if (ranked.Count == 0)
        {
            why = "none of its cells carries the exercise ids of an instructor notebook";
            return null;
        }
        if (ranked.Count > 1 && ranked[1].Shared == ranked[0].Shared)
        {
            why = $"its exercise ids fit {ranked[0].Key.FileName} and {ranked[1].Key.FileName} equally well";
            return null;
        }
        why = $"graded against {ranked[0].Key.FileName}, which its exercise ids match ({ranked[0].Shared} of {ranked[0].Key.Exercises.Count}), as no instructor notebook has its file name";
        return ranked[0].Key;
    }
}
