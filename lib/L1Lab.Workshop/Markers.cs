namespace L1Lab.Workshop;

/// <summary>The nbgrader region markers, written as C# line comments in the course notebooks.</summary>
public static class Markers
{
    /// <summary>Starts the instructor's answer in a solution cell.</summary>
    public const string BeginSolution = "BEGIN SOLUTION";

    /// <summary>Ends the instructor's answer.</summary>
    public const string EndSolution = "END SOLUTION";

    /// <summary>Starts tests that only the grader runs.</summary>
    public const string BeginHiddenTests = "BEGIN HIDDEN TESTS";

    /// <summary>Ends the hidden tests.</summary>
    public const string EndHiddenTests = "END HIDDEN TESTS";

    /// <summary>True when <paramref name="line"/> is a comment line holding exactly <paramref name="marker"/> (<c>// BEGIN SOLUTION</c>).</summary>
    public static bool IsMarker(string line, string marker)
    {
        var text = line.Trim();
        if (!text.StartsWith("//", StringComparison.Ordinal) && !text.StartsWith('#')) return false;
        return string.Equals(text.TrimStart('/', '#').Trim(), marker, StringComparison.Ordinal);
    }

    /// <summary>True when <paramref name="text"/> contains any marker's words (a release must contain none).</summary>
    public static bool AnyIn(string text) =>
        new[] { BeginSolution, EndSolution, BeginHiddenTests, EndHiddenTests }.Any(m => text.Contains(m, StringComparison.Ordinal));
}
