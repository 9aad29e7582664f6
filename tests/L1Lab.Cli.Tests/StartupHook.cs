// The .NET startup-hook convention wants a type named StartupHook in the global namespace.
#pragma warning disable CA1050 // Declare types in namespaces

/// <summary>
/// Loaded into the app under test through <c>DOTNET_STARTUP_HOOKS</c> (see <c>LayeringTests</c>): records the simple
/// name of every assembly the process loads, one per line, in the file named by <c>L1LAB_LOADED_ASSEMBLIES</c>.
/// Uses only the base class library, so loading it pulls in nothing else from this test assembly.
/// </summary>
public static class StartupHook
{
    /// <summary>The environment variable naming the file to append to.</summary>
    public const string FileVariable = "L1LAB_LOADED_ASSEMBLIES";

    static readonly object Gate = new();

    /// <summary>The environment variable with the number of the update-primitive call at which to press Ctrl+C.</summary>
    public const string InterruptAtVariable = "L1LAB_INTERRUPT_AT_UPDATE";

    /// <summary>The environment variable naming the file that receives how many updates ran after the cancellation.</summary>
    public const string UpdatesAfterVariable = "L1LAB_UPDATES_AFTER_CANCEL";

    /// <summary>Called by the runtime before the app's Main.</summary>
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(InterruptAtVariable) is { Length: > 0 } at
            && Environment.GetEnvironmentVariable(UpdatesAfterVariable) is { Length: > 0 } countFile)
            InterruptAt(long.Parse(at, System.Globalization.CultureInfo.InvariantCulture), countFile);
        if (Environment.GetEnvironmentVariable(FileVariable) is not { Length: > 0 } file) return;
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) => Record(file, e.LoadedAssembly);
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies()) Record(file, assembly);
    }

    /// <summary>
    /// Counts L1Lab's update-primitive calls (its meter, on the training thread). At call <paramref name="at"/> it sends
    /// itself SIGINT, as Ctrl+C does, and holds the training thread until the app's cancellation token (the ambient
    /// one, read by name so this hook needs no reference) is cancelled; from then on it counts the updates that still
    /// run, and writes that count to <paramref name="countFile"/> when the process exits. No timing decides the count.
    /// </summary>
    static void InterruptAt(long at, string countFile)
    {
        long calls = 0, after = -1;
        var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "L1Lab" && instrument.Name == "l1lab.primitive.calls") l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, _, _) =>
        {
            if (after >= 0) { after++; return; }
            if (++calls != at) return;
            using (var kill = System.Diagnostics.Process.Start("kill", ["-INT", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                kill.WaitForExit();
            var token = (CancellationToken)Type.GetType("L1Lab.AmbientCancellation, L1Lab.Core", throwOnError: true)!
                .GetProperty("Token")!.GetValue(null)!;
            // An app that does not expose its token leaves the count at -1; the cap only keeps a broken app from hanging.
            if (!token.CanBeCanceled || !token.WaitHandle.WaitOne(TimeSpan.FromMinutes(2))) return;
            after = 0;
        });
        listener.Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            File.WriteAllText(countFile, after.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    static void Record(string file, System.Reflection.Assembly assembly)
    {
        lock (Gate) File.AppendAllText(file, assembly.GetName().Name + Environment.NewLine);
    }
}
