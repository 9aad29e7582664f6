using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace L1Lab.Notebooks;

/// <summary>
/// Overrides the values of a notebook's <c>parameters</c> cell (papermill's idea): that cell holds simple
/// declarations such as <c>var epochs = 10;</c> and an override rewrites only their initialisers, keeping the
/// literal kind (integer, real, string, bool) so the declared type stays the same.
/// </summary>
internal static class ParametersCell
{
    public const string Tag = "parameters";

    enum LiteralKind { Integer, Real, String, Boolean }

    /// <summary>The cell's source with each named variable's initialiser replaced by the given value.</summary>
    /// <exception cref="NotebookParameterException">Unknown name, non-literal initialiser, or a value of another literal kind.</exception>
    public static string Apply(string notebookPath, int cellNumber, string source, IReadOnlyDictionary<string, string> values)
    {
        var declared = Declarations(source);

        var edits = new List<(TextSpanLite Span, string Text)>();
        foreach (var (name, value) in values)
        {
            if (!declared.TryGetValue(name, out var variable))
                throw new NotebookParameterException(notebookPath,
                    $"unknown parameter '{name}': the parameters cell (cell {cellNumber}) declares {(declared.Count == 0 ? "nothing" : string.Join(", ", declared.Keys))}");
            var initializer = variable.Initializer?.Value;
            var kind = initializer is null ? null : KindOf(initializer);
            if (initializer is null || kind is null)
                throw new NotebookParameterException(notebookPath,
                    $"parameter '{name}' in cell {cellNumber} is not initialised with a literal (number, string, true/false), so it cannot be set");
            var literal = Literal(kind.Value, value, initializer)
                ?? throw new NotebookParameterException(notebookPath,
                    $"parameter '{name}' is {Describe(kind.Value)} in cell {cellNumber} ({initializer}); '{value}' is not");
            edits.Add((new TextSpanLite(initializer.SpanStart, initializer.Span.Length), literal));
        }

        var text = source;
        foreach (var (span, replacement) in edits.OrderByDescending(e => e.Span.Start))
            text = string.Concat(text.AsSpan(0, span.Start), replacement, text.AsSpan(span.Start + span.Length));
        return text;
    }

    /// <summary>The names of the top-level variables a parameters cell declares, in order.</summary>
    public static IReadOnlyList<string> Declared(string source) => [.. Declarations(source).Keys];

    static Dictionary<string, VariableDeclaratorSyntax> Declarations(string source) =>
        CSharpSyntaxTree.ParseText(source, CellSyntax.ParseOptions).GetRoot().DescendantNodes()
            .OfType<VariableDeclaratorSyntax>()
            .Where(v => v.Parent?.Parent is FieldDeclarationSyntax or LocalDeclarationStatementSyntax { Parent: GlobalStatementSyntax })
            .GroupBy(v => v.Identifier.ValueText, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    readonly record struct TextSpanLite(int Start, int Length);

    static LiteralKind? KindOf(ExpressionSyntax e) => e switch
    {
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression, Operand: var o } => KindOf(o) is LiteralKind.Integer or LiteralKind.Real ? KindOf(o) : null,
        LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression, Token.Value: var v } =>
            v is int or long or uint or ulong ? LiteralKind.Integer : LiteralKind.Real,
        LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } => LiteralKind.String,
        LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression or (int)SyntaxKind.FalseLiteralExpression } => LiteralKind.Boolean,
        _ => null,
    };

    static string Describe(LiteralKind kind) => kind switch
    {
        LiteralKind.Integer => "an integer",
        LiteralKind.Real => "a real number",
        LiteralKind.String => "a string",
        _ => "true or false",
    };

    /// <summary>The C# literal for <paramref name="value"/>, or null when it is not of the same kind as the original.</summary>
    static string? Literal(LiteralKind kind, string value, ExpressionSyntax original)
    {
        var v = value.Trim();
        switch (kind)
        {
            case LiteralKind.Integer:
                return long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
                    ? i.ToString(CultureInfo.InvariantCulture) + Suffix(original, "ul", "lu", "u", "l")
                    : null;
            case LiteralKind.Real:
                if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d)) return null;
                var suffix = Suffix(original, "f", "d", "m");
                var number = v.TrimStart('+');
                if (suffix.Length == 0 && !number.Contains('.') && !number.Contains('e') && !number.Contains('E')) number += ".0";
                return number + suffix;
            case LiteralKind.String:
                if (v.Length >= 2 && v[0] == '"' && v[^1] == '"')
                    return SyntaxFactory.ParseExpression(v) is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } s && !s.ContainsDiagnostics ? v : null;
                return SymbolDisplay.FormatLiteral(value, quote: true);
            default:
                return v is "true" or "false" ? v : null;
        }
    }

    static string Suffix(ExpressionSyntax original, params string[] suffixes)
    {
        var token = original.DescendantTokens().Last().Text.ToLowerInvariant();
        return suffixes.FirstOrDefault(s => token.EndsWith(s, StringComparison.Ordinal) && !token.StartsWith("0x", StringComparison.Ordinal)) is { } found
            ? original.DescendantTokens().Last().Text[^found.Length..]
            : "";
    }
}
