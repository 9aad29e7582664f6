using L1Lab.Cli.Reports;

namespace L1Lab.Cli.Tests;

public sealed class ReadmeResultsTests
{
    [Fact]
    public void README_results_block_is_what_the_committed_result_files_give()
    {
        // Given the committed result files and README.md
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));

        // When the block is regenerated from them
        var regenerated = ReadmeResults.Update(readme, ReadmeResults.Render(TestPaths.RepoRoot));

        // Then nothing changes: every number in the block comes from results/, none was edited by hand
        Assert.True(regenerated == readme,
            "README.md's results block differs from the result files; run `dotnet run --project lib/L1Lab.Cli -- readme` and commit README.md.");
    }

    [Fact]
    public void Update_replaces_only_the_text_between_the_markers()
    {
        var readme = $"# Title\n\n{ReadmeResults.Begin}\nold | 94.77 %\n{ReadmeResults.End}\n\nafter\n";

        var updated = ReadmeResults.Update(readme, "new block\n");

        Assert.Equal($"# Title\n\n{ReadmeResults.Begin}\nnew block\n{ReadmeResults.End}\n\nafter\n", updated);
    }

    [Fact]
    public void Update_refuses_a_README_without_the_markers()
    {
        Assert.Throws<FormatException>(() => ReadmeResults.Update("# Title\n", "block\n"));
        Assert.Throws<FormatException>(() => ReadmeResults.Update($"{ReadmeResults.End}\n{ReadmeResults.Begin}\n", "block\n"));
    }
}
