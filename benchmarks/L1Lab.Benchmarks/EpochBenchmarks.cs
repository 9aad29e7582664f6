using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using L1Lab.Models;
using L1Lab.Training;

namespace L1Lab.Benchmarks;

/// <summary>
/// One epoch of the articles' configuration (60,000 images, batch 32, lr 0.01, then evaluation on train and test),
/// through <see cref="Trainer"/> with the hand-derived step or with autograd, and with each L1 mode.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class EpochBenchmarks
{
    [Params(true, false)]
    public bool HandDerived { get; set; }

    [Params("none", "penalty", "subgradient", "proximal")]
    public string L1 { get; set; } = "none";

    Mlp _model = null!;
    Trainer _trainer = null!;

    [GlobalSetup]
    public void Setup()
    {
        L1Lab.Native.TorchRuntime.Initialize();
        _model = Mlp.Create([784, 256, 10], seed: 1);
        _trainer = new Trainer(new TrainingOptions
        {
            Epochs = 1,
            UseHandDerivedStep = HandDerived,
            L1Lambda = L1 == "none" ? 0 : 1e-4,
            L1Mode = L1 == "none" ? L1Mode.Penalty : Enum.Parse<L1Mode>(L1, ignoreCase: true),
        });
    }

    [Benchmark]
    public double Epoch() => _trainer.Fit(_model, Shared.Train, Shared.Test)[0].DataLoss;

    [GlobalCleanup]
    public void Cleanup() => _model.Dispose();
}
