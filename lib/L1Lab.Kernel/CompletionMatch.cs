namespace L1Lab.Kernel;

/// <summary>One completion candidate: the text that replaces the word at the cursor, and what it names.</summary>
/// <param name="Text">The text to insert, e.g. <c>Abs</c>.</param>
/// <param name="Kind">Jupyter's kind for front-end icons: class, function, property, variable, module, keyword, ….</param>
/// <param name="Display">The label shown in the list, e.g. <c>List&lt;&gt;</c>.</param>
internal sealed record CompletionMatch(string Text, string Kind, string Display);
