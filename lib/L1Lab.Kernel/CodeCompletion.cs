using L1Lab.Notebooks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace L1Lab.Kernel;

/// <summary>
/// A small complete_request answer without a semantic model: C# keywords, <c>display</c>, and the names that
/// earlier cells declared (variables, functions, types), filtered by the word before the cursor. Member access
/// (after a dot) gets no matches rather than wrong ones.
/// </summary>
public sealed class CodeCompletion
{
    static readonly string[] Keywords = SyntaxFacts.GetKeywordKinds()
        .Concat(SyntaxFacts.GetContextualKeywordKinds())
        .Select(SyntaxFacts.GetText)
        .Where(k => k.Length > 0 && char.IsLetter(k[0]))
        .Append("display")
        .Distinct(StringComparer.Ordinal)
        .ToArray();

    readonly SortedSet<string> _declared = new(StringComparer.Ordinal);

    /// <summary>Remembers the names a cell that ran declared.</summary>
    public void Learn(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code, CellSyntax.ParseOptions).GetRoot();
        foreach (var node in root.DescendantNodes())
        {
            var name = node switch
            {
                VariableDeclaratorSyntax v => v.Identifier.ValueText,
                MethodDeclarationSyntax m => m.Identifier.ValueText,
                BaseTypeDeclarationSyntax t => t.Identifier.ValueText,
                LocalFunctionStatementSyntax f => f.Identifier.ValueText,
                _ => null,
            };
            if (!string.IsNullOrEmpty(name)) _declared.Add(name);
        }
    }

    /// <summary>The matches for the word ending at <paramref name="cursor"/>, and where that word starts and ends.</summary>
    public (IReadOnlyList<string> Matches, int Start, int End) Complete(string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_')) start--;
        var prefix = code[start..cursor];
        if (start > 0 && code[start - 1] == '.') return ([], start, cursor);
        var matches = _declared.Concat(Keywords)
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n != prefix)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return (matches, start, cursor);
    }
}
