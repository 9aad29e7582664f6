using System.Diagnostics;
using System.Security;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace L1Lab.Notebooks;

/// <summary>
/// Restores NuGet packages the host was not built with, as .NET Interactive did: a generated project that references
/// them, <c>dotnet restore</c> (into the user's NuGet cache, from the sources of the nearest NuGet.config above the
/// notebook's folder, else the user's own), then the runtime and native assets its project.assets.json lists for this
/// framework and platform. The generated project lives in a temporary folder, away from any Directory.Build.props.
/// </summary>
internal static partial class PackageRestore
{
    /// <summary>A package to restore; a null version asks for the newest stable one.</summary>
    public sealed record Request(string Name, string? Version);

    /// <summary>A restored package: the version NuGet chose, and the files to load.</summary>
    public sealed record Package(string Name, string Version, IReadOnlyList<string> Assemblies, IReadOnlyList<string> NativeLibraries);

    static readonly string Framework = $"net{Environment.Version.Major}.{Environment.Version.Minor}";

    /// <summary>NuGet's rules for ids; versions are digits, letters, dots, dashes, plus, a star, or a range in brackets.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9._-]*$")]
    public static partial Regex PackageId();

    [GeneratedRegex(@"^[A-Za-z0-9.*+\-\[\]\(\), ]+$")]
    public static partial Regex PackageVersion();

    [GeneratedRegex(@"error (NU\d+|MSB\d+): (.*?)(\s+\[[^\]]*\])?$")]
    private static partial Regex RestoreError();

