namespace L1Lab.Cli.Tests.Workshop;

/// <summary>
/// <c>l1lab workshop grade</c> scores by the key's full test cell, hidden tests included: an answer tuned to the visible
/// test gets no points. The sandbox adds nothing to that question, so these gradings run with <c>--no-sandbox</c> on a
/// small pure C# key (no torch), which keeps them fast and out of the serialized sandbox collection.
/// </summary>
public sealed class HiddenTestGradingTests : IDisposable
{
    const string Name = "twice.ipynb";
    const string VisibleTest = "if (Twice(2) != 4) throw new Exception(\"Twice(2) should be 4\");";
    const string HiddenTest = "if (Twice(5) != 10) throw new Exception(\"Twice(5) should be 10\");";

    readonly string _folder = Directory.CreateTempSubdirectory("l1lab-hidden-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    static string Notebook(string solution, string test) => StudentReleaseTests.Notebook(
        ("markdown", "### Exercise 1: twice", null),
        ("code", solution, StudentReleaseTests.Meta("twice-solution", solution: true)),
        ("code", test, StudentReleaseTests.Meta("twice", solution: false, points: 2)));

    void Write(string relative, string json)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
    }

    [Fact]
    public void An_answer_that_passes_the_visible_test_and_fails_a_hidden_one_gets_no_points()
    {
        // Given a key whose test cell has a visible and a hidden test
        Write(Path.Combine("key", Name), Notebook("// BEGIN SOLUTION\nint Twice(int x) => 2 * x;\n// END SOLUTION",
            $"{VisibleTest}\n// BEGIN HIDDEN TESTS\n{HiddenTest}\n// END HIDDEN TESTS"));
        // and two learners, whose released test cell shows only the visible test: one answered right, one fitted that test
        Write(Path.Combine("submissions", "right", Name), Notebook("int Twice(int x) => x + x;", VisibleTest));
        Write(Path.Combine("submissions", "tuned", Name), Notebook("int Twice(int x) => x == 2 ? 4 : 0;", VisibleTest));

        // When the teacher grades them
        var grades = Path.Combine(_folder, "grades");
        var result = App.Run(["workshop", "grade", Path.Combine(_folder, "submissions"), "--key", Path.Combine(_folder, "key"),
            "--out", grades, "--no-sandbox", "--cell-timeout", "60"]);

        // Then the right answer gets both points and the tuned one none, failing on the hidden test's message
        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        var rows = WorkshopCommandTests.ReadCsv(Path.Combine(grades, "grades.csv"));
        Dictionary<string, string> Row(string learner) => rows.Single(r => r["submission"].Contains($"/{learner}/", StringComparison.Ordinal));
        Assert.Equal(("ok", "2", "2"), (Row("right")["status"], Row("right")["points"], Row("right")["max_points"]));
        var tuned = Row("tuned");
        Assert.Equal(("failed", "0", "2"), (tuned["status"], tuned["points"], tuned["max_points"]));
        Assert.Contains("Twice(5) should be 10", tuned["message"], StringComparison.Ordinal);
    }
}
