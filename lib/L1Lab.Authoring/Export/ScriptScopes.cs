using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace L1Lab.Authoring.Export;

/// <summary>
/// The renames that turn a notebook's cells (C# scripts, one submission each) into one block of top-level statements.
/// A script may declare a variable or function again in a later cell, and a <c>foreach (var k …)</c> may reuse the name
/// of a cell's variable; in one block both are errors (CS0128, CS0136). So a later top-level declaration of a name
/// becomes <c>name2</c>, <c>name3</c>… (with every later use of it), and a nested variable that reuses a top-level name
/// gets a fresh name within its scope. Names are resolved by syntax alone: a use binds to the innermost enclosing
/// declaration of its name, else to the latest top-level declaration before it. Variables inside lambdas and local
/// functions may shadow (C# 8), so they keep their names.
/// </summary>
sealed class ScriptScopes
{
    /// <summary>A declared name: its identifier token, the node its scope covers, and whether it is top-level.</summary>
    sealed record Binder(string Name, SyntaxToken Token, SyntaxNode Scope, bool TopLevel, bool InFunction, int Cell, int Position)
    {
        public string? NewName { get; set; }
    }

    readonly IReadOnlyList<CompilationUnitSyntax> _cells;
    readonly HashSet<string> _taken;
    readonly List<Binder> _topLevel = [];
    readonly Dictionary<SyntaxNode, List<Binder>> _nestedByScope = [];

