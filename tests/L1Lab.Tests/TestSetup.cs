using System.Runtime.CompilerServices;
using L1Lab.Native;
using TorchSharp.Modules;

namespace L1Lab.Tests;

/// <summary>Loads TorchSharp's native library (patched if the host needs it) before any test touches torch.</summary>
static class TestSetup
{
#pragma warning disable CA2255 // A test assembly is the one place a module initializer is the right tool.
    [ModuleInitializer]
    internal static void Initialize() => TorchRuntime.Initialize();
#pragma warning restore CA2255
}

/// <summary>
/// Seeded random tensors from a private generator, so tests stay reproducible while xunit runs
/// test classes in parallel (torch.manual_seed is one global generator shared by all of them).
/// </summary>
static class Seeded
{
    /// <summary>Standard-normal float32 tensor of the given shape.</summary>
    public static Tensor Randn(Generator generator, params long[] shape) =>
        randn(shape, generator: generator);

    /// <summary>Uniform [0, 1) float32 tensor of the given shape.</summary>
    public static Tensor Rand(Generator generator, params long[] shape) =>
        rand(shape, generator: generator);

    /// <summary>Overwrites every parameter of <paramref name="model"/> with seeded values of scale 0.5.</summary>
    public static T Initialize<T>(T model, long seed) where T : nn.Module
    {
        var generator = new Generator((ulong)seed);
        using var noGrad = no_grad();
        foreach (var p in model.parameters())
            p.copy_(Randn(generator, p.shape) * 0.5);
        return model;
    }

    /// <summary>A small two-layer network, seeded: Linear(3, 4) → ReLU → Linear(4, 2).</summary>
    public static Sequential SmallNetwork(long seed) =>
        Initialize(nn.Sequential(("0", nn.Linear(3, 4)), ("1", nn.ReLU()), ("2", nn.Linear(4, 2))), seed);
}
