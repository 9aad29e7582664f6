using System.Globalization;
using L1Lab.Models;
using L1Lab.Training;

namespace L1Lab.Benchmarks;

/// <summary>
/// A measured script: trains the articles' configuration (MLP 784-256-10, SGD lr 0.01, batch 32, all 60,000
/// images) through <see cref="Trainer"/>, the path <c>reproduce</c> takes, and prints the seconds of training
/// steps of every epoch as CSV. <c>benchmarks/compare-pytorch.sh</c> runs it alternately with
/// <c>benchmarks/pytorch/train_mnist.py</c>, which prints the same columns for PyTorch.
/// </summary>
/// <remarks>Usage: <c>epochs [--epochs N] [--mode none|penalty|proximal] [--lambda λ]</c>.</remarks>
public static class EpochScript
{
    /// <summary>The modes both scripts understand, mapped to how <see cref="Trainer"/> applies L1.</summary>
    static readonly Dictionary<string, L1Mode?> Modes = new()
    {
        ["none"] = null,
        ["penalty"] = L1Mode.Penalty,
        ["proximal"] = L1Mode.Proximal,
    };

    public static int Run(string[] args)
    {
        string Option(string name, string fallback) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;

        int epochs = int.Parse(Option("--epochs", "3"), CultureInfo.InvariantCulture);
        string modeName = Option("--mode", "none");
        double lambda = double.Parse(Option("--lambda", "0.01"), CultureInfo.InvariantCulture);
        if (!Modes.TryGetValue(modeName, out var mode))
        {
            Console.Error.WriteLine($"epochs: --mode must be one of {string.Join(", ", Modes.Keys)} (got '{modeName}').");
            return 2;
        }

        L1Lab.Native.TorchRuntime.Initialize();
        var options = new TrainingOptions
        {
            Epochs = epochs,
            L1Lambda = mode is null ? 0 : lambda,
            L1Mode = mode ?? L1Mode.Penalty,
        };
        using var model = Mlp.Create([784, 256, 10], seed: 42);
        Console.WriteLine("framework,mode,epoch,seconds,test_accuracy");
        new Trainer(options).Fit(model, Shared.Train, Shared.Test, new SyncProgress<TrainingProgress>(p =>
        {
            if (p.Completed is not { } m) return;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"l1lab,{modeName},{m.Epoch},{m.Seconds:F4},{m.TestAccuracy:F4}"));
        }));
        return 0;
    }
}
