namespace L1Lab;

/// <summary>
/// The span during which a token is <see cref="AmbientCancellation.Token"/>, from <see cref="AmbientCancellation.Enter"/>
/// to <see cref="Dispose"/>. Disposing restores the token that was current before; disposing twice does nothing.
/// </summary>
public sealed class AmbientCancellationScope : IDisposable
{
    readonly CancellationToken _previous;
    bool _disposed;

    internal AmbientCancellationScope(CancellationToken previous) => _previous = previous;

    /// <summary>Makes the token that was current before this scope current again.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        AmbientCancellation.Restore(_previous);
    }
}
