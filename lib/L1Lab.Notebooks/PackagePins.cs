using System.Reflection;

namespace L1Lab.Notebooks;

/// <summary>
/// The package versions pinned in the project's Directory.Packages.props, embedded into this assembly at build
/// time (see EmbedPackagePins in the .csproj). A notebook's <c>#r "nuget: Name, Version"</c> must use exactly these.
/// </summary>
public static class PackagePins
{
    const string Prefix = "L1Lab.PackagePin:";

    static readonly IReadOnlyDictionary<string, string> Pins = typeof(PackagePins).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Where(a => a.Key.StartsWith(Prefix, StringComparison.Ordinal) && a.Value is not null)
        .ToDictionary(a => a.Key[Prefix.Length..], a => a.Value!, StringComparer.OrdinalIgnoreCase);

    /// <summary>The pinned version of <paramref name="package"/>, or null when the project does not pin it.</summary>
    public static string? VersionOf(string package) => Pins.TryGetValue(package, out var v) ? v : null;
}
