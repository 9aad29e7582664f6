namespace L1Lab.Notebooks;

/// <summary>
/// One cell's span as the current cell, from <see cref="CellContext.Enter"/> to <see cref="Dispose"/>, which makes the
/// previous outputs and cancellation token current again. Disposing twice does nothing.
/// </summary>
internal sealed class CellContextScope(CellOutputCollector? previousOutputs, AmbientCancellationScope cancellation) : IDisposable
{
    bool _disposed;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        cancellation.Dispose();
        CellContext.Restore(previousOutputs);
    }
}
