namespace L1Lab.Kernel.Tests;

/// <summary>
/// <c>#r "nuget: …"</c> for a package the project does not pin: a tiny package packed in the test into a local folder,
/// the only source of a NuGet.config in the kernel's working folder, restored into a test-owned NuGet cache. No network.
/// </summary>
public sealed class NuGetRestoreTests
{
    [Fact]
    public void A_package_from_a_local_source_restores_with_progress_and_a_missing_one_is_one_line_in_a_kernel_that_stays_usable()
    {
        using var work = new TempDirectory();
        var feed = Directory.CreateDirectory(Path.Combine(work.Path, "feed")).FullName;
        var notebooks = Directory.CreateDirectory(Path.Combine(work.Path, "notebooks")).FullName;
        File.WriteAllText(Path.Combine(work.Path, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        PackTinyPackage(Path.Combine(work.Path, "tiny"), feed);

        // The kernel runs in the notebook's folder; the NuGet.config one level up is the one dotnet would find.
        using var kernel = KernelProcess.Start(notebooks, new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(work.Path, "cache") });
        var results = kernel.Drive(
            Step.Execute("#r \"nuget: Tiny.Pkg, 1.0.0\"\nTiny.Greeter.Hello(\"kernel\")"),
            Step.Execute("#r \"nuget: No.Such.Package, 1.0.0\""),
            Step.Execute("Tiny.Greeter.Hello(\"again\")"),
            Step.Request("complete_request", new() { ["code"] = "Tiny.Greeter.", ["cursor_pos"] = 13 }));

        var restored = results[0]!;
        Assert.Equal("ok", restored.Status());
        Assert.Equal("Hello, kernel", restored.ResultText());
        var progress = string.Concat(restored["iopub"]!.AsArray().Where(m => (string)m!["type"]! == "stream").Select(m => (string)m!["content"]!["text"]!));
        Assert.StartsWith("Restoring Tiny.Pkg 1.0.0\n", progress);
        Assert.Contains("Loaded Tiny.Pkg 1.0.0", progress);
        Assert.DoesNotContain("restore.csproj", progress);
        Assert.True(File.Exists(Path.Combine(work.Path, "cache", "tiny.pkg", "1.0.0", "lib", "net10.0", "Tiny.Pkg.dll")), "restored into the NuGet cache given to the kernel");

        var missing = results[1]!;
        Assert.Equal("error", missing.Status());
        Assert.Equal("Directive", (string)missing["reply"]!["ename"]!);
        var message = (string)missing["reply"]!["evalue"]!;
        Assert.DoesNotContain('\n', message);
        Assert.StartsWith("package No.Such.Package 1.0.0: restore failed: NU1101", message);

        Assert.Equal("Hello, again", results[2]!.ResultText());
        Assert.Contains("Hello", results[3]!["reply"]!["matches"]!.AsArray().Select(m => (string)m!));
    }

    /// <summary>Packs a one-class library as Tiny.Pkg 1.0.0 into <paramref name="feed"/>, restoring only from that folder.</summary>
    static void PackTinyPackage(string folder, string feed)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Tiny.Pkg.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <PackageId>Tiny.Pkg</PackageId>
                <Version>1.0.0</Version>
                <Authors>L1Lab tests</Authors>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Greeter.cs"), """
            namespace Tiny;

            public static class Greeter
            {
                public static string Hello(string name) => $"Hello, {name}";
            }
            """);
        var pack = ChildProcess.Run(TestPaths.Dotnet, ["pack", folder, "-o", feed, "--nologo", "-p:NuGetAudit=false"], workingDirectory: folder,
            environment: new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" });
        Assert.True(pack.ExitCode == 0, $"dotnet pack failed:\n{pack.Stdout}\n{pack.Stderr}");
        Assert.True(File.Exists(Path.Combine(feed, "Tiny.Pkg.1.0.0.nupkg")), pack.Stdout);
    }
}
