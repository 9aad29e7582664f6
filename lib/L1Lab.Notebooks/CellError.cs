namespace L1Lab.Notebooks;

/// <summary>A failed cell: what went wrong and on which line of the cell.</summary>
/// <param name="Kind">Directive, compilation, runtime or cancellation.</param>
/// <param name="Line">1-based line within the cell, when known.</param>
/// <param name="Message">Roslyn's diagnostic ("error CS0103: ...") or the exception's type and message.</param>
/// <param name="Detail">More context, e.g. the exception's stack trace or all compile diagnostics; may be empty.</param>
public sealed record CellError(CellErrorKind Kind, int? Line, string Message, string Detail = "")
{
    /// <summary>"line N: message" (or just the message when no line is known).</summary>
    public override string ToString() => Line is { } l ? $"line {l}: {Message}" : Message;
}
