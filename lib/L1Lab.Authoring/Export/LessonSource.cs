using System.Text;
using L1Lab.Notebooks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace L1Lab.Authoring.Export;

/// <summary>
/// The text of a notebook as a .NET file-based app (<c>dotnet run lesson.cs</c>): a <c>#:project</c> directive to the
/// course library instead of the <c>#r</c> lines; every cell's <c>using</c> directives first; the parameters cell next,
/// each literal read through <c>lesson.Parameter</c> so the command line can override it; then the cells in order,
/// markdown as comments; the notebook's type declarations last (C# wants them after the top-level statements). What a
/// script allows and a program does not is rewritten: a cell's closing bare expression becomes
/// <c>lesson.Display(…);</c>, <c>display(x)</c> becomes <c>lesson.Display(x)</c>, and names declared again in later
/// cells are renamed (<see cref="ScriptScopes"/>).
/// </summary>
static class LessonSource
{
    const string LessonVariable = "lesson";

    /// <summary>The lesson text for <paramref name="notebook"/>.</summary>
    /// <param name="notebook">The notebook.</param>
    /// <param name="notebookShown">The notebook's path as the header names it (from the repository root).</param>
    /// <param name="lessonShown">The lesson's path as the header's run command names it.</param>
    /// <param name="projectReference">The library project, relative to the lesson's folder.</param>
    public static string Write(Notebook notebook, string notebookShown, string lessonShown, string projectReference)
    {
        var parametersCell = NotebookParameters.ParametersCellOf(notebook);
        var code = notebook.Cells.Where(IsCSharp).ToList();
        var sources = code.ToDictionary(c => c, c => WithoutDirectives(c.Source));
        var trees = code.Select(c => (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(sources[c], CellSyntax.ParseOptions).GetRoot()).ToList();
        var (renames, reserved) = ScriptScopes.Plan(trees, [LessonVariable]);
        var lesson = reserved[LessonVariable];

        var usings = new List<string>();
        var types = new List<string>();
        var bodies = new Dictionary<NotebookCell, string>();
        for (var i = 0; i < code.Count; i++)
        {
            var root = trees[i];
            var edits = renames[i];
            foreach (var u in root.Usings)
            {
                var directive = u.WithoutTrivia().ToString();
                if (!usings.Contains(directive, StringComparer.Ordinal)) usings.Add(directive);
                edits.Add(new TextEdit(u.SpanStart, u.FullSpan.End - u.SpanStart, ""));
            }
            foreach (var member in root.Members.Where(IsTypeDeclaration))
            {
                types.Add(member.ToFullString().Trim('\n', '\r'));
                edits.Add(new TextEdit(member.FullSpan.Start, member.FullSpan.Length, ""));
            }
            var statements = root.Members.Where(m => !IsTypeDeclaration(m)).ToList();
            foreach (var call in statements.SelectMany(s => s.DescendantNodesAndSelf()).OfType<InvocationExpressionSyntax>())
                if (call.Expression is IdentifierNameSyntax { Identifier.ValueText: "display" } name)
                    edits.Add(new TextEdit(name.SpanStart, name.Span.Length, $"{lesson}.Display"));
            if (statements.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } last })
            {
                if (ShowsItself(last.Expression))
                    edits.Add(new TextEdit(last.Expression.Span.End, 0, ";"));
                else
                {
                    edits.Add(new TextEdit(last.Expression.SpanStart, 0, $"{lesson}.Display("));
                    edits.Add(new TextEdit(last.Expression.Span.End, 0, ");"));
                }
            }
            if (code[i] == parametersCell)
                edits.AddRange(ParameterReads(root, lesson));
            bodies[code[i]] = TrimBlankLines(TextEdit.Apply(sources[code[i]], edits));
        }
        if (!usings.Contains("using L1Lab.Lessons;", StringComparer.Ordinal)) usings.Add("using L1Lab.Lessons;");

