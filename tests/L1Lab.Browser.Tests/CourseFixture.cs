namespace L1Lab.Browser.Tests;

/// <summary>
/// The course built once for every test that needs it, as CI builds it: <c>l1lab book build</c> with the quick values,
/// keeping the executed notebooks (for nbconvert and the determinism check). Built on first use, deleted at the end.
/// </summary>
public sealed class CourseFixture : IDisposable
{
    readonly Lazy<CourseBuild> _build;
    readonly string _root = Directory.CreateTempSubdirectory("l1lab-browser-").FullName;

    public CourseFixture() => _build = new Lazy<CourseBuild>(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The built book and executed notebooks (the build runs on first access).</summary>
    public CourseBuild Course => _build.Value;

    /// <summary>A fresh folder under this fixture's temporary root.</summary>
    public string NewFolder(string name) => Directory.CreateDirectory(Path.Combine(_root, name + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    CourseBuild Build()
    {
        var site = Path.Combine(_root, "book");
        var executed = Path.Combine(_root, "executed");
        var result = L1labCommand.Run(["book", "build", "--out", site, "--save-to", executed, "--notebooks", TestPaths.Notebooks, "--quick"]);
        return new CourseBuild(site, executed, result);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>The outcome of the fixture's <c>book build</c>.</summary>
/// <param name="Site">The book's folder.</param>
/// <param name="Executed">The executed notebooks (<c>--save-to</c>).</param>
/// <param name="Result">The command's exit code and output.</param>
public sealed record CourseBuild(string Site, string Executed, ChildProcess.Result Result);
