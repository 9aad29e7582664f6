namespace L1Lab;

/// <summary>
/// A cancellation token that flows with the async context. A notebook host (L1Lab's engine and Jupyter kernel)
/// enters a scope for each cell, and long library calls — <c>L1Lab.Training.Trainer.Fit</c> in the library, and the sweeps
/// built on it — check <see cref="Token"/> every step, so interrupting a cell stops training within one step
/// without the notebook having to pass a token around. Outside any scope it is <see cref="CancellationToken.None"/>.
/// </summary>
/// <remarks>
/// The token only changes through <see cref="Enter"/> and the disposal of the scope it returns, and only for the
/// async flow that entered it (and the tasks that flow starts): two cells, or two tests, in parallel never see
/// each other's token.
/// </remarks>
public static class AmbientCancellation
{
    static readonly AsyncLocal<CancellationToken> Current = new();

    /// <summary>The token of the innermost scope of this async flow, or <see cref="CancellationToken.None"/>.</summary>
    public static CancellationToken Token => Current.Value;

    /// <summary>
    /// Makes <paramref name="token"/> current for this async flow until the returned scope is disposed, which makes
    /// the previous token current again: <c>using var scope = AmbientCancellation.Enter(token);</c>.
    /// </summary>
    public static AmbientCancellationScope Enter(CancellationToken token)
    {
        var scope = new AmbientCancellationScope(Current.Value);
        Current.Value = token;
        return scope;
    }

    /// <summary>Called by <see cref="AmbientCancellationScope.Dispose"/>.</summary>
    internal static void Restore(CancellationToken previous) => Current.Value = previous;
}
