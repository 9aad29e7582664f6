using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace L1Lab.Notebooks;

/// <summary>
/// Inserts <c>CellCancellation.ThrowIfRequested()</c> at the top of every loop body, on the same line, so a
/// cancelled cell stops at its next iteration and compiler line numbers still match the cell.
/// </summary>
internal sealed class LoopCancellation : CSharpSyntaxRewriter
{
    public static string Rewrite(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code, CellSyntax.ParseOptions).GetRoot();
        if (!root.DescendantNodes().Any(n => n is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax))
            return code;
        return new LoopCancellation().Visit(root).ToFullString();
    }

    static StatementSyntax Guard(StatementSyntax body)
    {
        var check = SyntaxFactory.ParseStatement("global::L1Lab.Notebooks.CellCancellation.ThrowIfRequested();");
        var leading = body.GetLeadingTrivia();
        var trailing = body.GetTrailingTrivia();
        var inner = body.WithoutLeadingTrivia().WithoutTrailingTrivia();
        return SyntaxFactory.Block(check, inner)
            .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(leading))
            .WithCloseBraceToken(SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithTrailingTrivia(trailing));
    }

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }
}
