using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace L1Lab.Cli.Tests;

/// <summary><c>l1lab book build</c> on small notebooks made here (the course itself is built in L1Lab.Browser.Tests).</summary>
public sealed class BookCommandTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("l1lab-book-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_failing_notebook_stops_the_build_with_its_cell_and_line_and_leaves_the_previous_site_as_it_was()
    {
        var notebooks = Folder("notebooks");
        WriteNotebook(Path.Combine(notebooks, "01-ok.ipynb"), Markdown("# 01 — Fine\n\nAfter this notebook you will be able to add."), Code("1 + 1"));
        var site = Path.Combine(_root, "site");
        var first = App.Run("book", "build", "--notebooks", notebooks, "--out", site);
        Assert.True(first.ExitCode == 0, first.Error + first.Out);
        var index = File.ReadAllBytes(Path.Combine(site, "index.html"));

        WriteNotebook(Path.Combine(notebooks, "02-bad.ipynb"), Markdown("# 02 — Broken"), Code("var x = 1;\nthrow new System.InvalidOperationException(\"boom\");"));
        var second = App.Run("book", "build", "--notebooks", notebooks, "--out", site);

        Assert.Equal(1, second.ExitCode);
        Assert.Contains("02-bad.ipynb: cell 2 (code cell 1), line 2", second.Error);
        Assert.Contains("boom", second.Error);
        Assert.Equal(index, File.ReadAllBytes(Path.Combine(site, "index.html")));
        Assert.False(File.Exists(Path.Combine(site, "02-bad.html")));
        Assert.Equal(["notebooks", "site"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_page_has_math_highlighted_code_every_output_chapter_links_and_a_language_link()
    {
        var executed = Folder("executed");
        var png = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DAAMIM/4EAAB/uBfsL2WiLAAAAAElFTkSuQmCC";
        WriteNotebook(Path.Combine(executed, "01-first.ipynb"),
            Markdown("# 01 — First\n\nAfter this notebook you will be able to write $\\lambda\\|w\\|_1$.\n\n## Penalty\n\n$$R(w) = \\lambda \\sum_i |w_i|$$\n\nNext: [the second](02-second.ipynb); see [the README](../README.md#results)."),
            Code("var x = 1; // one", Stream("stdout", "hello\n"), Display(new JsonObject { ["text/plain"] = "PngImage", ["image/png"] = png }),
                Display(new JsonObject { ["text/plain"] = "chart", ["text/html"] = "<div id=\"c\"></div><script src=\"https://cdn.plot.ly/plotly-latest.min.js\"></script>" }),
                Display(new JsonObject { ["text/plain"] = "table", ["text/html"] = "<table><tr><td>7</td></tr></table>" })));
        WriteNotebook(Path.Combine(executed, "02-second.ipynb"), Markdown("# 02 — Second\n\nAfter this notebook you will be able to read."), Code("\"two\""));
        var chinese = Folder(Path.Combine("executed", "zh-CN"));
        WriteNotebook(Path.Combine(chinese, "01-first.ipynb"), Markdown("# 01 — 第一章\n\n学完后你将能够写公式。见[说明](../../README.md)。"), Code("var x = 1;"));
        var site = Path.Combine(_root, "site");

        var result = App.Run("book", "build", "--from", executed, "--out", site);

        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        var page = File.ReadAllText(Path.Combine(site, "01-first.html"));
        Assert.Contains("<span class=\"math\">", page);
        Assert.Contains("<span class=\"math display\">", page);
        Assert.Contains("href=\"02-second.html\"", page);
        Assert.Contains("<a href=\"#penalty\">Penalty</a>", page);
        Assert.Contains("<span class=\"k\">var</span> x = <span class=\"n\">1</span>; <span class=\"c\">// one</span>", page);
        Assert.Contains("<pre class=\"output stream stdout\">hello\n</pre>", page);
        Assert.Contains($"src=\"data:image/png;base64,{png}\"", page);
        Assert.Contains("<table><tr><td>7</td></tr></table>", page);
        Assert.DoesNotContain("cdn.plot.ly", page);
        Assert.Contains("HTML output left out: it loads from the network", page);
        Assert.Contains("rel=\"next\" href=\"02-second.html\"", page);
        Assert.Contains("hreflang=\"zh-CN\" lang=\"zh-CN\" href=\"zh-CN/01-first.html\"", page);
        Assert.DoesNotContain("hreflang", File.ReadAllText(Path.Combine(site, "02-second.html")));
        var translated = File.ReadAllText(Path.Combine(site, "zh-CN", "01-first.html"));
        Assert.Contains("<html lang=\"zh-CN\">", translated);
        Assert.Contains("href=\"../01-first.html\"", translated);
        Assert.Contains("href=\"../assets/katex/katex.min.css\"", translated);
        var index = File.ReadAllText(Path.Combine(site, "index.html"));
        Assert.Contains("<td>01</td><td><a href=\"01-first.html\">First</a></td><td>write <span class=\"math\">", index);
        Assert.Contains("<span class=\"repository-file\">the README (<code>README.md</code> in the repository)</span>", page);
        Assert.Contains("<span class=\"repository-file\">说明（仓库中的 <code>README.md</code>）</span>", translated);
        foreach (var html in Directory.GetFiles(site, "*.html", SearchOption.AllDirectories))
            foreach (Match link in Regex.Matches(File.ReadAllText(html), "(?:href|src)=\"(?![a-z]+:)([^\"#?]+)"))
                Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(html)!, link.Groups[1].Value)),
                    $"{Path.GetRelativePath(site, html)} links to {link.Groups[1].Value}, which the site does not contain");
    }

    [Fact]
    public void A_hide_input_cell_folds_its_source_in_a_details_element_and_keeps_its_output_visible()
    {
        // Given a notebook with a check cell tagged hide-input (Jupyter Book's convention) next to a teaching cell
        var executed = Folder("executed-hidden");
        var check = Code("Check.That(true, \"the claim\");", Stream("stdout", "checked\n"));
        check["metadata"] = new JsonObject { ["tags"] = new JsonArray("hide-input") };
        WriteNotebook(Path.Combine(executed, "01-checks.ipynb"), Markdown("# 01 — Checks"), Code("var shown = 1;"), check);
        var chinese = Folder(Path.Combine("executed-hidden", "zh-CN"));
        WriteNotebook(Path.Combine(chinese, "01-checks.ipynb"), Markdown("# 01 — 检查"), check.DeepClone().AsObject());
        var site = Path.Combine(_root, "site-hidden");

        // When
        var result = App.Run("book", "build", "--from", executed, "--out", site);

        // Then the check's source sits inside <details> with the edition's summary, its output after it, the teaching cell unfolded
        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        var page = File.ReadAllText(Path.Combine(site, "01-checks.html"));
        var folded = Regex.Match(page, "<details class=\"hidden-input\"><summary>Show the check</summary>\n<pre class=\"source\">(?<source>.*?)</pre>\n</details>\n(?<after>.*?)</section>", RegexOptions.Singleline);
        Assert.True(folded.Success, page);
        Assert.Contains("the claim", folded.Groups["source"].Value);
        Assert.Contains("<pre class=\"output stream stdout\">checked\n</pre>", folded.Groups["after"].Value);
        Assert.Single(Regex.Matches(page, "<details"));
        Assert.Contains("<summary>显示检查代码</summary>", File.ReadAllText(Path.Combine(site, "zh-CN", "01-checks.html")));
    }

    [Theory]
    [InlineData("--set", "oops", "--set oops")]
    [InlineData("--from", "/no/such/folder", "/no/such/folder")]
    [InlineData("--notebooks", "/no/such/folder", "/no/such/folder")]
    public void A_bad_option_prints_one_line_naming_it_and_exits_with_2(string option, string value, string named)
    {
        var site = Path.Combine(_root, "site");
        var result = App.Run("book", "build", option, value, "--out", site);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, Assert.Single(result.Error.Trim().Split('\n')));
        Assert.False(Directory.Exists(site));
    }

    [Fact]
    public void A_folder_with_other_files_is_not_replaced()
    {
        var notebooks = Folder("notebooks");
        WriteNotebook(Path.Combine(notebooks, "01-ok.ipynb"), Markdown("# 01 — Fine"), Code("1"));
        var mine = Folder("mine");
        File.WriteAllText(Path.Combine(mine, "thesis.tex"), "keep me");

        var result = App.Run("book", "build", "--from", notebooks, "--out", mine);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--out", Assert.Single(result.Error.Trim().Split('\n')));
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(mine, "thesis.tex")));
    }

    string Folder(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;

    static JsonObject Markdown(string text) => new() { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = text };

    static JsonObject Code(string text, params JsonObject[] outputs) => new()
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["metadata"] = new JsonObject(),
        ["source"] = text,
        ["outputs"] = new JsonArray(outputs.Select(o => (JsonNode)o).ToArray()),
    };

    static JsonObject Stream(string name, string text) => new() { ["output_type"] = "stream", ["name"] = name, ["text"] = text };

    static JsonObject Display(JsonObject data) => new() { ["output_type"] = "display_data", ["data"] = data, ["metadata"] = new JsonObject() };

    static void WriteNotebook(string path, params JsonObject[] cells) => File.WriteAllText(path, new JsonObject
    {
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
        ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp", ["language"] = "C#", ["display_name"] = ".NET (C#)" } },
        ["cells"] = new JsonArray(cells.Select(c => (JsonNode)c).ToArray()),
    }.ToJsonString());
}
