using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using L1Lab.Authoring.Translation;

namespace L1Lab.Notebooks.Tests;

/// <summary>
/// Every cross-reference in the course's prose points at something that exists, in both editions: "section N" and
/// "§N" at a "## N." heading of the same notebook, "notebook NN, section N" at one of notebook NN, "exercise N" at an
/// "### Exercise N" heading (of notebook NN when the prose names one), "notebook NN" at a file; in Chinese 第 N 节,
/// 练习 N and 笔记本 NN likewise. And every zh-CN markdown cell has the same headings (level and number) as its
/// English cell, so a translation cannot drop or renumber a section that the prose refers to.
/// </summary>
public sealed partial class CrossReferenceTests
{
    static readonly Lazy<string> NotebooksFolder = new(() => TestPaths.Notebooks);

    /// <summary>File names of the English notebooks, in course order.</summary>
    public static TheoryData<string> EnglishNotebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Edition.EnglishNotebooks(NotebooksFolder.Value)) data.Add(Path.GetFileName(path));
        return data;
    }

    sealed record Cell(string Id, string Type, string Source);

    static IReadOnlyList<Cell> Cells(string path) =>
        JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray().Select(c => new Cell(
            (string?)c!["id"] ?? "",
            (string)c["cell_type"]!,
            c["source"] is JsonArray lines ? string.Concat(lines.Select(l => (string)l!)) : (string?)c["source"] ?? "")).ToList();

    /// <summary>Prose lines of a markdown cell, with code fences and inline code removed (identifiers are not prose).</summary>
    static IEnumerable<string> ProseLines(string markdown)
    {
        var inFence = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) { inFence = !inFence; continue; }
            if (!inFence) yield return InlineCode().Replace(line, "");
        }
    }

    /// <summary>(level, number or null) of every heading line, e.g. "## 5. A scan" → (2, "5"), "### Exercise 2: …" → (3, "2").</summary>
    static IReadOnlyList<(int Level, string? Number)> Headings(string markdown) =>
        ProseLines(markdown).Select(l => HeadingLine().Match(l)).Where(m => m.Success)
            .Select(m => (m.Groups["hashes"].Length, m.Groups["number"].Success ? m.Groups["number"].Value : null)).ToList();

    sealed record Targets(HashSet<string> Sections, HashSet<string> Exercises);

    static Targets TargetsOf(IEnumerable<Cell> cells)
    {
        var sections = new HashSet<string>(StringComparer.Ordinal);
        var exercises = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in cells.Where(c => c.Type == "markdown"))
            foreach (var line in ProseLines(cell.Source))
            {
                if (SectionHeading().Match(line) is { Success: true } s) sections.Add(s.Groups["n"].Value);
                if (ExerciseHeading().Match(line) is { Success: true } e) exercises.Add(e.Groups["n"].Value);
            }
        return new Targets(sections, exercises);
    }

    static string? NotebookFile(string number) =>
        Edition.EnglishNotebooks(NotebooksFolder.Value).Select(Path.GetFileName).FirstOrDefault(f => f!.StartsWith(number + "-", StringComparison.Ordinal));

    /// <summary>Every unresolved reference of one notebook file, as "cell ID: 'text' → what is missing".</summary>
    static List<string> Unresolved(string path, bool chinese)
    {
        var cells = Cells(path);
        var own = TargetsOf(cells);
        var problems = new List<string>();
        Targets Of(string number)
        {
            var file = NotebookFile(number)!;
            return TargetsOf(Cells(chinese ? Path.Combine(NotebooksFolder.Value, "zh-CN", file) : Path.Combine(NotebooksFolder.Value, file)));
        }
        foreach (var cell in cells.Where(c => c.Type == "markdown"))
            foreach (var line in ProseLines(cell.Source))
            {
                if (HeadingLine().IsMatch(line)) continue;
                var pattern = chinese ? ChineseReference() : EnglishReference();
                foreach (Match m in pattern.Matches(line))
                {
                    var notebook = m.Groups["nb"].Success ? m.Groups["nb"].Value : null;
                    if (notebook is not null && NotebookFile(notebook) is null)
                    {
                        problems.Add($"{cell.Id}: '{m.Value}' → there is no notebook {notebook}");
                        continue;
                    }
                    var targets = notebook is null ? own : Of(notebook);
                    var where = notebook is null ? "this notebook" : $"notebook {notebook}";
                    if (m.Groups["sec"].Success && !targets.Sections.Contains(m.Groups["sec"].Value))
                        problems.Add($"{cell.Id}: '{m.Value}' → {where} has no section {m.Groups["sec"].Value}");
                    if (m.Groups["ex"].Success && !targets.Exercises.Contains(m.Groups["ex"].Value))
                        problems.Add($"{cell.Id}: '{m.Value}' → {where} has no exercise {m.Groups["ex"].Value}");
                }
            }
        // Code comments in exercise test cells cite sections too ("// Test: section 2's λ …").
        foreach (var cell in cells.Where(c => c.Type == "code"))
            foreach (Match m in CodeSectionReference().Matches(cell.Source))
                if (!own.Sections.Contains(m.Groups["sec"].Value))
                    problems.Add($"{cell.Id}: '{m.Value}' → this notebook has no section {m.Groups["sec"].Value}");
        return problems;
    }

    [Theory]
    [MemberData(nameof(EnglishNotebooks))]
    public void Every_reference_in_the_English_prose_resolves(string file)
    {
        var problems = Unresolved(Path.Combine(NotebooksFolder.Value, file), chinese: false);
        Assert.True(problems.Count == 0, $"notebooks/{file}:\n  " + string.Join("\n  ", problems));
    }

    [Theory]
    [MemberData(nameof(EnglishNotebooks))]
    public void Every_reference_in_the_Chinese_prose_resolves(string file)
    {
        var path = Path.Combine(NotebooksFolder.Value, "zh-CN", file);
        Assert.True(File.Exists(path), $"notebooks/zh-CN/{file} is missing");
        var problems = Unresolved(path, chinese: true);
        Assert.True(problems.Count == 0, $"notebooks/zh-CN/{file}:\n  " + string.Join("\n  ", problems));
    }

    [Theory]
    [MemberData(nameof(EnglishNotebooks))]
    public void Every_Chinese_cell_has_the_headings_of_its_English_cell(string file)
    {
        var english = Cells(Path.Combine(NotebooksFolder.Value, file)).Where(c => c.Type == "markdown").ToDictionary(c => c.Id);
        var chinese = Cells(Path.Combine(NotebooksFolder.Value, "zh-CN", file)).Where(c => c.Type == "markdown");
        var problems = new List<string>();
        foreach (var cell in chinese)
        {
            if (!english.TryGetValue(cell.Id, out var source)) continue;   // the translation tests report orphans
            var (want, got) = (Headings(source.Source), Headings(cell.Source));
            if (!want.SequenceEqual(got))
                problems.Add($"{cell.Id}: English {Describe(want)}, zh-CN {Describe(got)}");
        }
        Assert.True(problems.Count == 0, $"notebooks/zh-CN/{file} headings differ from the English cells':\n  " + string.Join("\n  ", problems));
    }

    [Fact]
    public void The_patterns_find_the_references_they_are_meant_to_find()
    {
        // Given prose with one reference of each kind (so a pattern that silently matches nothing fails here)
        var english = EnglishReference().Matches("see section 3, §2, exercise 1, notebook 04's exercise 2 and [notebook 02, section 6](x)").Select(m => m.Value).ToList();
        var chinese = ChineseReference().Matches("见第 5 节、练习 2、笔记本 04 的练习 1 和[笔记本 02 第 6 节](x)").Select(m => m.Value).ToList();

        Assert.Equal(["section 3", "§2", "exercise 1", "notebook 04's exercise 2", "notebook 02, section 6"], english);
        Assert.Equal(["第 5 节", "练习 2", "笔记本 04 的练习 1", "笔记本 02 第 6 节"], chinese);
        Assert.Equal([(2, "5"), (3, "2"), (2, (string?)null)], Headings("## 5. A scan\ntext\n### Exercise 2: x\n## Summary"));
        Assert.Equal([(2, "5"), (3, "2")], Headings("## 5. 小范围扫描\n### 练习 2：x"));
    }

    static string Describe(IReadOnlyList<(int Level, string? Number)> headings) =>
        headings.Count == 0 ? "(none)" : string.Join(", ", headings.Select(h => new string('#', h.Level) + (h.Number is null ? "" : " " + h.Number)));

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^(?<hashes>#{1,6})\s+(?:(?:Exercise|练习)\s*)?(?<number>\d+)?")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"^##\s+(?<n>\d+)\.")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^###\s+(?:Exercise|练习)\s*(?<n>\d+)")]
    private static partial Regex ExerciseHeading();

    // "notebook NN, section N" / "notebook NN's exercise N" / "notebook NN" / "section N" / "§N" / "exercise N".
    [GeneratedRegex(@"(?:[Nn]otebook (?<nb>\d\d)(?:(?:,| and| in)? (?:[Ss]ection (?<sec>\d+)|§(?<sec>\d+))|(?:'s|,)? [Ee]xercise (?<ex>\d+))?)|(?:[Ss]ections? (?<sec>\d+)(?!\.\d))|(?:§(?<sec>\d+)(?![.\d]))|(?:[Ee]xercise (?<ex>\d+))")]
    private static partial Regex EnglishReference();

    [GeneratedRegex(@"(?:笔记本 ?(?<nb>\d\d)(?:(?:（| )?第 ?(?<sec>\d+) ?节| ?的练习 ?(?<ex>\d+))?)|(?:第 ?(?<sec>\d+) ?节)|(?:§(?<sec>\d+)(?![.\d]))|(?:练习 ?(?<ex>\d+))")]
    private static partial Regex ChineseReference();

    [GeneratedRegex(@"// Test: [Ss]ection (?<sec>\d+)")]
    private static partial Regex CodeSectionReference();
}
