namespace L1Lab.Browser.Tests;

/// <summary>The built l1lab app, run as a user runs it (a child process, from the repository's root).</summary>
public static class L1labCommand
{
    /// <summary>Runs <c>l1lab</c> with <paramref name="arguments"/>, for up to 10 minutes (building the whole book takes minutes).</summary>
    public static ChildProcess.Result Run(params string[] arguments) => Run(new Dictionary<string, string>(), arguments);

    /// <summary>Runs <c>l1lab</c> as <see cref="Run(string[])"/> does, with extra environment variables (locale, time zone).</summary>
    public static ChildProcess.Result Run(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        ChildProcess.Run(TestPaths.Dotnet, [TestPaths.CliDll, .. arguments], workingDirectory: TestPaths.RepoRoot, environment: environment,
            timeout: TimeSpan.FromMinutes(10));
}
