using System.Diagnostics;
using System.Globalization;
using L1Lab.Models;
using L1Lab.Training;

namespace L1Lab.Benchmarks;

/// <summary>
/// A measured script, not a BenchmarkDotNet run: trains the articles' configuration for N epochs (default 10)
/// and prints the process's resident set size and TorchSharp's live-tensor count after every epoch, so flat
/// memory can be read off directly.
/// </summary>
public static class MemoryScript
{
    public static int Run(string[] args)
    {
        L1Lab.Native.TorchRuntime.Initialize();
        int epochs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        bool handDerived = !args.Contains("--autograd");
        if (Array.IndexOf(args, "--threads") is var t and >= 0) TorchSharp.torch.set_num_threads(int.Parse(args[t + 1], CultureInfo.InvariantCulture));
        var mode = args.Contains("--proximal") ? L1Mode.Proximal : L1Mode.Subgradient;
        using var model = Mlp.Create([784, 256, 10], seed: 1);
        var trainer = new Trainer(new TrainingOptions { Epochs = epochs, L1Lambda = 1e-4, L1Mode = mode, UseHandDerivedStep = handDerived });
        var process = Process.GetCurrentProcess();
        Console.WriteLine($"hand-derived: {handDerived}, L1 {mode.ToString().ToLowerInvariant()}, {epochs} epochs, {TorchSharp.torch.get_num_threads()} torch threads");
        Console.WriteLine("epoch,seconds,rss_mib,peak_rss_mib,managed_heap_mib,live_tensors");
        trainer.Fit(model, Shared.Train, Shared.Test, new SyncProgress<TrainingProgress>(p =>
        {
            if (p.Completed is not { } m) return;
            process.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{m.Epoch},{m.Seconds:F3},{process.WorkingSet64 / 1048576.0:F1},{process.PeakWorkingSet64 / 1048576.0:F1},{GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:F1},{TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount}"));
        }));
        return 0;
    }
}
