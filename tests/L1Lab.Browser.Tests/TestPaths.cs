namespace L1Lab.Browser.Tests;

/// <summary>Where the repository, the built app and Debian's Python are, found from this test assembly's folder.</summary>
static class TestPaths
{
    /// <summary>The repository root (the folder holding L1Lab.slnx).</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration this test assembly was built in.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>The app (built before the tests through a project reference), run as <c>dotnet L1Lab.Cli.dll …</c>.</summary>
    public static string CliDll => Path.Combine(RepoRoot, "lib", "L1Lab.Cli", "bin", Configuration, "net10.0", "L1Lab.Cli.dll");

    /// <summary>The course's notebooks.</summary>
    public static string Notebooks => Path.Combine(RepoRoot, "notebooks");

    /// <summary>The dotnet host running these tests.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>Debian's Python (nbconvert, jupyter notebook), not a pyenv shim earlier on PATH.</summary>
    public const string Python = "/usr/bin/python3";

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "L1Lab.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"no L1Lab.slnx above {AppContext.BaseDirectory}");
    }
}
