using System.Globalization;
using System.Text.RegularExpressions;

namespace L1Lab.Notebooks.Tests;

public sealed partial class CourseNotebooksTests
{
    /// <summary>
    /// The README's teacher section states how many exercises and points each notebook has; those numbers are counted
    /// here from the notebooks' nbgrader cells (a graded cell is one exercise worth its points), so a new exercise or
    /// notebook cannot leave the README behind.
    /// </summary>
    [Fact]
    public void The_readme_states_the_exercises_and_points_the_notebooks_grade()
    {
        var perNotebook = NotebookFiles().Select(file =>
        {
            var graded = ReadJson(file)["cells"]!.AsArray()
                .Select(c => c!["metadata"]?["nbgrader"])
                .Where(g => g is not null && (bool?)g["grade"] == true)
                .ToList();
            return (Number: file[..2], Exercises: graded.Count, Points: graded.Sum(g => (double?)g!["points"] ?? 0));
        }).ToList();
        Assert.NotEmpty(perNotebook);
        string P(double points) => points.ToString(CultureInfo.InvariantCulture);
        var expected = $"{perNotebook.Sum(n => n.Exercises)} exercises worth {P(perNotebook.Sum(n => n.Points))} points in all\n" +
                       $"(exercises/points: {string.Join(", ", perNotebook.Select(n => $"{n.Number} {n.Exercises}/{P(n.Points)}"))})";

        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));
        var stated = Regex.Match(readme, @"\d+ exercises worth \d+ points in all\s+\(exercises/points: [^)]*\)");

        Assert.True(stated.Success, "README.md no longer states the exercises and points (\"N exercises worth P points in all (exercises/points: …)\")");
        Assert.Equal(Regex.Replace(expected, @"\s+", " "), Regex.Replace(stated.Value, @"\s+", " "));
    }
}
