using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Completion;
using Microsoft.CodeAnalysis.Tags;

namespace L1Lab.Kernel;

/// <summary>
/// complete_request through Roslyn's completion service, over the session's earlier cells: members after a dot
/// (extension methods such as LINQ's included), types, namespaces, keywords and the variables and functions of
/// earlier cells. Matches are the candidates whose name starts with the word typed so far (ignoring case), in
/// Roslyn's order.
/// </summary>
internal static class CodeCompletion
{
    /// <summary>Completes <paramref name="code"/> at <paramref name="cursor"/> (a UTF-16 index).</summary>
    public static async Task<CompletionAnswer> CompleteAsync(SessionWorkspace workspace, string code, int cursor, CancellationToken cancellationToken = default)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var document = workspace.Document(code);
        var service = CompletionService.GetService(document) ?? throw new InvalidOperationException("no C# completion service");
        var list = await (WithoutUnimportedItems.Value is { } complete
            ? complete(service, document, cursor, cancellationToken)
            : service.GetCompletionsAsync(document, cursor, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var span = list.Span;
        var typed = code[span.Start..Math.Min(cursor, span.End)];
        var matches = new List<CompletionMatch>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list.ItemsList)
        {
            var text = InsertionText(item);
            if (text.Length == 0 || !item.FilterText.StartsWith(typed, StringComparison.OrdinalIgnoreCase)) continue;
            // Types and extension methods from namespaces the cell has not imported (Roslyn names the namespace in the
            // inline description) would need a using that Jupyter cannot add.
            if (!string.IsNullOrEmpty(item.InlineDescription)) continue;
            if (!seen.Add(text)) continue;
            matches.Add(new CompletionMatch(text, Kind(item.Tags), item.DisplayTextPrefix + item.DisplayText + item.DisplayTextSuffix));
        }
        // Exact-case prefix matches first, then Roslyn's sort order (already applied), so "Ab" offers Abs before abstract.
        var ordered = matches.OrderBy(m => m.Text.StartsWith(typed, StringComparison.Ordinal) ? 0 : 1).ToList();
        return new CompletionAnswer(ordered, span.Start, span.End);
    }

    /// <summary>
    /// Roslyn's completion with its options changed where the public overload cannot: no items from namespaces the cell
    /// has not imported (Jupyter cannot add the using they need, and indexing every reference for them costs each request
    /// time and the kernel background CPU). The options type and that overload are internal to Roslyn, so they are
    /// reached by reflection for the pinned version; null (the public overload is used, its extra items filtered out
    /// below) when a Roslyn update changes them.
    /// </summary>
    static readonly Lazy<Func<CompletionService, Document, int, CancellationToken, Task<CompletionList>>?> WithoutUnimportedItems = new(() =>
    {
        const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        try
        {
            var optionsType = typeof(CompletionService).Assembly.GetType("Microsoft.CodeAnalysis.Completion.CompletionOptions");
            var defaults = optionsType?.GetField("Default", Any)?.GetValue(null);
            var clone = optionsType?.GetMethod("<Clone>$", Any);
            var overload = typeof(CompletionService).GetMethods(Any).FirstOrDefault(m => m.Name == nameof(CompletionService.GetCompletionsAsync)
                && m.GetParameters().Select(p => p.ParameterType).SequenceEqual([typeof(Document), typeof(int), optionsType, typeof(Microsoft.CodeAnalysis.Options.OptionSet),
                    typeof(CompletionTrigger), typeof(ImmutableHashSet<string>), typeof(CancellationToken)]));
            var unimported = optionsType?.GetProperty("ShowItemsFromUnimportedNamespaces", Any);
            var background = optionsType?.GetProperty("UpdateImportCompletionCacheInBackground", Any);
            if (defaults is null || clone is null || overload is null || unimported is null || background is null) return null;
            var options = clone.Invoke(defaults, null);
            unimported.SetValue(options, false);
            background.SetValue(options, false);
            return (service, document, position, token) =>
                (Task<CompletionList>)overload.Invoke(service, [document, position, options, null, CompletionTrigger.Invoke, null, token])!;
        }
        catch (Exception e) when (e is AmbiguousMatchException or TargetException or ArgumentException or MemberAccessException or InvalidCastException)
        {
            return null;
        }
    });

    /// <summary>What typing the item inserts: Roslyn's insertion text when it differs from the label (e.g. <c>@class</c>), else the label.</summary>
    static string InsertionText(CompletionItem item) =>
        item.Properties.TryGetValue("InsertionText", out var insertion) && !string.IsNullOrEmpty(insertion) ? insertion : item.DisplayText;

    /// <summary>Roslyn's well-known tags as the kinds Jupyter front ends draw icons for.</summary>
    static string Kind(ImmutableArray<string> tags)
    {
        foreach (var tag in tags)
        {
            switch (tag)
            {
                case WellKnownTags.Class or WellKnownTags.Structure or WellKnownTags.Interface or WellKnownTags.Enum
                    or WellKnownTags.Delegate or WellKnownTags.TypeParameter:
                    return "class";
                case WellKnownTags.Method or WellKnownTags.ExtensionMethod:
                    return "function";
                case WellKnownTags.Property or WellKnownTags.Event:
                    return "property";
                case WellKnownTags.EnumMember or WellKnownTags.Constant:
                    return "instance";
                case WellKnownTags.Field or WellKnownTags.Local or WellKnownTags.RangeVariable:
                    return "variable"; // an earlier cell's variable is a field of its submission
                case WellKnownTags.Parameter:
                    return "param";
                case WellKnownTags.Namespace:
                    return "module";
                case WellKnownTags.Keyword or WellKnownTags.Snippet:
                    return "keyword";
            }
        }
        return "text";
    }
}
