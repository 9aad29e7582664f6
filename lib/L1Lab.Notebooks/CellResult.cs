namespace L1Lab.Notebooks;

/// <summary>Why a cell failed.</summary>
public enum CellErrorKind
{
    /// <summary>A directive (#r, #!, #i, ...) could not be honoured.</summary>
    Directive,
    /// <summary>The C# did not compile.</summary>
    Compilation,
    /// <summary>The code threw.</summary>
    Runtime,
    /// <summary>The run was cancelled while the cell ran.</summary>
    Cancelled,
    /// <summary>The cell ran longer than the run's per-cell time limit and was stopped.</summary>
    Timeout,
}

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

/// <summary>What one executed cell produced.</summary>
/// <param name="ExecutionCount">The cell's execution count in its session (1 for the first executed cell).</param>
/// <param name="Outputs">Outputs in the order they appeared: streams, displays, the trailing value, and an error output when it failed.</param>
/// <param name="Error">Null when the cell succeeded.</param>
/// <param name="ReturnValue">The trailing expression's value (null when none); the same value is formatted in <paramref name="Outputs"/>.</param>
public sealed record CellResult(int ExecutionCount, IReadOnlyList<CellOutput> Outputs, CellError? Error, object? ReturnValue)
{
    /// <summary>True when the cell ran to the end.</summary>
    public bool Succeeded => Error is null;
}
