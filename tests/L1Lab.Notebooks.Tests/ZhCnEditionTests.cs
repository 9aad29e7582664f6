using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using L1Lab.Authoring.Translation;

namespace L1Lab.Notebooks.Tests;

/// <summary>
/// The committed zh-CN edition (<c>notebooks/zh-CN/</c>) against its single source of truth, the English notebooks
/// plus <c>notebooks/zh-CN/translations/*.md</c>: generated and committed agree, every markdown cell is translated
/// from the current English text, code cells are the English ones (library path one folder deeper), links
/// resolve, and the glossary's terms are used the same way everywhere. One case per English notebook.
/// </summary>
public sealed partial class ZhCnEditionTests
{
    const string Language = "zh-CN";
    const string Regenerate = "dotnet run --project lib/L1Lab.Cli -- notebooks translate --lang zh-CN";

    static readonly Lazy<string> NotebooksFolder = new(() => TestPaths.Notebooks);

    static string EditionFolder => Edition.Folder(NotebooksFolder.Value, Language);

    /// <summary>File names of the English notebooks, in course order.</summary>
    public static TheoryData<string> EnglishNotebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Edition.EnglishNotebooks(NotebooksFolder.Value)) data.Add(Path.GetFileName(path));
        return data;
    }

    static NotebookTranslation Plan(string file)
    {
        var english = Path.Combine(NotebooksFolder.Value, file);
        return Edition.Translate(english, Edition.TranslationPathFor(english, Language), Edition.OutputPathFor(english, Language));
    }

    [Theory]
    [MemberData(nameof(EnglishNotebooks))]
    public void Committed_notebook_is_exactly_what_the_generator_produces(string file)
    {
        var plan = Plan(file);

        Assert.True(File.Exists(plan.OutputPath), $"notebooks/zh-CN/{file} is missing: run {Regenerate}");
        Assert.True(plan.UpToDate, $"notebooks/zh-CN/{file} differs from what the English notebook and its translation file give: run {Regenerate}");
    }

    [Theory]
    [MemberData(nameof(EnglishNotebooks))]
    public void Every_markdown_cell_is_translated_from_the_current_English(string file)
    {
        var plan = Plan(file);

        var pending = string.Join("\n", plan.Pending.Select(c => $"  {c.State,-7} {c.CellId}  {c.FirstLine}")
            .Concat(plan.Orphans.Select(o => $"  orphan  {o}")));
        Assert.True(pending.Length == 0,
            $"{file}: cells to (re)translate in notebooks/zh-CN/translations/ (run {Regenerate} --update, translate, remove '| todo'):\n{pending}");

        var english = MarkdownById(ReadJson(Path.Combine(NotebooksFolder.Value, file)));
        var chinese = MarkdownById(ReadJson(plan.OutputPath));
        foreach (var (id, text) in chinese)
        {
            Assert.True(text != english[id], $"{file}: cell {id} is the English text, not a translation");
            Assert.True(Han().IsMatch(text), $"{file}: cell {id} has no Chinese in it");
        }
    }

    [Theory]
    [MemberData(nameof(EnglishNotebooks))]
    public void Code_cells_are_the_English_ones_with_the_library_path_one_folder_deeper_and_the_words_in_Chinese(string file)
    {
        var english = ReadJson(Path.Combine(NotebooksFolder.Value, file));
        var chinese = ReadJson(Path.Combine(EditionFolder, file));

        Assert.True(JsonNode.DeepEquals(english["metadata"], chinese["metadata"]), $"{file}: notebook metadata differs from the English");
        var en = english["cells"]!.AsArray().Select(c => c!.AsObject()).ToList();
        var zh = chinese["cells"]!.AsArray().Select(c => c!.AsObject()).ToList();
        Assert.Equal(en.Select(c => $"{c["cell_type"]} {c["id"]}"), zh.Select(c => $"{c["cell_type"]} {c["id"]}"));
        var libraryLines = 0;
        foreach (var (e, z) in en.Zip(zh).Where(p => (string?)p.First["cell_type"] == "code"))
        {
            var id = (string?)e["id"];
            Assert.True(JsonNode.DeepEquals(e["metadata"], z["metadata"]), $"{file}: code cell {id} has other metadata than the English");
            var enLines = Source(e).Split('\n');
            var zhLines = Source(z).Split('\n');
            Assert.True(enLines.Length == zhLines.Length, $"{file}: code cell {id} has another number of lines than the English");
            foreach (var (el, zl) in enLines.Zip(zhLines))
            {
                if (el == zl) continue;
                if (el.StartsWith("var words = Words.English;", StringComparison.Ordinal)
                    && zl == "var words = Words.For(\"zh-CN\");" + el["var words = Words.English;".Length..])
                    continue;   // the edition names its language for the sentences cells print (L1Lab.Words)
                Assert.True(LibraryReference().Match(el) is { Success: true } m && zl == m.Groups["prefix"].Value + "../" + el[m.Groups["prefix"].Length..],
                    $"{file}: code cell {id} differs from the English beyond the #r path and the words language:\n  en: {el}\n  zh: {zl}");
                libraryLines++;
            }
        }
        Assert.True(libraryLines > 0, $"{file}: no #r \"../…\" line was moved one folder deeper; the zh-CN notebook cannot load the library");
    }

    [Theory]
    [MemberData(nameof(EnglishNotebooks))]
    public void Every_relative_link_in_the_translation_points_to_a_file(string file)
    {
        var markdown = MarkdownById(ReadJson(Path.Combine(EditionFolder, file)));

        foreach (var (id, text) in markdown)
            foreach (var target in MarkdownLink().Matches(text).Select(m => m.Groups["target"].Value)
                         .Where(t => !t.Contains("://", StringComparison.Ordinal) && !t.StartsWith('#') && !t.StartsWith("mailto:", StringComparison.Ordinal))
                         .Select(t => t.Split('#')[0]))
            {
                var resolved = Path.Combine(EditionFolder, target);
                Assert.True(File.Exists(resolved) || Directory.Exists(resolved),
                    $"notebooks/zh-CN/{file}: cell {id} links to ({target}), which is nothing (links are relative to notebooks/zh-CN/)");
            }
    }

    [Fact]
    public void Glossary_terms_are_used_one_way_in_every_notebook()
    {
        // GLOSSARY.md table rows below the header: | English | 中文 | variants not used (、-separated) | note |
        var glossary = File.ReadAllLines(Path.Combine(EditionFolder, "GLOSSARY.md"));
        var avoided = glossary
            .SkipWhile(l => !l.StartsWith("|---", StringComparison.Ordinal))
            .Where(l => l.StartsWith('|') && !l.StartsWith("|---", StringComparison.Ordinal))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .Where(c => c.Length >= 5 && Han().IsMatch(c[2]))
            .SelectMany(c => c[3].Split(['、', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(v => v != "—" && v.Length > 0)
                .Select(v => (Preferred: c[2], Variant: v)))
            .ToList();
        Assert.True(avoided.Count >= 5, "GLOSSARY.md should list the variants not used for at least five terms");

        var problems = new List<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(EditionFolder, Edition.TranslationsFolderName), "*.md").Order(StringComparer.Ordinal))
            foreach (var entry in Path.GetFileName(path) == "printed-sentences.md"
                         ? SentenceCatalog.Parse(File.ReadAllText(path)).Select(e => new TranslationEntry(e.Key, "", e.Value, false))
                         : TranslationFile.Load(path))
                foreach (var (preferred, variant) in avoided.Where(a => entry.Text.Contains(a.Variant, StringComparison.Ordinal)))
                    problems.Add($"{Path.GetFileName(path)} cell {entry.CellId}: \"{variant}\" — the glossary writes {preferred}");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Notebook_04_says_plainly_what_went_wrong_in_the_articles()
    {
        var text = string.Join("\n", MarkdownById(ReadJson(Path.Combine(EditionFolder, "04-mnist-experiment.ipynb"))).Values);

        Assert.Contains("从未", text, StringComparison.Ordinal);   // λ declared, never applied
        Assert.Contains("平方和", text, StringComparison.Ordinal); // "L1" computed as a sum of squares
    }

    static JsonObject ReadJson(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();

    static string Source(JsonObject cell) => cell["source"] switch
    {
        JsonArray a => string.Concat(a.Select(n => (string?)n)),
        var v => (string?)v ?? "",
    };

    static Dictionary<string, string> MarkdownById(JsonObject notebook) =>
        notebook["cells"]!.AsArray().Select(c => c!.AsObject())
            .Where(c => (string?)c["cell_type"] == "markdown")
            .ToDictionary(c => (string)c["id"]!, Source, StringComparer.Ordinal);

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    [GeneratedRegex("""^(?<prefix>[ \t]*#r[ \t]+")\.\./""")]
    private static partial Regex LibraryReference();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
