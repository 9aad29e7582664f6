namespace L1Lab.Interactive.Tests;

/// <summary>One representation of a displayed value: its MIME type and the text .NET Interactive formatted.</summary>
public sealed record FormattedValue(string MimeType, string Value);
