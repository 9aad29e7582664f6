using System.Text.Json.Nodes;
using L1Lab.Notebooks;
using L1Lab.Workshop;

namespace L1Lab.Cli.Tests.Workshop;

public sealed class MergedSubmissionTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("l1lab-merge-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    const string KeyTest = "Check(1);\n// BEGIN HIDDEN TESTS\nCheck(2);\n// END HIDDEN TESTS";

    AnswerKey Key()
    {
        var path = Path.Combine(_folder, "n.ipynb");
        File.WriteAllText(path, StudentReleaseTests.Notebook(
            ("code", "var setup = 1;", null),
            ("markdown", "### Exercise 1: one", null),
            ("code", "// BEGIN SOLUTION\nvoid Check(int x) { }\n// END SOLUTION", StudentReleaseTests.Meta("one-solution", solution: true)),
            ("code", KeyTest, StudentReleaseTests.Meta("one", solution: false)),
            ("code", "var after = 2;", null)));
        return AnswerKey.Load(path);
    }

    static Notebook Submission(params (string Type, string Source, JsonObject? Metadata)[] cells) =>
        Notebook.Parse("submitted.ipynb", StudentReleaseTests.Notebook(cells));

    static List<string> Sources(MergedSubmission merged) => merged.Notebook.Cells.Select(c => c.Source).ToList();

    [Fact]
    public void The_learners_edited_test_is_replaced_by_the_keys_full_test()
    {
        var merged = MergedSubmission.Create(Key(), Submission(
            ("code", "var setup = 1;", null),
            ("code", "void Check(int x) { }", StudentReleaseTests.Meta("one-solution", solution: true)),
            ("code", "// tests removed by the learner", StudentReleaseTests.Meta("one", solution: false)),
            ("code", "var after = 2;", null)));

        Assert.Equal(["var setup = 1;", "void Check(int x) { }", KeyTest, "var after = 2;"], Sources(merged));
        Assert.Equal(3, merged.TestCells["one"]);
        Assert.Equal(2, merged.SolutionCells["one"]);
    }

    [Fact]
    public void A_deleted_or_misplaced_test_runs_once_right_after_the_solution()
    {
        var deleted = MergedSubmission.Create(Key(), Submission(
            ("code", "var setup = 1;", null),
            ("code", "void Check(int x) { }", StudentReleaseTests.Meta("one-solution", solution: true)),
            ("code", "var after = 2;", null)));
        var moved = MergedSubmission.Create(Key(), Submission(
            ("code", "Check(1);", StudentReleaseTests.Meta("one", solution: false)),
            ("code", "var setup = 1;", null),
            ("code", "void Check(int x) { }", StudentReleaseTests.Meta("one-solution", solution: true))));

        Assert.Equal(["var setup = 1;", "void Check(int x) { }", KeyTest, "var after = 2;"], Sources(deleted));
        Assert.Equal(["var setup = 1;", "void Check(int x) { }", KeyTest], Sources(moved));
    }

    [Fact]
    public void Without_its_solution_cell_the_test_stays_where_the_learner_had_it()
    {
        var merged = MergedSubmission.Create(Key(), Submission(
            ("code", "var setup = 1;", null),
            ("code", "Check(1);", StudentReleaseTests.Meta("one", solution: false)),
            ("code", "var after = 2;", null)));

        Assert.Equal(["var setup = 1;", KeyTest, "var after = 2;"], Sources(merged));
        Assert.False(merged.SolutionCells.ContainsKey("one"));
    }
}
