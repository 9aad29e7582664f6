using System.Text.Json.Nodes;
using L1Lab.Workshop;

namespace L1Lab.Cli.Tests.Workshop;

public sealed class StudentReleaseTests
{
    public static TheoryData<string> CourseNotebooks()
    {
        var data = new TheoryData<string>();
        foreach (var file in CourseFiles.Notebooks()) data.Add(file);
        return data;
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks))]
    public void A_release_contains_no_solution_and_no_hidden_test_text(string file)
    {
        var path = Path.Combine(CourseFiles.NotebooksFolder, file);
        var key = CourseFiles.Read(path);
        var secret = new List<string>();
        var open = new List<string>();
        foreach (var cell in CourseFiles.Cells(key))
        {
            var inside = false;
            foreach (var line in CourseFiles.Source(cell!).Split('\n'))
            {
                var t = line.Trim();
                if (t is "// BEGIN SOLUTION" or "// BEGIN HIDDEN TESTS") inside = true;
                else if (t is "// END SOLUTION" or "// END HIDDEN TESTS") inside = false;
                else (inside ? secret : open).Add(t);
            }
        }
        // Lines that also appear outside any region (a closing brace, a common call) say nothing about the answer.
        var distinctive = secret.Where(l => l.Length >= 12).Except(open).ToList();
        Assert.NotEmpty(distinctive);

        var release = CourseFiles.Read(Write(path));

        var text = string.Join("\n", CourseFiles.Cells(release).Select(c => CourseFiles.Source(c!)));
        var lines = text.Split('\n').Select(l => l.Trim()).ToHashSet();
        Assert.DoesNotContain(distinctive, lines.Contains);
        foreach (var marker in new[] { "BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS" })
            Assert.DoesNotContain(marker, text, StringComparison.Ordinal);
        var solutions = CourseFiles.Cells(release).Where(c => (bool?)c!["metadata"]?["nbgrader"]?["solution"] == true).ToList();
        Assert.NotEmpty(solutions);
        Assert.All(solutions, c => Assert.Contains("throw new NotImplementedException(\"Exercise ", CourseFiles.Source(c!), StringComparison.Ordinal));
        Assert.All(CourseFiles.Cells(release).Where(c => (string?)c!["cell_type"] == "code"),
            c => Assert.True(c!["outputs"] is JsonArray { Count: 0 } && c["execution_count"] is null));
    }

    [Fact]
    public void A_stub_keeps_the_indentation_and_names_the_exercise()
    {
        const string solution = "int Twice(int x)\n{\n    // BEGIN SOLUTION\n    return 2 * x;\n    // END SOLUTION\n}";
        const string test = "if (Twice(2) != 4) throw new Exception(\"no\");\n// BEGIN HIDDEN TESTS\nif (Twice(5) != 10) throw new Exception(\"secret\");\n// END HIDDEN TESTS";
        var json = Notebook(("markdown", "### Exercise 1: \"Twice\"", null), ("code", solution, Meta("twice-solution", solution: true)), ("code", test, Meta("twice", solution: false)));

        var release = JsonNode.Parse(StudentRelease.Create("n.ipynb", json))!;

        var cells = release["cells"]!.AsArray();
        Assert.Equal("int Twice(int x)\n{\n    throw new NotImplementedException(\"Exercise 1: \\\"Twice\\\" (n.ipynb) is not done yet: replace this line with your solution.\");\n}",
            CourseFiles.Source(cells[1]!));
        Assert.Equal("if (Twice(2) != 4) throw new Exception(\"no\");", CourseFiles.Source(cells[2]!));
        Assert.Equal("twice", CourseFiles.GradeId(cells[2]));
    }

    [Fact]
    public void An_unpaired_marker_is_an_error_naming_the_cell()
    {
        var json = Notebook(("code", "// BEGIN SOLUTION\nvar x = 1;", Meta("x", solution: true)));

        var e = Assert.Throws<WorkshopException>(() => StudentRelease.Create("n.ipynb", json));

        Assert.Equal("n.ipynb: cell 1: BEGIN SOLUTION without END SOLUTION", e.Message);
    }

    string Write(string path)
    {
        var folder = Directory.CreateTempSubdirectory("l1lab-release-").FullName;
        var target = Path.Combine(folder, Path.GetFileName(path));
        File.WriteAllText(target, StudentRelease.Create(path, File.ReadAllText(path)));
        return target;
    }

    internal static JsonObject Meta(string id, bool solution, int points = 1) => new()
    {
        ["nbgrader"] = solution
            ? new JsonObject { ["grade"] = false, ["grade_id"] = id, ["locked"] = false, ["schema_version"] = 3, ["solution"] = true }
            : new JsonObject { ["grade"] = true, ["grade_id"] = id, ["locked"] = true, ["points"] = points, ["schema_version"] = 3, ["solution"] = false },
    };

    internal static string Notebook(params (string Type, string Source, JsonObject? Metadata)[] cells) => new JsonObject
    {
        ["cells"] = new JsonArray([.. cells.Select((c, i) => (JsonNode)new JsonObject
        {
            ["cell_type"] = c.Type,
            ["id"] = $"c{i}",
            ["metadata"] = c.Metadata ?? new JsonObject(),
            ["source"] = c.Source,
        })]),
        ["metadata"] = new JsonObject(),
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    }.ToJsonString();
}
