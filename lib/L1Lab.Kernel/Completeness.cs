namespace L1Lab.Kernel;

/// <summary>An is_complete_reply: "complete", "incomplete" (with the indent for the next line) or "invalid".</summary>
/// <param name="Status">complete, incomplete or invalid.</param>
/// <param name="Indent">For incomplete code, the whitespace a console should put on the next line; otherwise empty.</param>
public sealed record Completeness(string Status, string Indent = "");
