namespace L1Lab.Cli.Tests.Workshop;

/// <summary>A submission whose file name matches no key notebook is graded against the key its exercise ids match.</summary>
[Collection(SandboxedGrading.Name)]
public sealed class KeyMatchTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("l1lab-keymatch-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_renamed_download_is_graded_against_the_key_its_exercises_match_and_says_so()
    {
        var submissions = Path.Combine(_folder, "submissions");
        Directory.CreateDirectory(submissions);
        File.Copy(Path.Combine(CourseFiles.NotebooksFolder, "02-l1-penalty.ipynb"), Path.Combine(submissions, "02-l1-penalty (1).ipynb"));
        var unrelated = CourseFiles.Read(Path.Combine(CourseFiles.NotebooksFolder, "02-l1-penalty.ipynb"));
        foreach (var cell in CourseFiles.Cells(unrelated)) cell!["metadata"]!.AsObject().Remove("nbgrader");
        File.WriteAllText(Path.Combine(submissions, "homework.ipynb"), unrelated.ToJsonString());
        var grades = Path.Combine(_folder, "grades");

        var result = App.Run(TimeSpan.FromMinutes(10), ["workshop", "grade", submissions, "--key", CourseFiles.NotebooksFolder, "--out", grades,
            "--cell-timeout", "60", "--set", "steps=200"]);

        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        var rows = WorkshopCommandTests.ReadCsv(Path.Combine(grades, "grades.csv"));
        var renamed = rows.Where(r => r["submission"].EndsWith("02-l1-penalty (1).ipynb", StringComparison.Ordinal)).ToList();
        Assert.Equal(["ex1-norms", "ex2-l2-minimiser", "ex3-proximal-limit"], renamed.Select(r => r["exercise"]));
        Assert.All(renamed, r => Assert.Equal(("02-l1-penalty.ipynb", "ok"), (r["notebook"], r["status"])));
        Assert.All(renamed, r => Assert.Contains("Graded against 02-l1-penalty.ipynb, which its exercise ids match (3 of 3)", r["message"], StringComparison.Ordinal));
        var other = Assert.Single(rows, r => r["submission"].EndsWith("homework.ipynb", StringComparison.Ordinal));
        Assert.Equal("error", other["status"]);
        Assert.Contains("none of its cells carries the exercise ids of an instructor notebook", other["message"], StringComparison.Ordinal);
    }
}
