namespace L1Lab;

/// <summary>
/// A cancellation token that flows with the async context. A notebook host (L1Lab's engine and Jupyter kernel)
/// sets it for each cell, and long library calls — <see cref="Training.Trainer.Fit"/>, and the sweeps built on
/// it — check it every step, so interrupting a cell stops training within one step without the notebook having
/// to pass a token around. Outside a host it is <see cref="CancellationToken.None"/>.
/// </summary>
public static class AmbientCancellation
{
    static readonly AsyncLocal<CancellationToken> Current = new();

    /// <summary>The token of the running cell, or <see cref="CancellationToken.None"/>.</summary>
    public static CancellationToken Token => Current.Value;

    /// <summary>Makes <paramref name="token"/> current for this async flow (a host calls it inside an async method, so it is undone on return).</summary>
    public static void Enter(CancellationToken token) => Current.Value = token;
}
