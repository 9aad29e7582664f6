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

    /// <summary>Makes <paramref name="outputs"/> and <paramref name="token"/> current for this async flow (call inside an async method so it is undone on return).</summary>
    public static void Enter(CellOutputCollector outputs, CancellationToken token)
    {
        ConsoleRouter.Install();
        CurrentOutputs.Value = outputs;
        AmbientCancellation.Enter(token); // the L1Lab library's long calls (training) see it too
    }
}
