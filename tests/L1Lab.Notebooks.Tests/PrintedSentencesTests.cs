using System.Text;
using System.Text.RegularExpressions;
using L1Lab.Authoring.Translation;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace L1Lab.Notebooks.Tests;

/// <summary>
/// The sentences notebooks print through <c>words.Say($"…")</c> (<see cref="Words"/>): every one has a Chinese form
/// in notebooks/zh-CN/translations/printed-sentences.md with the same holes, the catalog holds nothing stale, and the
/// same shared code cell prints English in the English edition and Chinese in the zh-CN one.
/// </summary>
public sealed partial class PrintedSentencesTests
{
    static string CatalogPath => Path.Combine(TestPaths.Notebooks, "zh-CN", Edition.TranslationsFolderName, "printed-sentences.md");

    /// <summary>
    /// Every <c>words.Say(…)</c> argument in the English notebooks, as the composite format <see cref="SentenceHandler"/>
    /// builds from it at run time (literal braces doubled, holes numbered with their alignment and format).
    /// </summary>
    static List<(string File, string Cell, string? Format)> SaidSentences()
    {
        var said = new List<(string, string, string?)>();
        foreach (var path in Edition.EnglishNotebooks(TestPaths.Notebooks))
            foreach (var cell in Notebook.Load(path).Cells.Where(c => c.IsCode))
            {
                var root = CSharpSyntaxTree.ParseText(cell.Source, CellSyntax.ParseOptions).GetRoot();
                foreach (var call in root.DescendantNodes().OfType<InvocationExpressionSyntax>()
                             .Where(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Say", Expression: IdentifierNameSyntax { Identifier.ValueText: "words" } }))
                    said.Add((Path.GetFileName(path), $"code cell {cell.Number}", FormatOf(call.ArgumentList.Arguments.Single().Expression)));
            }
        return said;
    }

    static string? FormatOf(Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax argument)
    {
        switch (argument)
        {
            case LiteralExpressionSyntax literal when literal.Token.Value is string text:
                return SentenceHandler.Escape(text);
            case InterpolatedStringExpressionSyntax interpolated:
                var format = new StringBuilder();
                var hole = 0;
                foreach (var part in interpolated.Contents)
                    if (part is InterpolatedStringTextSyntax text)
                        format.Append(SentenceHandler.Escape(text.TextToken.ValueText));
                    else if (part is InterpolationSyntax h)
                    {
                        format.Append('{').Append(hole++);
                        if (h.AlignmentClause is { } a) format.Append(',').Append(a.Value.ToString().Replace(" ", ""));
                        if (h.FormatClause is { } f) format.Append(':').Append(f.FormatStringToken.ValueText);
                        format.Append('}');
                    }
                return format.ToString();
            default:
                return null; // not a sentence written in place: the test reports it
        }
    }

    static IReadOnlyDictionary<string, string> Catalog() => SentenceCatalog.Parse(File.ReadAllText(CatalogPath));

    static IEnumerable<string> Holes(string format) =>
        HoleSyntax().Matches(format.Replace("{{", "").Replace("}}", "")).Select(m => m.Value).Order(StringComparer.Ordinal);

    [Fact]
    public void Every_sentence_a_notebook_says_has_a_Chinese_form_with_the_same_holes()
    {
        var catalog = Catalog();
        var said = SaidSentences();
        Assert.NotEmpty(said);
        Assert.All(said, s => Assert.True(s.Format is not null, $"{s.File} {s.Cell}: words.Say takes the sentence itself, an interpolated string or a literal"));
        var missing = said.Where(s => !catalog.ContainsKey(s.Format!)).Select(s => $"<!-- en: {s.Format} -->").Distinct().ToList();
        Assert.True(missing.Count == 0, $"no Chinese form for {missing.Count} printed sentence(s); add to {CatalogPath}:\n{string.Join("\n", missing)}");
        foreach (var (file, cell, format) in said)
        {
            var chinese = catalog[format!];
            Assert.True(Holes(format!).SequenceEqual(Holes(chinese)), $"{file} {cell}: the Chinese form has other holes than \"{format}\"");
            Assert.True(Han().IsMatch(chinese), $"{file} {cell}: the catalog's form of \"{format}\" has no Chinese in it");
        }
    }

    [Fact]
    public void The_catalog_holds_no_sentence_that_no_notebook_says_and_the_library_carries_the_file()
    {
        var said = SaidSentences().Select(s => s.Format).ToHashSet(StringComparer.Ordinal);
        var stale = Catalog().Keys.Where(k => !said.Contains(k)).ToList();
        Assert.True(stale.Count == 0, $"{CatalogPath}: no notebook says these any more:\n{string.Join("\n", stale)}");
        Assert.Equal(Catalog().Keys.Order(StringComparer.Ordinal), Words.For("zh-CN").Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_notebook_that_prints_sentences_names_its_language_in_the_setup_cell_and_the_edition_names_Chinese()
    {
        foreach (var file in SaidSentences().Select(s => s.File).Distinct())
        {
            var english = Notebook.Load(Path.Combine(TestPaths.Notebooks, file)).Cells.Where(c => c.IsCode).ElementAt(1).Source;
            var chinese = Notebook.Load(Path.Combine(TestPaths.Notebooks, "zh-CN", file)).Cells.Where(c => c.IsCode).ElementAt(1).Source;
            Assert.Matches(@"(?m)^var words = Words\.English;", english);
            Assert.Matches(@"(?m)^var words = Words\.For\(""zh-CN""\);", chinese);
        }
    }

    [Fact]
    public async Task The_same_cell_prints_English_in_the_English_edition_and_Chinese_in_the_zh_CN_edition()
    {
        using var temp = new TempNotebook();
        var english = temp.Write("01-words.ipynb",
            TempNotebook.Code($"{TestLibrary.Reference}\nusing L1Lab;\nvar words = Words.English;   // each edition names its own"),
            TempNotebook.Code("var candidates = 8;\nvar optimismInSe = 1.4234;\nwords.Say($\"the best of {candidates} equally good, independent models looks {optimismInSe:F2} standard errors better than it is\")"));
        var chinese = Path.Combine(temp.Directory, "zh-CN", "01-words.ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(chinese)!);
        Edition.Write(Edition.Translate(english, Path.Combine(temp.Directory, "zh-CN", "translations", "01-words.md"), chinese));

        // The Chinese edition first, so a language left behind in the process would show in the English run.
        var printedChinese = await LastValue(chinese);
        var printedEnglish = await LastValue(english);

        Assert.Equal("the best of 8 equally good, independent models looks 1.42 standard errors better than it is", printedEnglish);
        Assert.Equal(string.Format(Catalog()["the best of {0} equally good, independent models looks {1:F2} standard errors better than it is"], 8, 1.4234), printedChinese);
        Assert.Matches(Han(), printedChinese);
    }

    static async Task<string?> LastValue(string path)
    {
        var result = await NotebookRunner.RunAsync(path, new NotebookRunOptions(), CancellationToken.None);
        Assert.True(result.Succeeded, result.Failure?.Message);
        return result.Cells[^1].Result?.ReturnValue as string;
    }

    [GeneratedRegex(@"\{\d+(,-?\d+)?(:[^}]*)?\}")]
    private static partial Regex HoleSyntax();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
