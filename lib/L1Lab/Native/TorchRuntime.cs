using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using L1Lab.IO;
using TorchSharp;

namespace L1Lab.Native;

/// <summary>What <see cref="TorchRuntime.Initialize"/> found and did.</summary>
/// <param name="Patched">True when TorchSharp's native library had to be loaded from a patched copy.</param>
/// <param name="Library">The native library TorchSharp uses (the patched copy when <paramref name="Patched"/>), or null when not on Linux.</param>
/// <param name="WeakenedVersions">The version requirements that were made optional, e.g. GLIBCXX_3.4.32.</param>
/// <param name="Detail">One human sentence saying why.</param>
public sealed record TorchRuntimeStatus(bool Patched, string? Library, IReadOnlyList<string> WeakenedVersions, string Detail)
{
    /// <summary>One readable line (a record would print the list's type name).</summary>
    public override string ToString() =>
        $"Patched = {Patched}, Library = {Library ?? "(none)"}, WeakenedVersions = [{string.Join(", ", WeakenedVersions)}], {Detail}";
}

/// <summary>
/// Makes TorchSharp's native library load on Linux hosts whose libstdc++ is older than the one it was
/// built against (Debian 12, Ubuntu 22.04). TorchSharp 0.107's <c>libLibTorchSharp.so</c> asks for
/// <c>GLIBCXX_3.4.32</c> but uses nothing from it; when the host's libstdc++ lacks a version, L1Lab writes a
/// copy of the library with that requirement marked weak (next to L1Lab.dll, never in the NuGet cache or
/// system folders) and tells the .NET runtime to load the copy. Hosts that have the version are left alone.
/// Runs automatically when L1Lab is first used; call <see cref="Initialize"/> before touching <c>torch</c>
/// directly (notebook 00 explains). See environment.md.
/// </summary>
public static class TorchRuntime
{
    const string TorchSharpLibrary = "libLibTorchSharp.so";
    static readonly Lazy<TorchRuntimeStatus> Status = new(Prepare, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Prepares native loading (once per process) and initialises torch on the CPU.</summary>
    public static TorchRuntimeStatus Initialize()
    {
        var status = Status.Value;
        torch.InitializeDeviceType(DeviceType.CPU);
        return status;
    }

#pragma warning disable CA2255 // Module initializers are meant for apps; here the library must act before TorchSharp's first native call.
    [ModuleInitializer]
    internal static void OnLoad() => _ = Status.Value;
#pragma warning restore CA2255

    static TorchRuntimeStatus Prepare()
    {
        if (!OperatingSystem.IsLinux())
            return new(false, null, [], "Not Linux: TorchSharp's own loader is used unchanged.");

        var torchSharp = typeof(torch).Assembly;
        var original = FindNative(torchSharp, TorchSharpLibrary)
            ?? throw new InvalidOperationException($"{TorchSharpLibrary} was not found next to {torchSharp.Location} or in its NuGet package; is TorchSharp-cpu restored?");
        var hostStdCxx = FindHostLibStdCxx();
        if (hostStdCxx is null)
            return new(false, original, [], "No libstdc++.so.6 found on this host; TorchSharp's loader is used unchanged.");

        var bytes = File.ReadAllBytes(original);
        var provided = ElfVersions.Definitions(File.ReadAllBytes(hostStdCxx), hostStdCxx);
        var missing = ElfVersions.Needs(bytes, original)
            .Where(n => n.File.StartsWith("libstdc++.so", StringComparison.Ordinal) && !n.IsWeak && !provided.Contains(n.Name))
            .ToList();
        if (missing.Count == 0)
            return new(false, original, [], $"{hostStdCxx} provides every version {TorchSharpLibrary} needs; nothing to do.");

        var hash = Convert.ToHexString(SHA256.HashData(bytes))[..16].ToLowerInvariant();
        ElfVersions.MarkWeak(bytes, missing);
        var patched = WritePatchedCopy(bytes, hash);

        // The copy lives in another folder, so load its dependencies (libtorch, libc10, libtorch_cpu) first,
        // from where TorchSharp's package put them; the copy then binds to them by soname.
        var libtorch = FindNative(torchSharp, "libtorch.so")
            ?? throw new InvalidOperationException($"libtorch.so was not found next to {original}; is TorchSharp-cpu restored?");
        NativeLibrary.Load(libtorch);
        var handle = NativeLibrary.Load(patched);
        NativeLibrary.SetDllImportResolver(torchSharp, (name, _, _) =>
            name is "LibTorchSharp" or "libLibTorchSharp" or TorchSharpLibrary ? handle : IntPtr.Zero);

        var names = missing.Select(n => n.Name).Distinct().ToList();
        return new(true, patched, names,
            $"{hostStdCxx} lacks {string.Join(", ", names)}; loaded a copy of {TorchSharpLibrary} with that requirement marked weak.");
    }

    /// <summary>Where the .NET host would find a native file for TorchSharp: the app's native search folders, TorchSharp's folder, or its NuGet package.</summary>
    static string? FindNative(Assembly torchSharp, string file)
    {
        var dirs = new List<string>();
        if (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") is string search)
            dirs.AddRange(search.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        var home = Path.GetDirectoryName(torchSharp.Location);
        if (!string.IsNullOrEmpty(home))
        {
            dirs.Add(home);
            dirs.Add(Path.Combine(home, "runtimes", "linux-x64", "native"));
            // NuGet cache layout: <packages>/torchsharp/<v>/lib/<tfm>/TorchSharp.dll, natives in ../../runtimes, libtorch in a sibling package.
            var package = Path.GetFullPath(Path.Combine(home, "..", ".."));
            dirs.Add(Path.Combine(package, "runtimes", "linux-x64", "native"));
            var libtorchPackage = Path.GetFullPath(Path.Combine(package, "..", "..", "libtorch-cpu-linux-x64"));
            if (Directory.Exists(libtorchPackage))
                dirs.AddRange(Directory.GetDirectories(libtorchPackage).Order(StringComparer.Ordinal).Reverse()
                    .Select(v => Path.Combine(v, "runtimes", "linux-x64", "native")));
        }
        return dirs.Select(d => Path.Combine(d, file)).FirstOrDefault(File.Exists);
    }

    /// <summary>The libstdc++ this process uses (the .NET runtime itself links it), read from /proc/self/maps.</summary>
    static string? FindHostLibStdCxx()
    {
        string? Mapped() => File.ReadLines("/proc/self/maps")
            .Select(line => line.IndexOf('/') is var i and >= 0 ? line[i..] : null)
            .FirstOrDefault(path => path is not null && Path.GetFileName(path).StartsWith("libstdc++.so", StringComparison.Ordinal));
        if (Mapped() is { } found) return found;
        return NativeLibrary.TryLoad("libstdc++.so.6", out _) ? Mapped() : null;
    }

    static string WritePatchedCopy(byte[] bytes, string hash)
    {
        foreach (var root in CandidateCacheRoots())
        {
            var dir = Path.Combine(root, hash);
            var target = Path.Combine(dir, TorchSharpLibrary);
            try
            {
                if (File.Exists(target) && new FileInfo(target).Length == bytes.Length)
                    return target;
                AtomicFile.Write(target, stream => stream.Write(bytes));
                return target;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Read-only install folder: try the next root.
            }
        }
        throw new InvalidOperationException("Could not write the patched copy of libLibTorchSharp.so to any L1Lab cache folder (next to L1Lab.dll or ~/.cache/l1lab).");
    }

    static IEnumerable<string> CandidateCacheRoots()
    {
        var here = Path.GetDirectoryName(typeof(TorchRuntime).Assembly.Location);
        if (!string.IsNullOrEmpty(here)) yield return Path.Combine(here, "l1lab-native");
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cache)) cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        yield return Path.Combine(cache, "l1lab", "native");
    }
}
