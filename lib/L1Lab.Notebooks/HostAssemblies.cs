using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Metadata;
using System.Runtime.Loader;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace L1Lab.Notebooks;

/// <summary>
/// Finds the assemblies of a NuGet package among those the host application already has (its deps.json and
/// trusted platform assemblies), which is how pinned packages resolve; other packages are restored (see
/// <see cref="PackageRestore"/>). Also makes compiler references that bind, at run time, to the host's
/// own loaded copies, so types are the same on both sides (a Tensor made in a cell is the host's Tensor).
/// </summary>
internal static class HostAssemblies
{
    static readonly Lazy<Dictionary<string, string>> TrustedByName = new(() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase));

    static readonly Lazy<IReadOnlyList<DepsPackage>> Packages = new(ReadDepsFiles);

    static readonly Lazy<IReadOnlyList<MetadataReference>> Framework = new(() =>
    {
        var dir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return TrustedByName.Value.Values
            .Where(p => string.Equals(Path.GetDirectoryName(p), dir, StringComparison.Ordinal))
            .Where(IsManagedAssembly)
            .Order(StringComparer.Ordinal)
            .Select(Reference)
            .ToList();
    });

    /// <summary>References to the shared framework (what a console app compiles against).</summary>
    public static IReadOnlyList<MetadataReference> FrameworkReferences => Framework.Value;

    /// <summary>A package the host was built with, as its deps.json describes it.</summary>
    public sealed record DepsPackage(string Name, string Version, IReadOnlyList<string> Dependencies, IReadOnlyList<string> AssemblyNames);

    /// <summary>The host's version of <paramref name="name"/>, or null when the host does not have it.</summary>
    public static DepsPackage? Find(string name) =>
        Packages.Value.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Paths of the package's runtime assemblies and those of its dependencies, as the host resolved them.</summary>
    public static IReadOnlyList<string> AssemblyPathsOf(DepsPackage package)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var paths = new List<string>();
        var queue = new Queue<DepsPackage>([package]);
        while (queue.TryDequeue(out var p))
        {
            if (!seen.Add(p.Name)) continue;
            foreach (var name in p.AssemblyNames)
                if (LocationOf(name) is { } path) paths.Add(path);
            foreach (var dep in p.Dependencies)
                if (Find(dep) is { } d) queue.Enqueue(d);
        }
        return paths;
    }

    /// <summary>Where the host has (or would load) an assembly with this simple name; null when it has none.</summary>
    public static string? LocationOf(string simpleName)
    {
        var loaded = LoadedInDefault(simpleName);
        if (loaded is { Location: { Length: > 0 } location }) return location;
        return TrustedByName.Value.TryGetValue(simpleName, out var path) ? path : null;
    }

    /// <summary>The assembly with this simple name already loaded in the default load context, if any.</summary>
    public static Assembly? LoadedInDefault(string simpleName) =>
        AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => string.Equals(a.GetName().Name, simpleName, StringComparison.OrdinalIgnoreCase));

    static readonly ConcurrentDictionary<(string Path, DateTime Written, long Length), MetadataReference> References = new();

    /// <summary>
    /// A compiler reference to the assembly at <paramref name="path"/> that carries no file path, so Roslyn's
    /// script loader does not load a second copy from that path: at run time the submission binds by name
    /// to the default load context, i.e. to the host's copy. The same file gives the same reference object every
    /// time (until the file changes), so a cell run again adds no reference its session already has, and the
    /// assembly's metadata is read once per process.
    /// </summary>
    public static MetadataReference Reference(string path)
    {
        var file = new FileInfo(path);
        return References.GetOrAdd((file.FullName, file.LastWriteTimeUtc, file.Length),
            key => AssemblyMetadata.CreateFromFile(key.Path).GetReference(filePath: null, display: key.Path));
    }

    static bool IsManagedAssembly(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            return pe.HasMetadata && pe.GetMetadataReader().IsAssembly;
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or InvalidOperationException)
        {
            return false;
        }
    }

    static IReadOnlyList<DepsPackage> ReadDepsFiles()
    {
        var files = ((AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string) ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Where(File.Exists)
            .ToList();
        var packages = new List<DepsPackage>();
        foreach (var file in files)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var root = doc.RootElement;
            if (!root.TryGetProperty("targets", out var targets)) continue;
            var targetName = root.TryGetProperty("runtimeTarget", out var rt) && rt.TryGetProperty("name", out var n) ? n.GetString() : null;
            JsonElement target = default;
            foreach (var t in targets.EnumerateObject())
                if (targetName is null || t.Name == targetName) { target = t.Value; break; }
            if (target.ValueKind != JsonValueKind.Object) continue;
            foreach (var library in target.EnumerateObject())
            {
                var slash = library.Name.IndexOf('/');
                if (slash < 0) continue;
                var deps = library.Value.TryGetProperty("dependencies", out var d)
                    ? d.EnumerateObject().Select(x => x.Name).ToList()
                    : [];
                var assemblies = library.Value.TryGetProperty("runtime", out var r)
                    ? r.EnumerateObject().Select(x => Path.GetFileNameWithoutExtension(x.Name)).ToList()
                    : [];
                packages.Add(new DepsPackage(library.Name[..slash], library.Name[(slash + 1)..], deps, assemblies));
            }
        }
        return packages;
    }
}
