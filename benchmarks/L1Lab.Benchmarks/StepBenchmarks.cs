using BenchmarkDotNet.Attributes;
using L1Lab.Models;
using L1Lab.Training;
using static TorchSharp.torch;

namespace L1Lab.Benchmarks;

/// <summary>
/// One SGD step of the articles' MLP at batch 32: autograd (<see cref="Trainer"/>'s general path) against the
/// hand-derived, allocation-free step, with L1 off, as a subgradient step, or as a proximal step.
/// </summary>
[MemoryDiagnoser]
public class StepBenchmarks
{
    [Params("none", "subgradient", "proximal")]
    public string L1 { get; set; } = "none";

    Mlp model = null!;
    HandDerivedStep handDerived = null!;
    Tensor x = null!, y = null!;
    List<Tensor> parameters = null!, weights = null!;
    double lambda;

    [GlobalSetup]
    public void Setup()
    {
        L1Lab.Native.TorchRuntime.Initialize();
        lambda = L1 == "none" ? 0 : 1e-4;
        var options = new TrainingOptions { L1Lambda = lambda, L1Mode = L1 == "proximal" ? L1Mode.Proximal : L1Mode.Subgradient };
        model = Mlp.Create([784, 256, 10], seed: 1);
        handDerived = new HandDerivedStep(model, options);
        x = Shared.Train.Images.narrow(0, 0, 32);
        y = Shared.Train.Labels.narrow(0, 0, 32);
        parameters = model.parameters().Select(p => (Tensor)p).ToList();
        weights = Regularized.Parameters(model).Select(p => (Tensor)p.Parameter).ToList();
    }

    [Benchmark(Baseline = true)]
    public double Autograd()
    {
        using var scope = NewDisposeScope();
        var loss = Losses.CrossEntropy(model.forward(x), y);
        model.zero_grad();
        loss.backward();
        switch (L1)
        {
            case "subgradient": Updates.SubgradientStep(model, 0.01, lambda); break;
            case "proximal": Updates.ProximalStep(model, 0.01, lambda); break;
            default: Updates.GradientStep(parameters, 0.01); break;
        }
        return loss.item<float>();
    }

    [Benchmark]
    public double HandDerived() => handDerived.Step(x, y);

    [GlobalCleanup]
    public void Cleanup()
    {
        handDerived.Dispose();
        model.Dispose();
    }
}
