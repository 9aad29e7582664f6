namespace L1Lab.Kernel;

/// <summary>The matches for a cursor position and the range (UTF-16 indices) they replace.</summary>
internal sealed record CompletionAnswer(IReadOnlyList<CompletionMatch> Matches, int Start, int End);
