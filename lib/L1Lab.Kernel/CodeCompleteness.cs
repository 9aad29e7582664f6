using L1Lab.Notebooks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace L1Lab.Kernel;

/// <summary>
/// Answers is_complete_request the way a console would: "incomplete" while a brace, bracket, lambda, statement,
/// comment or multi-line string (verbatim or raw) is still open (Roslyn's <see cref="SyntaxFactory.IsCompleteSubmission"/>),
/// "invalid" when the code is finished but cannot parse or a directive line is malformed, otherwise "complete".
/// </summary>
public static class CodeCompleteness
{
    /// <summary>Whether <paramref name="code"/> is ready to run.</summary>
    public static Completeness Check(string code)
    {
        code = code.Replace("\r\n", "\n", StringComparison.Ordinal);
        var lines = code.Split('\n');
        // Engine directives: #!csharp may open a cell; other magics are not C# and the engine refuses them.
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                if (i > 0 || !(line is "#!csharp" or "#!c#" or "#!C#")) return new("invalid");
                lines[i] = "";
            }
            else if (line.StartsWith("#r", StringComparison.Ordinal) && (line.Length == 2 || char.IsWhiteSpace(line[2]) || line[2] == '"')
                && !IsQuotedDirective(line["#r".Length..])) // #r, not #region
            {
                return new("invalid");
            }
        }
        var csharp = string.Join("\n", lines);
        if (string.IsNullOrWhiteSpace(csharp)) return new("complete");

        var tree = CSharpSyntaxTree.ParseText(csharp, CellSyntax.ParseOptions);
        if (!SyntaxFactory.IsCompleteSubmission(tree) && !EndsInOpenRegularString(tree))
            return new("incomplete", NextIndent(lines));
        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? new("invalid") : new("complete");
    }

    /// <summary>A #r argument: one quoted string, optionally followed by a comment.</summary>
    static bool IsQuotedDirective(string rest)
    {
        rest = rest.Trim();
        if (rest.Length < 2 || rest[0] != '"') return false;
        var end = rest.IndexOf('"', 1);
        if (end < 0) return false;
        var tail = rest[(end + 1)..].Trim();
        return tail.Length == 0 || tail.StartsWith("//", StringComparison.Ordinal);
    }

    /// <summary>
    /// A regular (non-verbatim, non-raw) string cannot continue on the next line, so one left open at the end is a
    /// mistake to report, not a reason to wait for more input.
    /// </summary>
    static bool EndsInOpenRegularString(SyntaxTree tree)
    {
        var last = tree.GetRoot().GetLastToken(includeZeroWidth: true);
        for (var token = last; token != default; token = token.GetPreviousToken(includeZeroWidth: true))
        {
            if (token.IsMissing || token.Span.Length == 0) continue;
            return token.IsKind(SyntaxKind.StringLiteralToken) && token.Text.StartsWith('"') && !token.Text.StartsWith("\"\"\"", StringComparison.Ordinal)
                && (token.Text.Length == 1 || !token.Text.EndsWith('"'));
        }
        return false;
    }

    /// <summary>The last non-blank line's indent, one level deeper after an opening brace.</summary>
    static string NextIndent(string[] lines)
    {
        var last = lines.LastOrDefault(l => l.Trim().Length > 0) ?? "";
        var indent = last[..(last.Length - last.TrimStart().Length)];
        return last.TrimEnd().EndsWith('{') ? indent + "    " : indent;
    }
}
