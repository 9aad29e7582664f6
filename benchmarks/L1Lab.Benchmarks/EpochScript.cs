using System.Globalization;
using L1Lab.Data;
using L1Lab.Models;
using static TorchSharp.torch;
using L1Lab.Training;

namespace L1Lab.Benchmarks;

/// <summary>
/// A measured script: trains through <see cref="Trainer"/>, the path <c>reproduce</c> and the notebooks take, and prints
/// the seconds of training steps of every epoch as CSV. <c>--model mlp</c> (default) is the articles' configuration
/// (MLP 784-256-10, SGD lr 0.01, batch 32, all 60,000 MNIST images); <c>--model cnn</c> is notebook 10's CNN
/// (<see cref="Cnn"/> [16, 32], SGD lr 0.05, batch 32, the 4,708 PneumoniaMNIST training images).
/// <c>benchmarks/compare-pytorch.sh [--model cnn]</c> runs it alternately with <c>benchmarks/pytorch/train_mnist.py</c>
/// or <c>train_cnn.py</c>, which print the same columns for PyTorch.
/// </summary>
/// <remarks>Usage: <c>epochs [--model mlp|cnn] [--epochs N] [--mode none|penalty|proximal|group] [--lambda λ]</c>;
/// <c>group</c> (CNN only) is proximal L1 plus group lasso on whole filters (λ_g = 10·λ).</remarks>
public static class EpochScript
{
    /// <summary>The modes both scripts understand, mapped to how <see cref="Trainer"/> applies L1.</summary>
    static readonly Dictionary<string, L1Mode?> Modes = new()
    {
        ["none"] = null,
        ["penalty"] = L1Mode.Penalty,
        ["proximal"] = L1Mode.Proximal,
        ["group"] = L1Mode.Proximal,
    };

    public static int Run(string[] args)
    {
        string Option(string name, string fallback) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;

        int epochs = int.Parse(Option("--epochs", "3"), CultureInfo.InvariantCulture);
        string modeName = Option("--mode", "none");
        string modelName = Option("--model", "mlp");
        if (modelName is not ("mlp" or "cnn"))
        {
            Console.Error.WriteLine($"epochs: --model must be mlp or cnn (got '{modelName}').");
            return 2;
        }
        double lambda = double.Parse(Option("--lambda", "0.01"), CultureInfo.InvariantCulture);
        if (!Modes.TryGetValue(modeName, out var mode))
        {
            Console.Error.WriteLine($"epochs: --mode must be one of {string.Join(", ", Modes.Keys)} (got '{modeName}').");
            return 2;
        }

        L1Lab.Native.TorchRuntime.Initialize();
        bool cnn = modelName == "cnn";
        if (modeName == "group" && !cnn)
        {
            Console.Error.WriteLine("epochs: --mode group needs --model cnn (an MLP has no filters).");
            return 2;
        }
        var options = new TrainingOptions
        {
            Epochs = epochs,
            LearningRate = cnn ? 0.05 : 0.01,
            L1Lambda = mode is null ? 0 : lambda,
            L1Mode = mode ?? L1Mode.Penalty,
            FilterGroupLambda = modeName == "group" ? 10 * lambda : 0,
        };
        using var pneumonia = cnn ? MedMnist.LoadPneumoniaMnist(DataPaths.FindDataDirectory()) : null;
        using nn.Module<Tensor, Tensor> model = cnn ? Cnn.Create([16, 32], 2, seed: 42) : Mlp.Create([784, 256, 10], seed: 42);
        Console.WriteLine("framework,mode,epoch,seconds,held_out_accuracy");
        new Trainer(options).Fit(model, pneumonia?.Train ?? Shared.Train, pneumonia?.Validation ?? Shared.Test, new SyncProgress<TrainingProgress>(p =>
        {
            if (p.Completed is not { } m) return;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"l1lab,{modeName},{m.Epoch},{m.Seconds:F4},{m.TestAccuracy:F4}"));
        }));
        return 0;
    }
}
