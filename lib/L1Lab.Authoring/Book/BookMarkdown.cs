using System.Text;
using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace L1Lab.Authoring.Book;

/// <summary>A heading of a page, for its table of contents.</summary>
/// <param name="Level">2 for ##, 3 for ###.</param>
/// <param name="Id">The anchor, unique within the page.</param>
/// <param name="Text">The heading as plain text (math as its TeX source).</param>
sealed record BookHeading(int Level, string Id, string Text);

/// <summary>
/// Markdown cells to HTML with Markdig: CommonMark plus pipe tables, emphasis extras, task lists and math. Math is
/// left as Markdig writes it (<c>\( … \)</c> and <c>\[ … \]</c> in elements of class <c>math</c>, plus <c>display</c>
/// for <c>$$</c>) for KaTeX to typeset in the browser. Links to another chapter's <c>.ipynb</c> become links to its page;
/// links to other files of the repository (<c>../README.md</c>), which a self-contained site does not hold, become their
/// text followed by the file's path in the repository, so nothing on a page is a dead link. Every heading gets an anchor
/// that is unique within the page, so the table of contents can point at it.
/// </summary>
/// <param name="chapterStems">File names, without .ipynb, of the chapters that have pages.</param>
/// <param name="inRepository">What follows the text of such a link, {0} standing for the file's path (" ({0} in the repository)").</param>
sealed class BookMarkdown(IReadOnlySet<string> chapterStems, string inRepository)
{
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseMathematics()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseTaskLists()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .Build();

    readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    /// <summary>Headings seen so far on this page, in order.</summary>
    public List<BookHeading> Headings { get; } = [];

    /// <summary>Renders one Markdown cell.</summary>
    public string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var attributes = heading.GetAttributes();
            var id = string.IsNullOrEmpty(attributes.Id) ? "section" : attributes.Id;
            var unique = id;
            for (var n = 2; !_ids.Add(unique); n++) unique = $"{id}-{n}";
            attributes.Id = unique;
            if (heading.Level is 2 or 3) Headings.Add(new BookHeading(heading.Level, unique, PlainText(heading.Inline)));
        }
        // $$…$$ inside a paragraph is display math too (Markdig keeps it inline): mark it so KaTeX sets it apart.
        foreach (var math in document.Descendants<MathInline>())
            if (math.DelimiterCount >= 2) math.GetAttributes().AddClass("display");
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage || link.Url is not { } url) continue;
            if (ChapterLink(url) is { } page) link.Url = page;
            else if (RepositoryFile(url) is { } file) Unlink(link, file);
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>A single paragraph of Markdown as inline HTML (no surrounding &lt;p&gt;), e.g. a chapter's goal in the course table; links as in <see cref="ToHtml"/>.</summary>
    public string InlineHtml(string markdown)
    {
        var html = ToHtml(markdown.Trim()).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) ? html[3..^4] : html;
    }

    /// <summary>The first paragraph after the first heading, as Markdown source (a chapter's "you will be able to" line).</summary>
    public static (string? Title, string? FirstParagraph) TitleAndLead(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var heading = document.Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
        var paragraph = document.OfType<ParagraphBlock>().FirstOrDefault(p => heading is null || p.Line > heading.Line);
        return (heading is null ? null : PlainText(heading.Inline),
                paragraph is null ? null : markdown.Substring(paragraph.Span.Start, paragraph.Span.Length));
    }

    /// <summary>The page of the chapter <paramref name="url"/> points at, or null when it is not a chapter.</summary>
    string? ChapterLink(string url)
    {
        if (IsAbsoluteOrAnchor(url)) return null;
        var hash = url.IndexOf('#');
        var path = hash < 0 ? url : url[..hash];
        if (!path.EndsWith(".ipynb", StringComparison.Ordinal) || path.Contains('/')) return null;
        var stem = path[..^".ipynb".Length];
        return chapterStems.Contains(stem) ? stem + ".html" + (hash < 0 ? "" : url[hash..]) : null;
    }

    /// <summary>For a link to a file outside the notebooks' folder (<c>../README.md</c>), its path from the repository's root; otherwise null.</summary>
    static string? RepositoryFile(string url)
    {
        if (IsAbsoluteOrAnchor(url) || !url.StartsWith("../", StringComparison.Ordinal)) return null;
        var path = url.Split('#')[0];
        while (path.StartsWith("../", StringComparison.Ordinal)) path = path[3..];
        return path.Length == 0 ? null : path;
    }

    static bool IsAbsoluteOrAnchor(string url) =>
        url.Contains("://", StringComparison.Ordinal) || url.StartsWith('#') || url.StartsWith('/') || url.StartsWith("mailto:", StringComparison.Ordinal);

    /// <summary>Replaces a link by its text and the edition's note naming the file: " (<c>path</c> in the repository)".</summary>
    void Unlink(LinkInline link, string file)
    {
        link.InsertBefore(new HtmlInline("<span class=\"repository-file\">"));
        for (var child = link.FirstChild; child is not null; child = link.FirstChild)
        {
            child.Remove();
            link.InsertBefore(child);
        }
        var note = Html.Escape(inRepository).Replace("{0}", $"<code>{Html.Escape(file)}</code>", StringComparison.Ordinal);
        link.InsertBefore(new HtmlInline(note + "</span>"));
        link.Remove();
    }

    static string PlainText(ContainerInline? inline)
    {
        var text = new StringBuilder();
        if (inline is null) return "";
        foreach (var item in inline.Descendants<Inline>())
        {
            switch (item)
            {
                case LiteralInline literal: text.Append(literal.Content.ToString()); break;
                case CodeInline code: text.Append(code.Content); break;
                case MathInline math: text.Append(math.Content.ToString()); break;
            }
        }
        return text.ToString().Trim();
    }
}
