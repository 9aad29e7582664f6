using System.Text.RegularExpressions;

namespace L1Lab.Cli.Tests;

/// <summary>
/// README.md's Layout table is how a newcomer learns the architecture from the folders, so it must match the tree:
/// every project under lib/ and every top-level folder has a row (a folder may be covered by rows for its
/// children, as lib/ is by one row per project), and every row names something that exists. The Chinese README
/// links to the English one for the layout and has no table of its own.
/// </summary>
public sealed partial class ReadmeLayoutTests
{
    static readonly string Readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));

    /// <summary>The first column of the table under "## Layout": paths in backticks, folders ending with "/".</summary>
    static List<string> Rows()
    {
        var section = LayoutSection().Match(Readme);
        Assert.True(section.Success, "README.md has no \"## Layout\" section");
        return [.. section.Groups["body"].Value.Split('\n').Select(l => FirstCell().Match(l)).Where(m => m.Success).Select(m => m.Groups["path"].Value)];
    }

    /// <summary>Top-level folders of the repository, without git's own and those .gitignore names (build outputs).</summary>
    static List<string> TopLevelFolders()
    {
        var ignored = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, ".gitignore"))
            .Where(l => l.EndsWith('/')).Select(l => l.TrimEnd('/')).Append(".git").ToHashSet(StringComparer.Ordinal);
        return [.. new DirectoryInfo(TestPaths.RepoRoot).EnumerateDirectories().Select(d => d.Name).Where(n => !ignored.Contains(n)).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void Every_row_names_a_file_or_folder_that_exists()
    {
        var missing = Rows().Where(p => p.EndsWith('/')
            ? !Directory.Exists(Path.Combine(TestPaths.RepoRoot, p))
            : !File.Exists(Path.Combine(TestPaths.RepoRoot, p))).ToList();

        Assert.True(missing.Count == 0, $"README.md's Layout table names what does not exist: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_project_under_lib_has_its_own_row()
    {
        var projects = Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "lib"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(TestPaths.RepoRoot, Path.GetDirectoryName(p)!).Replace('\\', '/') + "/").Order(StringComparer.Ordinal).ToList();

        var missing = projects.Except(Rows()).ToList();

        Assert.NotEmpty(projects);
        Assert.True(missing.Count == 0, $"README.md's Layout table lacks a row for {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_top_level_folder_has_a_row_or_rows_for_its_contents()
    {
        var rows = Rows();

        var missing = TopLevelFolders().Where(f => !rows.Any(r => r.StartsWith(f + "/", StringComparison.Ordinal))).ToList();

        Assert.True(missing.Count == 0, $"README.md's Layout table lacks a row for {string.Join(", ", missing.Select(m => m + "/"))}");
    }

    [Fact]
    public void The_table_reader_finds_the_rows()
    {
        var rows = Rows();

        Assert.Contains("lib/L1Lab/", rows);
        Assert.Contains("notebooks/", rows);
        Assert.Contains("tests/", TopLevelFolders().Select(f => f + "/"));
    }

    [GeneratedRegex(@"^## Layout\n(?<body>.*?)(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex LayoutSection();

    [GeneratedRegex(@"^\|\s*`(?<path>[^`]+)`\s*\|")]
    private static partial Regex FirstCell();
}
