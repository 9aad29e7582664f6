using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace L1Lab.Authoring.Book;

/// <summary>
/// Highlights a C# cell as HTML spans, from Roslyn's own lexer (the compiler the notebooks run on), so the book needs
/// no highlighting script and every page is the same bytes for the same cell. Classes: <c>k</c> keyword,
/// <c>s</c> string or character literal, <c>n</c> number, <c>c</c> comment, <c>d</c> directive (<c>#r</c>, <c>#load</c>).
/// </summary>
static class CSharpHighlighter
{
    static readonly CSharpParseOptions Script = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>Contextual keywords worth colouring when they are used as keywords (never as names).</summary>
    static readonly HashSet<SyntaxKind> Contextual = [SyntaxKind.VarKeyword, SyntaxKind.AwaitKeyword, SyntaxKind.AsyncKeyword, SyntaxKind.NameOfKeyword, SyntaxKind.RecordKeyword, SyntaxKind.InitKeyword];

    /// <summary>The cell's source as HTML (escaped), with every token wrapped in its class; the text is unchanged.</summary>
    public static string ToHtml(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code, Script).GetRoot();
        var html = new StringBuilder(code.Length * 2);
        foreach (var token in root.DescendantTokens(descendIntoTrivia: false))
        {
            Trivia(html, token.LeadingTrivia);
            Span(html, Class(token), token.Text);
            Trivia(html, token.TrailingTrivia);
        }
        return html.ToString();
    }

    static string? Class(SyntaxToken token)
    {
        var kind = token.Kind();
        if (SyntaxFacts.IsKeywordKind(kind)) return "k";
        if (kind == SyntaxKind.IdentifierToken && Contextual.Contains(SyntaxFacts.GetContextualKeywordKind(token.ValueText)) && token.Parent is not null
            && !(token.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax name && name.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax))
            return "k";
        return kind switch
        {
            SyntaxKind.NumericLiteralToken => "n",
            SyntaxKind.StringLiteralToken or SyntaxKind.CharacterLiteralToken or SyntaxKind.InterpolatedStringStartToken
                or SyntaxKind.InterpolatedStringEndToken or SyntaxKind.InterpolatedStringTextToken or SyntaxKind.InterpolatedRawStringEndToken
                or SyntaxKind.InterpolatedSingleLineRawStringStartToken or SyntaxKind.InterpolatedMultiLineRawStringStartToken
                or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
                or SyntaxKind.Utf8StringLiteralToken => "s",
            _ => null,
        };
    }

    static void Trivia(StringBuilder html, SyntaxTriviaList list)
    {
        foreach (var trivia in list)
        {
            var cls = trivia.Kind() switch
            {
                SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia or SyntaxKind.SingleLineDocumentationCommentTrivia
                    or SyntaxKind.MultiLineDocumentationCommentTrivia or SyntaxKind.ShebangDirectiveTrivia => "c",
                _ when trivia.IsDirective => "d",
                SyntaxKind.DisabledTextTrivia => "c",
                _ => null,
            };
            Span(html, cls, trivia.ToFullString());
        }
    }

    static void Span(StringBuilder html, string? cls, string text)
    {
        if (text.Length == 0) return;
        if (cls is null)
        {
            html.Append(Html.Escape(text));
            return;
        }
        // A directive's trivia ends with its line break: keep the break outside the span.
        var body = text.TrimEnd('\r', '\n');
        html.Append("<span class=\"").Append(cls).Append("\">").Append(Html.Escape(body)).Append("</span>")
            .Append(text.AsSpan(body.Length));
    }
}
