namespace L1Lab.Interactive.Tests;

/// <summary>Where the repository, its notebooks and the dotnet host are, found from this test assembly's own folder.</summary>
static class TestPaths
{
    /// <summary>The repository root (the folder holding L1Lab.slnx).</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>The course notebooks' folder: dotnet-interactive's working directory, so their relative <c>#r</c> resolves.</summary>
    public static string Notebooks => Path.Combine(RepoRoot, "notebooks");

    /// <summary>The dotnet host running these tests (it installs the tool and runs it).</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "L1Lab.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"no L1Lab.slnx above {AppContext.BaseDirectory}");
    }
}
