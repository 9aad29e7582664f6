using L1Lab.Notebooks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace L1Lab.Kernel;

/// <summary>
/// Answers is_complete_request the way a console would: "incomplete" while a brace, bracket or statement is still
/// open (Roslyn's <see cref="SyntaxFactory.IsCompleteSubmission"/>), "invalid" when the code is finished but cannot
/// parse, otherwise "complete".
/// </summary>
public static class CodeCompleteness
{
    /// <summary>"complete", "incomplete" or "invalid" for <paramref name="code"/>.</summary>
    public static string Check(string code)
    {
        // Engine directives (#!csharp, #i) are not C#; #r is a script directive Roslyn knows.
        var csharp = string.Join("\n", code.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Where(l => !l.TrimStart().StartsWith("#!", StringComparison.Ordinal) && !l.TrimStart().StartsWith("#i ", StringComparison.Ordinal)));
        if (string.IsNullOrWhiteSpace(csharp)) return "complete";
        var tree = CSharpSyntaxTree.ParseText(csharp, CellSyntax.ParseOptions);
        if (!SyntaxFactory.IsCompleteSubmission(tree)) return "incomplete";
        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? "invalid" : "complete";
    }
}
