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

    /// <summary>Called by the runtime before the app's Main.</summary>
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(FileVariable) is not { Length: > 0 } file) return;
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) => Record(file, e.LoadedAssembly);
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies()) Record(file, assembly);
    }

    static void Record(string file, System.Reflection.Assembly assembly)
    {
        lock (Gate) File.AppendAllText(file, assembly.GetName().Name + Environment.NewLine);
    }
}
