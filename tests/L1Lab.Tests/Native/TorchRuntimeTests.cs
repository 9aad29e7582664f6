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
        // Given the patched copy this host needed and the libstdc++ the process actually runs on
        var status = TorchRuntime.Initialize();
        Skip.IfNot(status.Patched, $"this host's libstdc++ is new enough, so no patched copy was made ({status.Detail}).");
        var hostStdCxx = File.ReadLines("/proc/self/maps").Select(l => l.IndexOf('/') is var i and >= 0 ? l[i..] : "")
            .First(p => Path.GetFileName(p).StartsWith("libstdc++.so", StringComparison.Ordinal));
        var defined = ElfVersions.Definitions(File.ReadAllBytes(hostStdCxx), hostStdCxx);

        // When we read what the copy needs from libstdc++
        var needs = ElfVersions.Needs(File.ReadAllBytes(status.Library!), status.Library!)
            .Where(n => n.File.StartsWith("libstdc++.so", StringComparison.Ordinal)).ToList();

        // Then every requirement the host lacks is weak, every one it has stays strong, and the status names exactly the weakened ones
        Assert.Contains("GLIBCXX_3.4", defined);
        var lacking = needs.Where(n => !defined.Contains(n.Name)).Select(n => n.Name).Distinct().Order().ToList();
        Assert.NotEmpty(lacking);
        Assert.Equal(lacking, status.WeakenedVersions.Order());
        Assert.All(needs, n => Assert.True(n.IsWeak == !defined.Contains(n.Name), $"{n.Name}: weak = {n.IsWeak}, host defines it = {defined.Contains(n.Name)}"));

        // And the copy was written outside the NuGet cache, which stays as NuGet left it
        var nugetRoot = Path.GetFullPath(Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"));
        Assert.False(Path.GetFullPath(status.Library!).StartsWith(nugetRoot, StringComparison.Ordinal), $"{status.Library} is inside {nugetRoot}");
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

    [SkippableFact]
    public void The_patched_copy_goes_to_the_user_cache_when_the_folder_next_to_L1Lab_cannot_hold_it()
    {
        Skip.IfNot(TorchRuntime.Initialize().Patched, "this host needs no patched copy, so there is nothing to write anywhere.");
        // Given the fixture app with a plain file where the l1lab-native folder would go (a folder nobody can write,
        // even root) and a fresh XDG cache
        var root = Directory.GetParent(L1Lab.Data.DataPaths.FindDataDirectory())!.FullName;
        var project = Path.Combine(root, "tests", "fixtures", "NuGetCacheLoad", "NuGetCacheLoad.csproj");
        var output = Directory.CreateTempSubdirectory("l1lab-fallback-").FullName;
        var cache = Directory.CreateTempSubdirectory("l1lab-xdg-cache-").FullName;
        try
        {
            var build = Run("dotnet", "build", project, "-o", output, "-nologo", "-v", "q");
            Assert.True(build.Code == 0, build.Text);
            File.WriteAllText(Path.Combine(output, "l1lab-native"), "not a folder");

            // When it starts
            var run = Run("dotnet", [Path.Combine(output, "NuGetCacheLoad.dll")], ("XDG_CACHE_HOME", cache));

            // Then torch computes from a copy under $XDG_CACHE_HOME/l1lab/native
            Assert.True(run.Code == 0, run.Text);
            Assert.Contains("Sum: 3", run.Text);
            Assert.Contains($"Library = {Path.Combine(cache, "l1lab", "native")}", run.Text);
            Assert.Single(Directory.GetFiles(Path.Combine(cache, "l1lab", "native"), "libLibTorchSharp.so", SearchOption.AllDirectories));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
            Directory.Delete(cache, recursive: true);
        }
    }

    static (int Code, string Text) Run(string file, params string[] args) => Run(file, args, []);

    static (int Code, string Text) Run(string file, string[] args, params (string Name, string Value)[] environment)
    {
        var start = new System.Diagnostics.ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
