using System.Globalization;
using L1Lab.Models;
using L1Lab.Sparse;
using L1Lab.Training;

namespace L1Lab.Benchmarks;

/// <summary>
/// A measured script: what sparsity buys at inference. Trains the articles' MLP with proximal L1 (λ = 1e-3 by
/// default, 10 epochs), then times dense vs CSR forward passes at batch 1 and 1,000 and prints model sizes; then
/// prunes copies of the baseline model by magnitude to a range of sparsities to find where CSR starts to win.
/// </summary>
/// <remarks>Usage: <c>sparse [--epochs N] [--lambda λ]</c>.</remarks>
public static class SparseScript
{
    public static int Run(string[] args)
    {
        string Option(string name, string fallback) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        int epochs = int.Parse(Option("--epochs", "10"), CultureInfo.InvariantCulture);
        double lambda = double.Parse(Option("--lambda", "1e-3"), CultureInfo.InvariantCulture);

        L1Lab.Native.TorchRuntime.Initialize();
        using var model = Mlp.Create([784, 256, 10], seed: 42);
        var history = new Trainer(new TrainingOptions { Epochs = epochs, L1Lambda = lambda, L1Mode = L1Mode.Proximal })
            .Fit(model, Shared.Train, Shared.Test);
        var sparse = SparseMlp.From(model);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trained: proximal L1 λ = {lambda:G3}, {epochs} epochs, test accuracy {100 * history[^1].TestAccuracy:F2} %, exact zeros {100 * history[^1].ZeroFraction:F2} %"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"size: dense float32 {sparse.DenseBytes / 1024.0:F1} KiB, CSR {sparse.StorageBytes / 1024.0:F1} KiB ({(double)sparse.StorageBytes / sparse.DenseBytes:P1} of dense)"));

        Console.WriteLine("model,sparsity,batch,dense_us,csr_us,speedup");
        foreach (int batch in new[] { 1, 1000 })
            Print("trained", InferenceComparison.Measure(model, Shared.Test.Images.narrow(0, 0, batch), batch == 1 ? 2000 : 20));

        using var baseline = Mlp.Create([784, 256, 10], seed: 42);
        new Trainer(new TrainingOptions { Epochs = 1 }).Fit(baseline, Shared.Train, Shared.Test);
        foreach (double target in new[] { 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99 })
        {
            using var pruned = Pruning.ByMagnitude(baseline, target);
            foreach (int batch in new[] { 1, 1000 })
                Print("pruned", InferenceComparison.Measure(pruned, Shared.Test.Images.narrow(0, 0, batch), batch == 1 ? 2000 : 20));
        }
        return 0;
    }

    static void Print(string name, InferenceTiming t) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name},{t.Sparsity:F4},{t.Batch},{t.DenseMicroseconds:F1},{t.SparseMicroseconds:F1},{t.Speedup:F2}"));
}
