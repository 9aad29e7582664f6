using L1Lab.Authoring.Export;

namespace L1Lab.Notebooks.Tests.Export;

/// <summary>
/// lessons/ is the course's third edition, generated like notebooks/zh-CN/: after any notebook edit it must be exported
/// again. Named like the other edition tests, so the course test filter that notebook authors run (…~Edition…) catches
/// a stale lesson before it lands.
/// </summary>
public sealed class LessonEditionTests
{
    [Fact]
    public void The_committed_lessons_equal_a_fresh_export_of_every_notebook_in_both_editions()
    {
        // Given every course notebook, English and zh-CN
        var notebooks = LessonExport.CourseNotebooks(TestPaths.Notebooks);
        Assert.Contains(notebooks, n => n.EndsWith(Path.Combine("zh-CN", "01-loss.ipynb"), StringComparison.Ordinal));

        // When they are exported to lessons/, nothing written
        var lessons = Path.Combine(TestPaths.RepoRoot, "lessons");
        var plan = LessonExport.Plan(notebooks, TestPaths.Notebooks, lessons);

        // Then each lesson file holds exactly its export, and no lesson is left without a notebook
        var stale = plan.Where(l => !l.UpToDate).Select(l => Path.GetRelativePath(TestPaths.RepoRoot, l.OutputPath))
            .Concat(LessonExport.Orphans(plan, lessons).Select(o => Path.GetRelativePath(TestPaths.RepoRoot, o) + " (no notebook)"))
            .ToList();
        Assert.True(stale.Count == 0,
            $"stale lessons, run `dotnet run --project lib/L1Lab.Cli -- notebooks export --to cs`: {string.Join(", ", stale)}");
        Assert.Equal(notebooks.Count, plan.Count);
    }
}
