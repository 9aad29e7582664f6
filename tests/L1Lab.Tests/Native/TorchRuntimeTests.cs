using L1Lab.Native;

namespace L1Lab.Tests.Native;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void Torch_initialises_and_computes_on_this_host()
    {
        var status = TorchRuntime.Initialize();

        using var sum = ones(3, 4).sum();

        Assert.Equal(12f, sum.item<float>());
        Assert.False(string.IsNullOrWhiteSpace(status.Detail));
    }

    [SkippableFact]
    public void Patched_copy_has_no_strong_requirement_the_host_lacks()
    {
        var status = TorchRuntime.Initialize();
        Skip.IfNot(status.Patched, $"this host's libstdc++ is new enough, so no patched copy was made ({status.Detail}).");

        var needs = ElfVersions.Needs(File.ReadAllBytes(status.Library!), status.Library!);

        Assert.All(status.WeakenedVersions, v => Assert.True(needs.Single(n => n.Name == v).IsWeak));
        Assert.DoesNotContain(status.Library!, Directory.GetDirectories(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget")));
    }
}

public sealed class TorchRuntimeFromNuGetCacheTests
{
    [Fact]
    public void Torch_initialises_when_TorchSharp_loads_from_the_NuGet_cache_as_in_a_notebook_kernel()
    {
        // Given an app whose TorchSharp and native libraries stay in the NuGet cache (what `#r "nuget: …"` does)
        var root = Directory.GetParent(L1Lab.Data.DataPaths.FindDataDirectory())!.FullName;
        var project = Path.Combine(root, "tests", "fixtures", "NuGetCacheLoad", "NuGetCacheLoad.csproj");
        var output = Directory.CreateTempSubdirectory("l1lab-nuget-cache-").FullName;
        try
        {
            var build = Run("dotnet", "build", project, "-o", output, "-nologo", "-v", "q");
            Assert.True(build.Code == 0, build.Text);
            Assert.False(File.Exists(Path.Combine(output, "TorchSharp.dll")), "TorchSharp was copied; the fixture must load it from the cache");

            // When it starts and initialises torch through L1Lab
            var run = Run("dotnet", Path.Combine(output, "NuGetCacheLoad.dll"));

            // Then TorchSharp came from the package folder and torch computes
            Assert.True(run.Code == 0, run.Text);
            Assert.Matches(@"TorchSharp: .*torchsharp[/\\]0\.107\.0[/\\]lib", run.Text);
            Assert.Contains("Sum: 3", run.Text);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    static (int Code, string Text) Run(string file, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
