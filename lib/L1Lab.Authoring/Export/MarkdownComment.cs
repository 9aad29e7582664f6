using System.Text.RegularExpressions;

namespace L1Lab.Authoring.Export;

/// <summary>
/// A markdown cell as C# line comments: each line of the cell becomes one <c>// </c> line, wrapped exactly as the
/// notebook wraps it, and links to another course notebook (<c>(02-l1-penalty.ipynb)</c>) point to its lesson file.
/// </summary>
static partial class MarkdownComment
{
    [GeneratedRegex(@"\]\(([^)\s]+)\.ipynb([#)])")]
    private static partial Regex NotebookLink();

    /// <summary>The comment lines for <paramref name="markdown"/>, without trailing blank ones.</summary>
    public static IEnumerable<string> Lines(string markdown)
    {
        var text = NotebookLink().Replace(markdown.ReplaceLineEndings("\n").TrimEnd(), "]($1.cs$2");
        foreach (var line in text.Split('\n'))
            yield return line.TrimEnd().Length == 0 ? "//" : "// " + line.TrimEnd();
    }
}
