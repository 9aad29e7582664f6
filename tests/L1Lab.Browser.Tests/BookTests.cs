using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace L1Lab.Browser.Tests;

/// <summary>
/// <c>l1lab book build</c> as CI runs it (quick values), read in Chromium with the network cut off: every page shows
/// typeset math and drawn figures, loads nothing from the network, logs no error, and prints.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class BookTests(BrowserFixture browser, CourseFixture course, ITestOutputHelper output)
{
    static IReadOnlyList<string> CourseStems =>
        Directory.GetFiles(TestPaths.Notebooks, "*.ipynb").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Book_build_with_quick_values_writes_index_html_and_one_page_per_notebook()
    {
        var build = course.Course;

        Assert.True(build.Result.ExitCode == 0, build.Result.ToString());
        Assert.True(File.Exists(Path.Combine(build.Site, "index.html")));
        Assert.Equal(CourseStems.Select(s => s + ".html"), Directory.GetFiles(build.Site, "*.html").Select(Path.GetFileName).Where(n => n != "index.html").Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(build.Site, "assets", "katex", "katex.min.js")));
        Assert.True(File.Exists(Path.Combine(build.Site, "assets", "katex", "LICENSE")));
        var index = File.ReadAllText(Path.Combine(build.Site, "index.html"));
        Assert.All(CourseStems, stem => Assert.Contains($"href=\"{stem}.html\"", index));
        Assert.Matches(@"book: \d+ pages", build.Result.Stdout);
    }

    [Fact]
    public void Pages_load_scripts_styles_and_images_only_from_relative_paths_or_data_uris()
    {
        var build = course.Course;
        Assert.True(build.Result.ExitCode == 0, build.Result.ToString());

        foreach (var page in Directory.GetFiles(build.Site, "*.html", SearchOption.AllDirectories))
        {
            foreach (Match load in Loads().Matches(File.ReadAllText(page)))
            {
                var url = load.Groups["url"].Value;
                Assert.False(url.Contains("://", StringComparison.Ordinal) || url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith('/'),
                    $"{Path.GetFileName(page)} loads {url}");
            }
        }
    }

    [Fact]
    public void The_same_executed_notebooks_give_the_same_bytes_in_any_locale_and_time_zone()
    {
        var build = course.Course;
        Assert.True(build.Result.ExitCode == 0, build.Result.ToString());
        var first = Path.Combine(course.NewFolder("again"), "book");
        var second = Path.Combine(course.NewFolder("again"), "book");

        // The second build runs where a reader in Germany or China would: another locale (decimal comma, other
        // month names and sort order, should the app ever leave invariant globalization) and a time zone 8 hours off UTC.
        var one = L1labCommand.Run(new Dictionary<string, string> { ["LANG"] = "C.UTF-8", ["LC_ALL"] = "C.UTF-8", ["TZ"] = "UTC" },
            "book", "build", "--from", build.Executed, "--out", first);
        var two = L1labCommand.Run(new Dictionary<string, string> { ["LANG"] = "de_DE.UTF-8", ["LC_ALL"] = "de_DE.UTF-8", ["TZ"] = "Asia/Shanghai" },
            "book", "build", "--from", build.Executed, "--out", second);

        Assert.True(one.ExitCode == 0 && two.ExitCode == 0, one + "\n" + two);
        var files = Directory.GetFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.GetFiles(second, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second, f)).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.True(File.ReadAllBytes(Path.Combine(first, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, f))), $"{f} differs"));
        // And the pages from --from equal the pages the fixture's own run wrote from the same notebooks.
        Assert.Equal(File.ReadAllBytes(Path.Combine(build.Site, "02-l1-penalty.html")), File.ReadAllBytes(Path.Combine(first, "02-l1-penalty.html")));
    }

    [SkippableFact]
    public async Task Every_page_shows_typeset_math_and_drawn_figures_with_the_network_off()
    {
        Skip.If(browser.Browser is null, SystemChromium.Missing);
        var build = course.Course;
        Assert.True(build.Result.ExitCode == 0, build.Result.ToString());

        var problems = new List<string>();
        var math = 0;
        foreach (var stem in new[] { "index" }.Concat(CourseStems))
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            await using var offline = await OfflinePage.OpenAsync(browser.Browser!, Path.Combine(build.Site, stem + ".html"));
            output.WriteLine($"{stem}: opened in {started.Elapsed.TotalSeconds:0.0} s");
            var report = await offline.ReportAsync("book-" + stem);
            problems.AddRange(report.Problems.Select(p => $"{stem}: {p}"));

            var sources = await offline.Page.Locator(".math").CountAsync();
            var typeset = await offline.Page.Locator(".math .katex").CountAsync();
            var errors = await offline.Page.Locator(".katex-error").CountAsync();
            if (typeset != sources || errors > 0) problems.Add($"{stem}: {typeset} of {sources} formulas typeset, {errors} KaTeX errors");
            math += typeset;

            // Each figure output shows a drawn image or chart; no output was left out for loading from the network.
            var undrawn = await offline.Page.EvaluateAsync<int>(UndrawnFiguresScript);
            if (undrawn > 0) problems.Add($"{stem}: {undrawn} figure outputs show nothing");
            foreach (var note in await offline.Page.Locator(".output.note").AllInnerTextsAsync()) problems.Add($"{stem}: {note}");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(math > 0, "no page has math");
    }

    [SkippableFact]
    public async Task A_page_prints_as_a_handout_without_navigation()
    {
        Skip.If(browser.Browser is null, SystemChromium.Missing);
        var build = course.Course;
        Assert.True(build.Result.ExitCode == 0, build.Result.ToString());
        var page = Path.Combine(build.Site, "02-l1-penalty.html");
        var pdf = Path.Combine(course.NewFolder("print"), "02-l1-penalty.pdf");

        // As a person would: Chromium's own print to PDF.
        var print = ChildProcess.Run(SystemChromium.Path!, ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-pdf-header-footer", $"--print-to-pdf={pdf}", new Uri(page).AbsoluteUri], timeout: TimeSpan.FromMinutes(2));

        Assert.True(File.Exists(pdf), print.ToString());
        var pages = PdfPages().Matches(File.ReadAllText(pdf, System.Text.Encoding.Latin1)).Count;
        Assert.True(pages >= 1, $"{pages} pages");
        File.Copy(pdf, Path.Combine(OfflinePage.ScreenshotFolder, "book-02-l1-penalty.pdf"), overwrite: true);

        // The print stylesheet hides the navigation and keeps the content.
        await using var offline = await OfflinePage.OpenAsync(browser.Browser!, page);
        await offline.Page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        Assert.False(await offline.Page.Locator("nav.toc").IsVisibleAsync());
        Assert.False(await offline.Page.Locator("nav.pager").IsVisibleAsync());
        Assert.True(await offline.Page.Locator("main h1").IsVisibleAsync());
    }

    const string UndrawnFiguresScript = """
        () => [...document.querySelectorAll('figure.output')].filter(f => ![...f.querySelectorAll('img, svg.main-svg')].some(e => {
            const r = e.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && (e.tagName !== 'IMG' || (e.complete && e.naturalWidth > 0));
          })).length
        """;

    /// <summary>src= and href= of elements that load something (not &lt;a&gt; links, which load only when followed).</summary>
    [GeneratedRegex(@"<(?:script|link|img|iframe|source|video|audio|embed)\b[^>]*?\b(?:src|href)=""(?<url>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex Loads();

    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PdfPages();
}
