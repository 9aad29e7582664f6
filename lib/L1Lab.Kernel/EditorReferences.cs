using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace L1Lab.Kernel;

/// <summary>
/// The references editor features compile against: the .NET reference pack (the public API, with the XML docs the SDK
/// ships beside it) instead of the runtime's implementation assemblies, and every other assembly the session
/// references with its <c>.xml</c> docs when one lies beside it (L1Lab.xml does). Each file is read once per process,
/// so every submission's compilation shares the same symbols.
/// </summary>
internal static class EditorReferences
{
    static readonly ConcurrentDictionary<string, MetadataReference> ByPath = new(StringComparer.Ordinal);

    static readonly string RuntimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;

    static readonly Lazy<IReadOnlyList<MetadataReference>> ReferencePack = new(() =>
        FindReferencePack() is { } folder
            ? Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal).Select(Load).ToList()
            : []);

    /// <summary>The reference-pack folder matching this runtime (e.g. packs/Microsoft.NETCore.App.Ref/10.0.12/ref/net10.0), or null on a runtime-only install.</summary>
    public static string? ReferencePackFolder => FindReferencePack();

    /// <summary>What to compile against for a session whose cells use <paramref name="sessionReferences"/>.</summary>
    public static IReadOnlyList<MetadataReference> For(IEnumerable<MetadataReference> sessionReferences)
    {
        var pack = ReferencePack.Value;
        var result = new List<MetadataReference>(pack);
        foreach (var reference in sessionReferences)
        {
            if (reference is not PortableExecutableReference pe) continue;
            var path = pe.FilePath ?? pe.Display;
            if (path is null || !File.Exists(path)) continue;
            // The runtime's own assemblies are replaced by the reference pack when there is one.
            if (pack.Count > 0 && string.Equals(Path.GetDirectoryName(path), RuntimeDirectory, StringComparison.Ordinal)) continue;
            result.Add(Load(path));
        }
        return result;
    }

    static MetadataReference Load(string path) => ByPath.GetOrAdd(path, p =>
    {
        var xml = Path.ChangeExtension(p, ".xml");
        return MetadataReference.CreateFromFile(p, documentation: File.Exists(xml) ? XmlDocumentationProvider.CreateFromFile(xml) : null);
    });

    static string? FindReferencePack()
    {
        // RUNTIME_DIR is <dotnet root>/shared/Microsoft.NETCore.App/<version>; the pack is <dotnet root>/packs/Microsoft.NETCore.App.Ref/<version>/ref/net<major.minor>.
        var runtime = new DirectoryInfo(RuntimeDirectory);
        var root = runtime.Parent?.Parent?.Parent;
        if (root is null) return null;
        var packs = Path.Combine(root.FullName, "packs", "Microsoft.NETCore.App.Ref");
        if (!Directory.Exists(packs)) return null;
        var tfm = $"net{Environment.Version.Major}.{Environment.Version.Minor}";
        var candidates = Directory.GetDirectories(packs)
            .Select(d => (Dir: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
            .Where(c => c.Version is not null && c.Version.Major == Environment.Version.Major && c.Version.Minor == Environment.Version.Minor)
            .OrderByDescending(c => string.Equals(Path.GetFileName(c.Dir), runtime.Name, StringComparison.Ordinal))
            .ThenByDescending(c => c.Version)
            .Select(c => Path.Combine(c.Dir, "ref", tfm))
            .Where(Directory.Exists);
        return candidates.FirstOrDefault();
    }
}
