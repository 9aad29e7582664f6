namespace L1Lab.Notebooks;

/// <summary>
/// Cooperative cancellation for notebook code. The engine inserts a call to <see cref="ThrowIfRequested"/> at
/// the top of every loop body of a cell, so an interrupted run stops a long loop at its next iteration;
/// cells may also pass <see cref="Token"/> to awaited calls (<c>await Task.Delay(1000, CellCancellation.Token)</c>).
/// </summary>
public static class CellCancellation
{
    /// <summary>The running cell's cancellation token (none outside a cell).</summary>
    public static CancellationToken Token => CellContext.Token;

    /// <summary>Throws <see cref="OperationCanceledException"/> when the running cell has been cancelled.</summary>
    public static void ThrowIfRequested() => CellContext.Token.ThrowIfCancellationRequested();
}
