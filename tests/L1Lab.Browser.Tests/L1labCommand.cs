namespace L1Lab.Browser.Tests;

/// <summary>The built l1lab app, run as a user runs it (a child process, from the repository's root).</summary>
public static class L1labCommand
{
    /// <summary>Runs <c>l1lab</c> with <paramref name="arguments"/>.</summary>
    public static ChildProcess.Result Run(params string[] arguments) =>
        ChildProcess.Run(TestPaths.Dotnet, [TestPaths.CliDll, .. arguments], workingDirectory: TestPaths.RepoRoot);
}
