using System.Text.Json.Nodes;
using L1Lab.Notebooks;

namespace L1Lab.Authoring.Book;

/// <summary>One cell of an executed notebook, as the book shows it.</summary>
/// <param name="Type">"markdown", "code" or "raw".</param>
/// <param name="Source">The cell's source text.</param>
/// <param name="Outputs">The nbformat output objects of a code cell (empty for others).</param>
/// <param name="Tags">The cell's metadata.tags; "hide-input" (Jupyter Book's convention, used by the course's
/// <c>Check.That</c> cells) folds the source behind a summary line and keeps the output visible.</param>
sealed record ChapterCell(string Type, string Source, IReadOnlyList<JsonObject> Outputs, IReadOnlyList<string> Tags)
{
    /// <summary>The tag that folds a code cell's source in the book.</summary>
    public const string HideInput = "hide-input";

    /// <summary>Whether the book folds this cell's source.</summary>
    public bool InputHidden => Tags.Contains(HideInput, StringComparer.Ordinal);
}

/// <summary>
/// An executed notebook read for the book: its file stem (<c>02-l1-penalty</c>, which names the page), the number and
/// title from its H1, and the lead line that says what the reader will be able to do.
/// </summary>
sealed record Chapter(string Stem, string Number, string Title, string? Lead, IReadOnlyList<ChapterCell> Cells)
{
    /// <summary>The page's file name.</summary>
    public string PageName => Stem + ".html";

    /// <summary>Reads an executed notebook (nbformat 4 JSON).</summary>
    /// <exception cref="NotebookException">The file is not a readable notebook; the message names it.</exception>
    public static Chapter Load(string path)
    {
        var notebook = Notebook.Load(path);
        var list = notebook.Cells.Select(c => new ChapterCell(c.CellType, c.Source, c.Outputs, c.Tags)).ToList();

        var stem = Path.GetFileNameWithoutExtension(path);
        var number = new string(stem.TakeWhile(char.IsAsciiDigit).ToArray());
        var (heading, lead) = list.FirstOrDefault(c => c.Type == "markdown") is { } first ? BookMarkdown.TitleAndLead(first.Source) : (null, null);
        var title = heading ?? stem;
        // "02 — The L1 penalty: …": the number has its own column in the course table.
        if (number.Length > 0 && title.StartsWith(number, StringComparison.Ordinal))
            title = title[number.Length..].TrimStart(' ', '—', '–', '-', ':', '.').Trim();
        return new Chapter(stem, number, title, lead, list);
    }
}
