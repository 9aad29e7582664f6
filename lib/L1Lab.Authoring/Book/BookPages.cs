using System.Text;

namespace L1Lab.Authoring.Book;

/// <summary>
/// The book's HTML pages: the course table (index.html) and one page per chapter, all on one layout (a bar with the
/// language links, the content, the scripts). Only relative links; every script and stylesheet is in assets/.
/// </summary>
static class BookPages
{
    /// <summary>A site-wide view the pages link through: each edition's chapters, in order.</summary>
    public sealed record Site(IReadOnlyList<(BookEdition Edition, IReadOnlyList<Chapter> Chapters)> Editions, bool PlotlyAvailable)
    {
        /// <summary>Links to the same page in the other editions that have it.</summary>
        public IEnumerable<(BookEdition Edition, string Href)> Translations(BookEdition from, string page) =>
            Editions.Where(e => e.Edition != from && (page == "index.html" || e.Chapters.Any(c => c.PageName == page)))
                .Select(e => (e.Edition, from.ToRoot + (e.Edition.Folder.Length == 0 ? "" : e.Edition.Folder + "/") + page));
    }

    /// <summary>Markdown rendering for one edition's pages: links to its chapters become page links.</summary>
    static BookMarkdown Markdown(BookEdition edition, IReadOnlyList<Chapter> chapters) =>
        new(chapters.Select(c => c.Stem).ToHashSet(StringComparer.Ordinal), edition.InRepository);

    /// <summary>index.html of an edition: the course table.</summary>
    public static string Index(Site site, BookEdition edition, IReadOnlyList<Chapter> chapters)
    {
        var markdown = Markdown(edition, chapters);
        var body = new StringBuilder();
        body.Append("<main>\n<h1>").Append(Html.Escape(edition.Course)).Append("</h1>\n<p>").Append(Html.Escape(edition.Intro)).Append("</p>\n")
            .Append("<table class=\"course\">\n<thead><tr><th>#</th><th>").Append(Html.Escape(edition.ChapterColumn)).Append("</th><th>")
            .Append(Html.Escape(edition.GoalColumn)).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var chapter in chapters)
        {
            var lead = chapter.Lead ?? "";
            if (edition.LeadPrefix.Length > 0 && lead.StartsWith(edition.LeadPrefix, StringComparison.Ordinal)) lead = lead[edition.LeadPrefix.Length..];
            body.Append("<tr><td>").Append(Html.Escape(chapter.Number)).Append("</td><td><a href=\"").Append(chapter.PageName).Append("\">")
                .Append(Html.Escape(chapter.Title)).Append("</a></td><td>").Append(markdown.InlineHtml(lead)).Append("</td></tr>\n");
        }
        body.Append("</tbody>\n</table>\n</main>\n");
        return Layout(site, edition, "index.html", edition.Course, body.ToString(), usesPlotly: false);
    }

    /// <summary>One chapter's page: table of contents, cells with their outputs, previous/next links.</summary>
    public static string Chapter(Site site, BookEdition edition, IReadOnlyList<Chapter> chapters, int index)
    {
        var chapter = chapters[index];
        var markdown = Markdown(edition, chapters);
        var usesPlotly = false;
        var content = new StringBuilder();
        var codeCell = 0;
        foreach (var cell in chapter.Cells)
        {
            switch (cell.Type)
            {
                case "markdown":
                    content.Append("<section class=\"cell markdown\">\n").Append(markdown.ToHtml(cell.Source)).Append("</section>\n");
                    break;
                case "code":
                    codeCell++;
                    content.Append("<section class=\"cell code\" id=\"cell-").Append(codeCell).Append("\">\n");
                    // A hide-input cell (a check that keeps the prose honest) shows its output; its source folds away.
                    if (cell.InputHidden) content.Append("<details class=\"hidden-input\"><summary>").Append(Html.Escape(edition.ShowInput)).Append("</summary>\n");
                    content.Append("<pre class=\"source\"><code class=\"language-csharp\">")
                        .Append(CSharpHighlighter.ToHtml(cell.Source.TrimEnd())).Append("</code></pre>\n");
                    if (cell.InputHidden) content.Append("</details>\n");
                    foreach (var output in cell.Outputs) content.Append(OutputHtml.Render(output, site.PlotlyAvailable, ref usesPlotly));
                    content.Append("</section>\n");
                    break;
            }
        }

        var body = new StringBuilder();
        body.Append("<nav class=\"toc\" aria-label=\"").Append(Html.Escape(edition.Contents)).Append("\">\n<h2>").Append(Html.Escape(edition.Contents)).Append("</h2>\n<ol>\n");
        foreach (var heading in markdown.Headings)
            body.Append("<li class=\"h").Append(heading.Level).Append("\"><a href=\"#").Append(Html.Escape(heading.Id)).Append("\">").Append(Html.Escape(heading.Text)).Append("</a></li>\n");
        body.Append("</ol>\n</nav>\n<main>\n").Append(content).Append("</main>\n<nav class=\"pager\">\n");
        if (index > 0) body.Append(Pager("prev", edition.Previous, chapters[index - 1]));
        if (index + 1 < chapters.Count) body.Append(Pager("next", edition.Next, chapters[index + 1]));
        body.Append("</nav>\n");
        return Layout(site, edition, chapter.PageName, $"{chapter.Number} — {chapter.Title}", body.ToString(), usesPlotly);
    }

    static string Pager(string rel, string label, Chapter to) =>
        $"<a rel=\"{rel}\" href=\"{to.PageName}\"><span>{Html.Escape(label)}</span> {Html.Escape(to.Number)} — {Html.Escape(to.Title)}</a>\n";

    static string Layout(Site site, BookEdition edition, string page, string title, string body, bool usesPlotly)
    {
        var assets = edition.ToRoot + "assets/";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(edition.Language).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").Append(Html.Escape(title)).Append(" · L1Lab</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(assets).Append("katex/katex.min.css\">\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(assets).Append("book.css\">\n</head>\n<body>\n")
            .Append("<header class=\"bar\"><a class=\"home\" href=\"index.html\">L1Lab</a>");
        foreach (var (other, href) in site.Translations(edition, page))
            html.Append(" <a class=\"language\" hreflang=\"").Append(other.Language).Append("\" lang=\"").Append(other.Language).Append("\" href=\"").Append(href).Append("\">")
                .Append(Html.Escape(other.Name)).Append("</a>");
        html.Append("</header>\n").Append(body)
            .Append("<script src=\"").Append(assets).Append("katex/katex.min.js\"></script>\n");
        if (usesPlotly) html.Append("<script src=\"").Append(assets).Append(BookAssets.PlotlyFile).Append("\"></script>\n");
        html.Append("<script src=\"").Append(assets).Append("book.js\"></script>\n</body>\n</html>\n");
        return html.ToString();
    }
}