        var declared = NotebookParameters.Declared(notebook);
        var quick = parametersCell?.QuickValues(notebook.Path) ?? new Dictionary<string, string>();
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line($"#:project {projectReference}");
        // The markdown before the first code cell (title, goal, prerequisites) heads the file.
        var opening = notebook.Cells.TakeWhile(c => c.CellType == "markdown").ToList();
        foreach (var cell in opening)
        {
            foreach (var comment in MarkdownComment.Lines(cell.Source)) Line(comment);
            Line("//");
        }
        Line($"// Exported from {notebookShown} by `l1lab notebooks export --to cs`: edit the notebook and export again, not this file.");
        Line($"// Run it with `dotnet run {lessonShown}`; quick values: `dotnet run {lessonShown} -- --quick`; one value:");
        Line($"// `-- --set name=value`. Text prints here; figures are written as SVG/HTML files to out/ next to this file.");
        Line();
        foreach (var u in usings) Line(u);
        Line();
        Line($"// Parameters (the notebook's cell tagged \"parameters\"): edit them here or set them on the command line.");
        Line($"var {lesson} = Lesson.Start(args, parameters: [{string.Join(", ", declared.Select(Quote))}], quick: [{string.Join(", ", quick.Select(q => Quote($"{q.Key}={q.Value}")))}]);");
        if (parametersCell is not null && bodies[parametersCell].Length > 0) Line(bodies[parametersCell]);

        foreach (var cell in notebook.Cells)
        {
            if (cell == parametersCell || opening.Contains(cell)) continue;
            if (cell.CellType == "markdown")
            {
                Line();
                foreach (var comment in MarkdownComment.Lines(cell.Source)) Line(comment);
            }
            else if (cell.IsCode && !IsCSharp(cell))
            {
                Line();
                Line($"// (cell {cell.Number} is {cell.Language}, which a C# file cannot run: left out)");
            }
            else if (cell.IsCode && bodies[cell].Length > 0)
            {
                Line();
                Line(bodies[cell]);
            }
        }
        if (types.Count > 0)
        {
            Line();
            Line("// The notebook's type declarations: a C# program declares them after its top-level statements.");
            foreach (var type in types)
            {
                Line();
                Line(type);
            }
        }
        return text.ToString();
    }

    static bool IsCSharp(NotebookCell cell) => cell.IsCode && (cell.Language ?? "csharp") == "csharp";

    static bool IsTypeDeclaration(MemberDeclarationSyntax member) =>
        member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or BaseNamespaceDeclarationSyntax;

    /// <summary>The source without <c>#r</c>, <c>#load</c> and <c>#!</c> lines: the project directive replaces them.</summary>
    static string WithoutDirectives(string source) => string.Join("\n",
        source.ReplaceLineEndings("\n").Split('\n').Where(line =>
            !line.TrimStart().StartsWith("#r ", StringComparison.Ordinal) &&
            !line.TrimStart().StartsWith("#load ", StringComparison.Ordinal) &&
            !line.TrimStart().StartsWith("#!", StringComparison.Ordinal)));

    /// <summary>Calls that show or print by themselves (or return nothing), and assignments: a closing one only needs its semicolon.</summary>
    static bool ShowsItself(ExpressionSyntax expression) => expression switch
    {
        AssignmentExpressionSyntax => true,
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "display" or "clear_output" } } => true,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Console" or "Check" } } } => true,
        _ => false,
    };

    /// <summary>Each literal initialiser of the parameters cell read through the lesson, e.g. <c>var epochs = lesson.Parameter("epochs", 10);</c>.</summary>
    static IEnumerable<TextEdit> ParameterReads(CompilationUnitSyntax root, string lesson) =>
        root.DescendantNodes().OfType<VariableDeclaratorSyntax>()
            .Where(v => v.Parent?.Parent is FieldDeclarationSyntax or LocalDeclarationStatementSyntax { Parent: GlobalStatementSyntax })
            .Select(v => (Name: v.Identifier.ValueText, Value: v.Initializer?.Value))
            .Where(d => d.Value is not null && IsLiteral(d.Value))
            .SelectMany(d => new[]
            {
                new TextEdit(d.Value!.SpanStart, 0, $"{lesson}.Parameter({Quote(d.Name)}, "),
                new TextEdit(d.Value.Span.End, 0, ")"),
            });

    static bool IsLiteral(ExpressionSyntax e) => e is LiteralExpressionSyntax
        || e is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression, Operand: LiteralExpressionSyntax };

    static string Quote(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    static string TrimBlankLines(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[0].Length == 0) lines.RemoveAt(0);
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return string.Join("\n", lines);
    }
}
