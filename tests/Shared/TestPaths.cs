using System.Reflection;

namespace L1Lab.Tests.Shared;

/// <summary>
/// Where the repository, its notebooks, the built app and library, the dotnet host and Debian's Python are. The
/// repository root comes from the assembly metadata <c>L1Lab.RepositoryRoot</c> that Directory.Build.props gives
/// every test project (defined once, at build time), so no test walks up the folders looking for it.
/// </summary>
public static class TestPaths
{
    /// <summary>The repository root (the folder holding Directory.Build.props and L1Lab.slnx).</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>The course's English notebooks (<c>notebooks/</c>); editions sit in subfolders.</summary>
    public static string Notebooks => Path.Combine(RepoRoot, "notebooks");

    /// <summary>Debug or Release: the configuration this test assembly was built in (bin/&lt;configuration&gt;/net10.0).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>The app (built before the tests through a project reference), run as <c>dotnet L1Lab.Cli.dll …</c>.</summary>
    public static string CliDll => Path.Combine(RepoRoot, "lib", "L1Lab.Cli", "bin", Configuration, "net10.0", "L1Lab.Cli.dll");

    /// <summary>The L1Lab library of the same configuration, as a notebook can reference it with <c>#r</c>.</summary>
    public static string LibraryDll => Path.Combine(RepoRoot, "lib", "L1Lab", "bin", Configuration, "net10.0", "L1Lab.dll");

    /// <summary>A script copied next to the tests under <c>Python/</c>.</summary>
    public static string Script(string name) => Path.Combine(AppContext.BaseDirectory, "Python", name);

    /// <summary>The dotnet host running these tests (so child processes run on the same runtime).</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>Debian's Python (nbformat, nbclient, nbconvert, the oracles), never a pyenv shim earlier on PATH.</summary>
    public const string Python = "/usr/bin/python3";

    static string FindRoot()
    {
        var root = typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "L1Lab.RepositoryRoot")?.Value;
        if (root is null || !File.Exists(Path.Combine(root, "L1Lab.slnx")))
            throw new InvalidOperationException($"the test assembly names no repository root with L1Lab.slnx (L1Lab.RepositoryRoot = '{root}'); build it through Directory.Build.props");
        return Path.TrimEndingDirectorySeparator(root);
    }
}
