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

    Mlp _model = null!;
    HandDerivedStep _handDerived = null!;
    Tensor _x = null!, _y = null!;
    List<Tensor> _parameters = null!;
    double _lambda;

    [GlobalSetup]
    public void Setup()
    {
        L1Lab.Native.TorchRuntime.Initialize();
        _lambda = L1 == "none" ? 0 : 1e-4;
        var options = new TrainingOptions { L1Lambda = _lambda, L1Mode = L1 == "proximal" ? L1Mode.Proximal : L1Mode.Subgradient };
        _model = Mlp.Create([784, 256, 10], seed: 1);
        _handDerived = new HandDerivedStep(_model, options);
        _x = Shared.Train.Images.narrow(0, 0, 32);
        _y = Shared.Train.Labels.narrow(0, 0, 32);
        _parameters = _model.parameters().Select(p => (Tensor)p).ToList();
    }

    [Benchmark(Baseline = true)]
    public double Autograd()
    {
        using var scope = NewDisposeScope();
        var loss = Losses.CrossEntropy(_model.forward(_x), _y);
        _model.zero_grad();
        loss.backward();
        switch (L1)
        {
            case "subgradient": Updates.SubgradientStep(_model, 0.01, _lambda); break;
            case "proximal": Updates.ProximalStep(_model, 0.01, _lambda); break;
            default: Updates.GradientStep(_parameters, 0.01); break;
        }
        return loss.item<float>();
    }

    [Benchmark]
    public double HandDerived() => _handDerived.Step(_x, _y);

    [GlobalCleanup]
    public void Cleanup()
    {
        _handDerived.Dispose();
        _model.Dispose();
    }
}
