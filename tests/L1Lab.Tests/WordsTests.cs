using System.Globalization;

namespace L1Lab.Tests;

public sealed class WordsTests
{
    [Fact]
    public void Say_builds_the_composite_format_with_numbered_holes_alignment_format_and_doubled_braces()
    {
        double share = 0.25; long count = 1234; var name = "CSR";
        SentenceHandler sentence = $"{{set}} {name,-5}: {share:P1} of {count,8:N0}";

        Assert.Equal("{{set}} {0,-5}: {1:P1} of {2,8:N0}", sentence.Format);
        Assert.Equal(new object?[] { "CSR", 0.25, 1234L }, sentence.Arguments);
    }

    [Fact]
    public void English_says_exactly_what_the_interpolation_would_print()
    {
        double share = 0.2512; long count = 1234; var name = "CSR";

        Assert.Equal($"{{set}} {name,-5}: {share:P1} of {count,8:N0}", Words.English.Say($"{{set}} {name,-5}: {share:P1} of {count,8:N0}"));
        Assert.Equal("plain {text}", Words.English.Say("plain {text}"));
    }

    [Fact]
    public void Chinese_fills_the_catalog_sentence_with_the_same_values_and_keeps_English_for_a_sentence_it_lacks()
    {
        var chinese = Words.For("zh-CN");
        var candidates = 8; var optimismInSe = 1.4234;

        var said = chinese.Say($"the best of {candidates} equally good, independent models looks {optimismInSe:F2} standard errors better than it is");

        Assert.Equal(string.Format(CultureInfo.CurrentCulture, chinese.Translation("the best of {0} equally good, independent models looks {1:F2} standard errors better than it is")!, 8, 1.4234), said);
        Assert.Contains("8", said, StringComparison.Ordinal);
        Assert.Contains(1.4234.ToString("F2", CultureInfo.CurrentCulture), said, StringComparison.Ordinal);
        Assert.Contains("标准误", said, StringComparison.Ordinal);
        Assert.Equal("no such sentence 3", chinese.Say($"no such sentence {3}"));
    }

    [Fact]
    public void For_names_the_known_languages_when_asked_for_another()
    {
        Assert.Same(Words.English, Words.For("en"));
        var error = Assert.Throws<ArgumentException>(() => Words.For("fr"));
        Assert.Contains("'fr'", error.Message, StringComparison.Ordinal);
        Assert.Contains("zh-CN", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stray text\n<!-- en: a -->\nb", "line 1")]
    [InlineData("<!-- en: a -->\n\n<!-- en: c -->\nd", "line 1: the entry has no translation")]
    [InlineData("<!-- en: a -->\nb\n<!-- en: a -->\nc", "line 3: the sentence is already in the catalog")]
    public void A_malformed_catalog_is_one_error_naming_the_line(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => SentenceCatalog.Parse(text));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalog_skips_its_leading_comment_and_keeps_multi_line_entries()
    {
        var catalog = SentenceCatalog.Parse("<!--\nnote\n-->\n\n<!-- en: x {0} -->\n甲 {0}\n乙\n\n<!-- en: y -->\n丙\n");

        Assert.Equal(2, catalog.Count);
        Assert.Equal("甲 {0}\n乙", catalog["x {0}"]);
        Assert.Equal("丙", catalog["y"]);
    }
}
