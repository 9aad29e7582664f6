using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace L1Lab.Kernel;

/// <summary>
/// inspect_request (hover, Shift-Tab): the symbol under or just before the cursor, or the method whose argument list
/// the cursor is in, with its signature and XML-doc summary; detail level 1 adds parameters, returns and remarks.
/// Docs come from the XML files beside the referenced assemblies (the .NET reference pack, L1Lab.xml).
/// </summary>
internal static class CodeInspection
{
    static readonly SymbolDisplayFormat Signature = SymbolDisplayFormat.MinimallyQualifiedFormat
        .AddMemberOptions(SymbolDisplayMemberOptions.IncludeContainingType)
        .AddParameterOptions(SymbolDisplayParameterOptions.IncludeDefaultValue)
        .WithKindOptions(SymbolDisplayKindOptions.IncludeNamespaceKeyword | SymbolDisplayKindOptions.IncludeTypeKeyword);

    /// <summary>The inspection at <paramref name="cursor"/> (a UTF-16 index), or null when no symbol is there.</summary>
    public static async Task<Inspection?> InspectAsync(SessionWorkspace workspace, string code, int cursor, int detailLevel, CancellationToken cancellationToken = default)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var document = workspace.Document(code);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || root is null) return null;
        var symbol = SymbolAt(model, root, cursor, cancellationToken);
        return symbol is null ? null : Describe(symbol, detailLevel);
    }

    static ISymbol? SymbolAt(SemanticModel model, SyntaxNode root, int cursor, CancellationToken cancellationToken)
    {
        // The word under the cursor, or the one it just left (Jupyter front ends send the end of a word).
        foreach (var position in new[] { cursor, cursor - 1 })
        {
            if (position < 0 || position >= root.FullSpan.End) continue;
            var token = root.FindToken(position);
            if (!token.Span.Contains(position) && token.Span.End != position) continue;
            if (!(token.IsKind(SyntaxKind.IdentifierToken) || SyntaxFacts.IsPredefinedType(token.Kind()) || token.IsKind(SyntaxKind.ThisKeyword)
                    || token.IsKind(SyntaxKind.BaseKeyword) || token.IsKind(SyntaxKind.NewKeyword))) continue;
            if (SymbolOf(model, token.Parent, cancellationToken) is { } symbol) return symbol;
        }

        // Inside an argument list: the method being called.
        var at = root.FindToken(Math.Max(0, cursor - 1)).Parent;
        for (var node = at; node is not null; node = node.Parent)
        {
            if (node is ArgumentListSyntax { Parent: InvocationExpressionSyntax call } && SymbolOf(model, call, cancellationToken) is { } method)
                return method;
            if (node is ArgumentListSyntax { Parent: BaseObjectCreationExpressionSyntax creation } && SymbolOf(model, creation, cancellationToken) is { } constructor)
                return constructor;
            if (node is StatementSyntax or MemberDeclarationSyntax) break;
        }
        return null;
    }

    static ISymbol? SymbolOf(SemanticModel model, SyntaxNode? node, CancellationToken cancellationToken)
    {
        // The token's own node first, then its parent once (a generic name's identifier, a declarator's name).
        for (var (n, tries) = (node, 0); n is not null && tries < 2; (n, tries) = (n.Parent, tries + 1))
        {
            var info = model.GetSymbolInfo(n, cancellationToken);
            if ((info.Symbol ?? info.CandidateSymbols.FirstOrDefault() ?? model.GetDeclaredSymbol(n, cancellationToken)) is { } symbol)
                return symbol;
        }
        return null;
    }

    static Inspection Describe(ISymbol symbol, int detailLevel)
    {
        var signature = SignatureOf(symbol);
        var documented = symbol switch
        {
            IMethodSymbol { ReducedFrom: { } extension } => extension,
            _ => symbol.OriginalDefinition,
        };
        var doc = DocComment.Parse(documented.GetDocumentationCommentXml(expandIncludes: true));

        var plain = new StringBuilder(signature);
        var markdown = new StringBuilder("```csharp\n").Append(signature).Append("\n```\n");
        if (doc.Summary.Length > 0)
        {
            plain.Append('\n').Append(doc.Summary);
            markdown.Append('\n').Append(doc.Summary).Append('\n');
        }
        if (detailLevel > 0)
        {
            // Every parameter with its type, and its description where the docs give one.
            var parameters = documented switch
            {
                IMethodSymbol m => m.Parameters,
                IPropertySymbol p => p.Parameters,
                INamedTypeSymbol { DelegateInvokeMethod: { } invoke } => invoke.Parameters,
                _ => [],
            };
            if (parameters.Length > 0)
            {
                plain.Append("\n\nParameters:");
                markdown.Append("\n**Parameters**\n");
                foreach (var parameter in parameters)
                {
                    var type = parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
                    var text = doc.Parameters.FirstOrDefault(p => p.Name == parameter.Name).Text ?? "";
                    plain.Append("\n  ").Append(parameter.Name).Append(" (").Append(type).Append(')');
                    markdown.Append("- `").Append(parameter.Name).Append("` (`").Append(type).Append("`)");
                    if (text.Length > 0)
                    {
                        plain.Append(": ").Append(text.Replace("\n", "\n    ", StringComparison.Ordinal));
                        markdown.Append(": ").Append(text);
                    }
                    markdown.Append('\n');
                }
            }
            if (doc.Returns.Length > 0)
            {
                plain.Append("\n\nReturns: ").Append(doc.Returns);
                markdown.Append("\n**Returns**: ").Append(doc.Returns).Append('\n');
            }
            if (doc.Remarks.Length > 0)
            {
                plain.Append("\n\nRemarks: ").Append(doc.Remarks);
                markdown.Append("\n**Remarks**: ").Append(doc.Remarks).Append('\n');
            }
        }
        return new Inspection(plain.ToString(), markdown.ToString());
    }

    /// <summary>A signature a reader recognises: <c>double Math.Abs(double value)</c>, <c>(variable) List&lt;int&gt; xs</c>, <c>class L1Lab.L1</c>.</summary>
    static string SignatureOf(ISymbol symbol) => symbol switch
    {
        // An earlier cell's top-level variable is a field of its script class; show it as the variable it reads as.
        IFieldSymbol { ContainingType.IsScriptClass: true } field => $"(variable) {field.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)} {field.Name}",
        ILocalSymbol local => $"(local) {local.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)} {local.Name}",
        IParameterSymbol parameter => $"(parameter) {parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)} {parameter.Name}",
        IMethodSymbol { ContainingType.IsScriptClass: true } method => method.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
        INamedTypeSymbol or INamespaceSymbol => symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat
            .WithKindOptions(SymbolDisplayKindOptions.IncludeNamespaceKeyword | SymbolDisplayKindOptions.IncludeTypeKeyword)),
        _ => symbol.ToDisplayString(Signature),
    };
}
