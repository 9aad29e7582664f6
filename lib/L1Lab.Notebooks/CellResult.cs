namespace L1Lab.Notebooks;

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
