namespace L1Lab.Notebooks;

/// <summary>
/// What the running cell can reach through the execution context (and so from tasks it starts):
/// its output collector and its cancellation token. Console output and <c>display</c> calls made outside
/// any cell go to the real console.
/// </summary>
internal static class CellContext
{
    static readonly AsyncLocal<CellOutputCollector?> CurrentOutputs = new();

    public static CellOutputCollector? Outputs => CurrentOutputs.Value;

    public static CancellationToken Token => AmbientCancellation.Token;

    /// <summary>
    /// Makes <paramref name="outputs"/> and <paramref name="token"/> current for this async flow until the returned
    /// scope is disposed. The token becomes <see cref="AmbientCancellation.Token"/>, so the L1Lab library's long calls
    /// (training) see it too.
    /// </summary>
    public static CellContextScope Enter(CellOutputCollector outputs, CancellationToken token)
    {
        ConsoleRouter.Install();
        var previous = CurrentOutputs.Value;
        CurrentOutputs.Value = outputs;
        return new CellContextScope(previous, AmbientCancellation.Enter(token));
    }

    /// <summary>Called by <see cref="CellContextScope.Dispose"/>.</summary>
    internal static void Restore(CellOutputCollector? previous) => CurrentOutputs.Value = previous;
}
