using System.Diagnostics.Metrics;

namespace L1Lab;

/// <summary>
/// Makes visible which update code a training run executes. Each call of an update primitive
/// (<see cref="L1.SoftThresholdInPlace"/>, <see cref="L1.SubgradientInto"/>, the per-tensor steps of
/// <see cref="Updates"/>) adds one to the counter <see cref="PrimitiveCalls"/> of the .NET meter
/// <see cref="MeterName"/>, tagged with the primitive's name ("L1.SoftThresholdInPlace", "Updates.ProximalStep", …).
/// Nothing is recorded unless a listener subscribes (<c>dotnet-counters</c>, or a
/// <see cref="MeterListener"/> as in the tests that prove the trainer's fast path uses these primitives).
/// </summary>
public static class Instrumentation
{
    /// <summary>The name of L1Lab's meter.</summary>
    public const string MeterName = "L1Lab";

    /// <summary>The counter of update-primitive calls; its tag <see cref="PrimitiveTag"/> names the primitive.</summary>
    public const string PrimitiveCalls = "l1lab.primitive.calls";

    /// <summary>The tag that names the primitive, e.g. "L1.SoftThresholdInPlace".</summary>
    public const string PrimitiveTag = "primitive";

    static readonly Meter Meter = new(MeterName);
    static readonly Counter<long> Calls = Meter.CreateCounter<long>(PrimitiveCalls, unit: "{call}",
        description: "Calls of L1Lab's update primitives (soft-threshold, subgradient, gradient steps).");

    /// <summary>Counts one call of <paramref name="primitive"/> when someone listens.</summary>
    internal static void Record(string primitive)
    {
        if (Calls.Enabled) Calls.Add(1, new KeyValuePair<string, object?>(PrimitiveTag, primitive));
    }
}