    /// <summary>
    /// Restores <paramref name="requests"/> together (so their dependencies agree) and returns every package in the
    /// resolved graph. <paramref name="progress"/> receives restore's output lines as they come.
    /// </summary>
    /// <exception cref="PackageRestoreException">A package or version does not exist, no source answered, or dotnet is missing.</exception>
    /// <exception cref="OperationCanceledException">The cell was interrupted; the restore process is ended.</exception>
    public static async Task<IReadOnlyList<Package>> RestoreAsync(IReadOnlyList<Request> requests, string baseDirectory, Action<string> progress, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "l1lab-restore-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var project = Path.Combine(folder, "restore.csproj");
            await File.WriteAllTextAsync(project, ProjectXml(requests), cancellationToken).ConfigureAwait(false);
            var arguments = new List<string>
            {
                "restore", project, "--nologo", "-v:minimal",
                "-p:ImportDirectoryBuildProps=false", "-p:ImportDirectoryBuildTargets=false", "-p:ImportDirectoryPackagesProps=false",
            };
            if (NuGetConfigAbove(baseDirectory) is { } config) arguments.AddRange(["--configfile", config]);
            // Restore names the generated project in its messages; the learner knows the packages, not that file.
            var names = string.Join(", ", requests.Select(r => r.Version is null ? r.Name : $"{r.Name} {r.Version}"));
            var (exitCode, output) = await RunAsync(DotnetHost(), arguments, folder,
                line => progress(line.Replace(project + " : ", "", StringComparison.Ordinal).Replace(project, names, StringComparison.Ordinal)),
                cancellationToken).ConfigureAwait(false);
            if (exitCode != 0)
            {
                var error = output.Select(l => RestoreError().Match(l)).FirstOrDefault(m => m.Success);
                throw new PackageRestoreException(error is not null
                    ? $"{error.Groups[1].Value}: {error.Groups[2].Value.Trim()}"
                    : $"dotnet restore exited with code {exitCode}: {output.LastOrDefault(l => l.Trim().Length > 0)?.Trim()}");
            }
            return ReadAssets(Path.Combine(folder, "obj", "project.assets.json"));
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    static string ProjectXml(IReadOnlyList<Request> requests) =>
        $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>{Framework}</TargetFramework>
            <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
            <DisableImplicitNuGetFallbackFolder>true</DisableImplicitNuGetFallbackFolder>
          </PropertyGroup>
          <ItemGroup>
        {string.Concat(requests.Select(r => $"    <PackageReference Include=\"{SecurityElement.Escape(r.Name)}\" Version=\"{SecurityElement.Escape(r.Version ?? "*")}\" />\n"))}  </ItemGroup>
        </Project>
        """;

    /// <summary>The NuGet.config dotnet would find for a project in <paramref name="directory"/>: the nearest one in it or above it.</summary>
    static string? NuGetConfigAbove(string directory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(directory)); dir is not null; dir = dir.Parent)
        {
            if (!dir.Exists) continue;
            var config = dir.EnumerateFiles().FirstOrDefault(f => string.Equals(f.Name, "nuget.config", StringComparison.OrdinalIgnoreCase));
            if (config is not null) return config.FullName;
        }
        return null;
    }

    /// <summary>The dotnet host: the one running us when we run under it, else the one beside this runtime, else dotnet on PATH.</summary>
    static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        if (Environment.ProcessPath is { } process && Path.GetFileNameWithoutExtension(process) == "dotnet") return process;
        var root = new DirectoryInfo(Path.GetDirectoryName(typeof(object).Assembly.Location)!).Parent?.Parent?.Parent?.FullName;
        var beside = root is null ? null : Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return beside is not null && File.Exists(beside) ? beside : "dotnet";
    }

    static async Task<(int ExitCode, List<string> Output)> RunAsync(string program, IReadOnlyList<string> arguments, string workingDirectory,
        Action<string> progress, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        // A host started by dotnet test or MSBuild passes on variables that would steer this restore's MSBuild.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
            info.Environment.Remove(key);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new PackageRestoreException($"could not start {program}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new PackageRestoreException($"cannot run {program} to restore packages ({e.Message}); install the .NET SDK");
        }
        using (process)
        {
            var lines = new List<string>();
            void OnLine(string? line)
            {
                if (line is null) return;
                lock (lines) lines.Add(line);
                if (line.Trim().Length > 0) progress(line.Trim());
            }
            process.OutputDataReceived += (_, e) => OnLine(e.Data);
            process.ErrorDataReceived += (_, e) => OnLine(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                throw;
            }
            process.WaitForExit(); // drain the output handlers
            lock (lines) return (process.ExitCode, lines.ToList());
        }
    }

    /// <summary>Every package of the restored graph with its runtime assemblies and native libraries for this platform.</summary>
    static IReadOnlyList<Package> ReadAssets(string assetsPath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(assetsPath));
        var root = doc.RootElement;
        var packageFolder = root.GetProperty("packageFolders").EnumerateObject().First().Name;
        var libraries = root.GetProperty("libraries");
        var target = root.GetProperty("targets").EnumerateObject().First(t => !t.Name.Contains('/', StringComparison.Ordinal)).Value;
        var rids = RuntimeIdentifiers();
        var packages = new List<Package>();
        foreach (var library in target.EnumerateObject())
        {
            if (!library.Value.TryGetProperty("type", out var type) || type.GetString() != "package") continue;
            var folder = Path.Combine(packageFolder, libraries.GetProperty(library.Name).GetProperty("path").GetString()!);
            var assemblies = Assets(library.Value, "runtime").Where(a => a.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).ToList();
            var natives = Assets(library.Value, "native").ToList();
            // RID-specific assets: the best match for this platform replaces the portable ones of the same kind.
            if (library.Value.TryGetProperty("runtimeTargets", out var targets))
            {
                var byRid = targets.EnumerateObject()
                    .Select(t => (Path: t.Name, Kind: t.Value.GetProperty("assetType").GetString(), Rid: t.Value.GetProperty("rid").GetString()))
                    .ToList();
                var best = rids.FirstOrDefault(r => byRid.Any(t => t.Rid == r));
                if (best is not null)
                {
                    var ridAssemblies = byRid.Where(t => t.Rid == best && t.Kind == "runtime").Select(t => t.Path).ToList();
                    if (ridAssemblies.Count > 0) assemblies = ridAssemblies;
                    natives.AddRange(byRid.Where(t => t.Rid == best && t.Kind == "native").Select(t => t.Path));
                }
            }
            var slash = library.Name.IndexOf('/');
            packages.Add(new Package(library.Name[..slash], library.Name[(slash + 1)..],
                assemblies.Select(a => Path.Combine(folder, a)).ToList(), natives.Select(n => Path.Combine(folder, n)).ToList()));
        }
        return packages;
    }

    static IEnumerable<string> Assets(JsonElement library, string kind) =>
        library.TryGetProperty(kind, out var assets)
            ? assets.EnumerateObject().Select(a => a.Name).Where(a => !a.EndsWith("_._", StringComparison.Ordinal))
            : [];

    /// <summary>This platform's runtime identifiers, most specific first (e.g. linux-x64, linux, unix, any).</summary>
    static IReadOnlyList<string> RuntimeIdentifiers()
    {
        var arch = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        var list = new List<string> { System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, $"{os}-{arch}", os };
        if (!OperatingSystem.IsWindows()) list.Add("unix");
        list.Add("any");
        return list.Distinct(StringComparer.Ordinal).ToList();
    }
}