    ScriptScopes(IReadOnlyList<CompilationUnitSyntax> cells)
    {
        _cells = cells;
        _taken = new HashSet<string>(cells.SelectMany(c => c.DescendantTokens()).Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText), StringComparer.Ordinal);
    }

    /// <summary>
    /// The identifier edits for each cell (index as in <paramref name="cells"/>), leaving type declarations alone, and
    /// a name for each of <paramref name="reserved"/> (names the export adds, such as the lesson variable): itself
    /// when the notebook does not use it, else a fresh one.
    /// </summary>
    public static (IReadOnlyList<List<TextEdit>> Edits, IReadOnlyDictionary<string, string> Reserved) Plan(
        IReadOnlyList<CompilationUnitSyntax> cells, IReadOnlyList<string> reserved)
    {
        var scopes = new ScriptScopes(cells);
        var names = reserved.ToDictionary(r => r, r => scopes._taken.Add(r) ? r : scopes.Fresh(r), StringComparer.Ordinal);
        return (scopes.Edits(), names);
    }

    IReadOnlyList<List<TextEdit>> Edits()
    {
        for (var i = 0; i < _cells.Count; i++)
            Collect(i, _cells[i]);

        // A top-level name declared again: the later declarations get name2, name3, …
        foreach (var group in _topLevel.GroupBy(b => b.Name, StringComparer.Ordinal))
            foreach (var binder in group.Skip(1))
                binder.NewName = Fresh(group.Key);
        // A nested variable outside any function that reuses a top-level name gets a fresh one.
        var topNames = _topLevel.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var binder in _nestedByScope.Values.SelectMany(b => b).Where(b => !b.InFunction && topNames.Contains(b.Name)))
            binder.NewName = Fresh(binder.Name);

        var edits = _cells.Select(_ => new List<TextEdit>()).ToList();
        foreach (var binder in _topLevel.Concat(_nestedByScope.Values.SelectMany(b => b)).Where(b => b.NewName is not null))
            edits[binder.Cell].Add(new TextEdit(binder.Token.SpanStart, binder.Token.Span.Length, binder.NewName!));
        for (var i = 0; i < _cells.Count; i++)
            foreach (var use in Statements(_cells[i]).SelectMany(s => s.DescendantNodesAndSelf()).OfType<IdentifierNameSyntax>().Where(IsVariableUse))
                if (Resolve(i, use) is { NewName: { } newName })
                    edits[i].Add(new TextEdit(use.Identifier.SpanStart, use.Identifier.Span.Length, newName));
        return edits;
    }

    /// <summary><paramref name="name"/> followed by the first number from 2 that names nothing in the notebook yet.</summary>
    string Fresh(string name)
    {
        for (var k = 2; ; k++)
        {
            var candidate = name + k;
            if (_taken.Add(candidate)) return candidate;
        }
    }

    /// <summary>The cell's members that become top-level statements (type declarations are moved, not renamed).</summary>
    static IEnumerable<SyntaxNode> Statements(CompilationUnitSyntax cell) =>
        cell.Members.Where(m => m is not BaseTypeDeclarationSyntax and not DelegateDeclarationSyntax and not BaseNamespaceDeclarationSyntax);

    void Collect(int cell, CompilationUnitSyntax root)
    {
        foreach (var member in Statements(root))
        {
            switch (member)
            {
                case FieldDeclarationSyntax field:
                    foreach (var v in field.Declaration.Variables) Top(cell, v.Identifier, v.SpanStart);
                    break;
                case GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local }:
                    foreach (var v in local.Declaration.Variables) Top(cell, v.Identifier, v.SpanStart);
                    break;
                case MethodDeclarationSyntax method:
                    Top(cell, method.Identifier, 0); // visible in its whole submission
                    break;
                case GlobalStatementSyntax { Statement: LocalFunctionStatementSyntax function }:
                    Top(cell, function.Identifier, 0);
                    break;
            }
            foreach (var node in member.DescendantNodes())
                Nested(cell, member, node);
        }
    }

    void Top(int cell, SyntaxToken identifier, int position) =>
        _topLevel.Add(new Binder(identifier.ValueText, identifier, identifier.Parent!, TopLevel: true, InFunction: false, cell, position));

    void Nested(int cell, SyntaxNode member, SyntaxNode node)
    {
        switch (node)
        {
            case VariableDeclaratorSyntax v when v.Parent?.Parent is LocalDeclarationStatementSyntax { Parent: not GlobalStatementSyntax } statement:
                Add(cell, member, v.Identifier, statement.Parent!);
                break;
            case VariableDeclaratorSyntax v when v.Parent?.Parent is ForStatementSyntax or UsingStatementSyntax or FixedStatementSyntax:
                Add(cell, member, v.Identifier, v.Parent.Parent);
                break;
            case ForEachStatementSyntax f:
                Add(cell, member, f.Identifier, f);
                break;
            case CatchDeclarationSyntax { Identifier.RawKind: (int)SyntaxKind.IdentifierToken } c:
                Add(cell, member, c.Identifier, c.Parent!);
                break;
            case ParameterSyntax p when p.Parent?.Parent is { } function:
                Add(cell, member, p.Identifier, p.Parent is ParameterListSyntax or BracketedParameterListSyntax ? function : p.Parent!);
                break;
            case LocalFunctionStatementSyntax f when f.Parent is not GlobalStatementSyntax:
                Add(cell, member, f.Identifier, f.Parent!);
                break;
            case QueryClauseSyntax or QueryContinuationSyntax when node.ChildTokens().FirstOrDefault(t => t.IsKind(SyntaxKind.IdentifierToken)) is { RawKind: (int)SyntaxKind.IdentifierToken } id:
                Add(cell, member, id, node.FirstAncestorOrSelf<QueryExpressionSyntax>() ?? node);
                break;
            case SingleVariableDesignationSyntax d:
                if (DesignationScope(d) is { } scope) Add(cell, member, d.Identifier, scope);
                else Top(cell, d.Identifier, d.SpanStart);
                break;
        }
    }

    /// <summary>The scope of a pattern or <c>out var</c> variable; null when it leaks into the top level.</summary>
    static SyntaxNode? DesignationScope(SyntaxNode designation)
    {
        for (var node = designation.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case AnonymousFunctionExpressionSyntax or SwitchExpressionArmSyntax or QueryClauseSyntax or CatchFilterClauseSyntax or SwitchSectionSyntax:
                    return node;
                // C#'s wide scope: these statements' expression variables belong to the enclosing block.
                case ExpressionStatementSyntax or LocalDeclarationStatementSyntax or ReturnStatementSyntax or ThrowStatementSyntax or YieldStatementSyntax or IfStatementSyntax:
                    return node.Parent is GlobalStatementSyntax ? null : node.Parent;
                case StatementSyntax:
                    return node;
                case FieldDeclarationSyntax:
                    return null; // a script variable's initializer: a top-level statement in the lesson
                case MemberDeclarationSyntax:
                    return node; // an expression-bodied function of the script
            }
        }
        return null;
    }

    void Add(int cell, SyntaxNode member, SyntaxToken identifier, SyntaxNode scope)
    {
        var inFunction = identifier.Parent!.Ancestors().TakeWhile(a => a != member.Parent)
            .Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MethodDeclarationSyntax or AccessorDeclarationSyntax);
        if (!_nestedByScope.TryGetValue(scope, out var list)) _nestedByScope[scope] = list = [];
        list.Add(new Binder(identifier.ValueText, identifier, scope, TopLevel: false, inFunction, cell, identifier.SpanStart));
    }

    /// <summary>The declaration a use of a name binds to: the innermost enclosing one, else the latest top-level one before it.</summary>
    Binder? Resolve(int cell, IdentifierNameSyntax use)
    {
        var name = use.Identifier.ValueText;
        foreach (var ancestor in use.Ancestors())
            if (_nestedByScope.TryGetValue(ancestor, out var binders) && binders.LastOrDefault(b => b.Name == name) is { } nested)
                return nested;
        return _topLevel.LastOrDefault(b => b.Name == name && (b.Cell < cell || (b.Cell == cell && b.Position <= use.SpanStart)));
    }

    /// <summary>False for names that are not variables or functions in scope: members after a dot, named arguments, initializer members.</summary>
    static bool IsVariableUse(IdentifierNameSyntax name) => name.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Expression == name,
        MemberBindingExpressionSyntax or NameColonSyntax or NameEqualsSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax => false,
        AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ObjectInitializerExpression or (int)SyntaxKind.WithInitializerExpression } } assignment => assignment.Right == name,
        _ => true,
    };
}
