using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace L1Lab.Tests;

/// <summary>
/// Listens to L1Lab's meter (<see cref="Instrumentation"/>) and counts the update primitives called on the thread
/// that created it, so tests running in parallel on other threads do not add to the counts.
/// </summary>
sealed class PrimitiveCalls : IDisposable
{
    readonly MeterListener _listener = new();
    readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    readonly int _thread = Environment.CurrentManagedThreadId;

    /// <param name="onCall">Called on this thread after each counted call, with the primitive's name and its count so far.</param>
    public PrimitiveCalls(Action<string, long>? onCall = null)
    {
        _listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Instrumentation.MeterName && instrument.Name == Instrumentation.PrimitiveCalls)
                l.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            if (Environment.CurrentManagedThreadId != _thread) return;
            foreach (var tag in tags)
                if (tag.Key == Instrumentation.PrimitiveTag && tag.Value is string name)
                {
                    long count = _counts.AddOrUpdate(name, value, (_, c) => c + value);
                    onCall?.Invoke(name, count);
                }
        });
        _listener.Start();
    }

    /// <summary>How often <paramref name="primitive"/> (e.g. "L1.SoftThresholdInPlace") ran on this thread so far.</summary>
    public long this[string primitive] => _counts.GetValueOrDefault(primitive);

    public void Dispose() => _listener.Dispose();
}
