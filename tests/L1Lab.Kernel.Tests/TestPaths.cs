namespace L1Lab.Kernel.Tests;

/// <summary>Where the built CLI, library and test scripts are, found from this test assembly's own folder.</summary>
static class TestPaths
{
    /// <summary>The repository root (the folder holding L1Lab.slnx).</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration this test assembly was built in (bin/&lt;configuration&gt;/net10.0).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>The CLI assembly that runs the kernel (built before the tests through a project reference).</summary>
    public static string CliDll => Path.Combine(RepoRoot, "lib", "L1Lab.Cli", "bin", Configuration, "net10.0", "L1Lab.Cli.dll");

    /// <summary>The L1Lab library, as notebooks reference it with #r.</summary>
    public static string LibraryDll => Path.Combine(RepoRoot, "lib", "L1Lab", "bin", Configuration, "net10.0", "L1Lab.dll");

    /// <summary>A Python script copied next to the tests.</summary>
    public static string Script(string name) => Path.Combine(AppContext.BaseDirectory, "Python", name);

    /// <summary>The dotnet host running these tests (so the kernel runs on the same runtime).</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>Debian's Python, which has jupyter_client and nbclient (not a pyenv shim).</summary>
    public const string Python = "/usr/bin/python3";

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "L1Lab.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"no L1Lab.slnx above {AppContext.BaseDirectory}");
    }
}
