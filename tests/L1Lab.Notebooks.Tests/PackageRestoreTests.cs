namespace L1Lab.Notebooks.Tests;

/// <summary>
/// <c>#r "nuget: …"</c> for packages the project does not pin: restored from the sources of the NuGet.config above the
/// notebook's folder. These sources are made in the test (an empty local folder, a loopback port nobody listens on),
/// so nothing goes to the network; the kernel tests restore a real package packed in the test.
/// </summary>
public sealed class PackageRestoreTests
{
    static NotebookSession SessionWithSource(TempNotebook folder, string source)
    {
        File.WriteAllText(Path.Combine(folder.Directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="only" value="{source}" />
              </packageSources>
            </configuration>
            """);
        var notebooks = Directory.CreateDirectory(Path.Combine(folder.Directory, "notebooks")).FullName;
        return new NotebookSession(new NotebookSessionOptions { BaseDirectory = notebooks });
    }

    static async Task<CellResult> Run(NotebookSession session, string code)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        return await session.ExecuteCellAsync(code, timeout.Token);
    }

    [Fact]
    public async Task A_package_no_source_has_is_one_line_naming_it_and_NuGets_reason_and_the_session_goes_on()
    {
        using var folder = new TempNotebook();
        var feed = Directory.CreateDirectory(Path.Combine(folder.Directory, "feed")).FullName;
        var session = SessionWithSource(folder, feed);
        Assert.True((await Run(session, "var kept = 42;")).Succeeded);

        var result = await Run(session, "// a comment first\n#r \"nuget: No.Such.Package, 1.0.0\"");

        Assert.Equal(CellErrorKind.Directive, result.Error?.Kind);
        Assert.Equal(2, result.Error?.Line);
        Assert.StartsWith("package No.Such.Package 1.0.0: restore failed: NU1101: Unable to find package No.Such.Package", result.Error?.Message);
        Assert.DoesNotContain('\n', result.Error!.Message);
        var progress = string.Concat(result.Outputs.OfType<StreamOutput>().Select(s => s.Text));
        Assert.StartsWith("Restoring No.Such.Package 1.0.0\n", progress);
        Assert.Equal(42, (await Run(session, "kept")).ReturnValue);
    }

    [Fact]
    public async Task An_unreachable_registry_is_one_line_naming_the_source()
    {
        using var folder = new TempNotebook();
        // Port 9 (discard) on loopback: nothing listens, so the connection is refused at once.
        var session = SessionWithSource(folder, "https://127.0.0.1:9/v3/index.json");

        var result = await Run(session, "#r \"nuget: Some.Package, 2.0.0\"");

        Assert.Equal(CellErrorKind.Directive, result.Error?.Kind);
        Assert.StartsWith("package Some.Package 2.0.0: restore failed: NU1301: Unable to load the service index for source https://127.0.0.1:9/v3/index.json", result.Error?.Message);
        Assert.DoesNotContain('\n', result.Error!.Message);
    }

    [Theory]
    [InlineData("#r \"nuget: Bad Name, 1.0.0\"", "not a NuGet package id")]
    [InlineData("#r \"nuget: Tiny.Pkg, 1.0.0<Exec/>\"", "not a NuGet version or range")]
    public async Task A_malformed_package_id_or_version_is_refused_before_any_restore(string code, string reason)
    {
        var result = await Run(new NotebookSession(), code);

        Assert.Equal(CellErrorKind.Directive, result.Error?.Kind);
        Assert.Contains(reason, result.Error?.Message);
        Assert.Empty(result.Outputs.OfType<StreamOutput>());
    }
}
