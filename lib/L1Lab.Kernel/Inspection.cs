namespace L1Lab.Kernel;

/// <summary>What a hover shows: the symbol's signature and its documentation, as plain text and as Markdown.</summary>
internal sealed record Inspection(string PlainText, string Markdown);
