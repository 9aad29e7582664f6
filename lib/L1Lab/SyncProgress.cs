namespace L1Lab;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls <paramref name="report"/> on the reporting thread, at once.
/// (<see cref="Progress{T}"/> posts to the thread pool, so in a console app or a notebook its reports arrive late
/// and possibly out of order.) Example: <c>new SyncProgress&lt;TrainingProgress&gt;(p => …)</c>.
/// </summary>
public sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => report(value);
}
