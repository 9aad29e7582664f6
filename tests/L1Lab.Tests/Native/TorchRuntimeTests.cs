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

    [Fact]
    public void Patched_copy_has_no_strong_requirement_the_host_lacks()
    {
        var status = TorchRuntime.Initialize();
        if (!status.Patched) return; // host libstdc++ is new enough: nothing was copied, nothing to check

        var needs = ElfVersions.Needs(File.ReadAllBytes(status.Library!), status.Library!);

        Assert.All(status.WeakenedVersions, v => Assert.True(needs.Single(n => n.Name == v).IsWeak));
        Assert.DoesNotContain(status.Library!, Directory.GetDirectories(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget")));
    }
}
