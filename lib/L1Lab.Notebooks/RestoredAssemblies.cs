using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace L1Lab.Notebooks;

/// <summary>
/// Loads restored packages' assemblies into the default load context (where cells run, so a cell and the package
/// share types) and finds their native libraries when they ask for one by name. The default load context is one per
/// process, so what was loaded stays loaded for every later session in the process, as in any .NET host.
/// </summary>
internal static class RestoredAssemblies
{
    static readonly ConcurrentDictionary<string, string> ManagedByName = new(StringComparer.OrdinalIgnoreCase);
    static readonly ConcurrentDictionary<string, string> NativeByFile = new(StringComparer.Ordinal);
    static int _hooked;

    /// <summary>
    /// Makes <paramref name="package"/>'s files loadable and returns the paths to compile against: the host's own copy of
    /// an assembly when it has one (so types match the host's), else the restored one, loaded into the default context.
    /// </summary>
    public static IReadOnlyList<string> Load(PackageRestore.Package package)
    {
        Hook();
        foreach (var native in package.NativeLibraries) NativeByFile.TryAdd(Path.GetFileName(native), native);
        var paths = new List<string>();
        foreach (var path in package.Assemblies)
        {
            string name;
            try
            {
                name = AssemblyName.GetAssemblyName(path).Name ?? Path.GetFileNameWithoutExtension(path);
            }
            catch (BadImageFormatException)
            {
                continue; // a native file shipped as a runtime asset
            }
            if (HostAssemblies.LocationOf(name) is { } host)
            {
                paths.Add(host);
                continue;
            }
            ManagedByName.TryAdd(name, path);
            AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
            paths.Add(path);
        }
        return paths;
    }

    static void Hook()
    {
        if (Interlocked.Exchange(ref _hooked, 1) == 1) return;
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            name.Name is { } simple && ManagedByName.TryGetValue(simple, out var path) ? context.LoadFromAssemblyPath(path) : null;
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += (_, name) =>
        {
            foreach (var candidate in new[] { name, $"lib{name}.so", $"{name}.so", $"lib{name}.dylib", $"{name}.dylib", $"{name}.dll" })
                if (NativeByFile.TryGetValue(candidate, out var path) && NativeLibrary.TryLoad(path, out var handle))
                    return handle;
            return IntPtr.Zero;
        };
    }
}
