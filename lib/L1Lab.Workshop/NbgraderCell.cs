using System.Text.Json.Nodes;
using L1Lab.Notebooks;

namespace L1Lab.Workshop;

/// <summary>
/// A cell's nbgrader metadata (<c>metadata.nbgrader</c>, schema 3): an exercise's solution cell has
/// <c>solution: true</c>; its test cell has <c>grade: true</c> and <c>points</c>. Reading it never throws:
/// a learner's notebook may carry anything there.
/// </summary>
/// <param name="GradeId">The cell's id among the notebook's graded cells.</param>
/// <param name="Solution">True for a cell the learner writes (between the solution markers).</param>
/// <param name="Grade">True for a cell whose successful run earns <paramref name="Points"/>.</param>
/// <param name="Points">What a passing test cell is worth; 0 for other cells.</param>
public sealed record NbgraderCell(string GradeId, bool Solution, bool Grade, double Points)
{
    /// <summary>True for an autograded test cell (graded, not written by the learner).</summary>
    public bool IsTest => Grade && !Solution;

    /// <summary>True for a solution cell the learner fills in.</summary>
    public bool IsSolution => Solution && !Grade;

    /// <summary>The metadata of <paramref name="cell"/>, or null when it has no usable nbgrader grade_id.</summary>
    public static NbgraderCell? Read(NotebookCell cell)
    {
        if (cell.Metadata["nbgrader"] is not JsonObject nbgrader) return null;
        if (String(nbgrader["grade_id"]) is not { Length: > 0 } id) return null;
        var points = nbgrader["points"] is JsonValue p && p.TryGetValue(out double d) && double.IsFinite(d) && d >= 0 ? d : 0;
        return new NbgraderCell(id, Bool(nbgrader["solution"]), Bool(nbgrader["grade"]), points);
    }

    static bool Bool(JsonNode? node) => node is JsonValue v && v.TryGetValue(out bool b) && b;

    static string? String(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) ? s : null;
}
