using System.Diagnostics;
using System.Globalization;
using L1Lab.Models;
using L1Lab.Training;
using static TorchSharp.torch;

namespace L1Lab.Benchmarks;

/// <summary>
/// A measured script: splits one hand-derived step of the articles' MLP (batch 32) into its parts — the matrix
/// products, the loss and its gradient, the read-back of the loss, the ReLU mask, the update — and times each part
/// alone, round after round, alternating with the whole step so all see the machine in the same state. Prints
/// microseconds per step (medians over the rounds) as CSV.
/// </summary>
/// <remarks>Usage: <c>profile [--rounds N] [--mode none|penalty|proximal] [--threads N]</c>.</remarks>
public static class ProfileScript
{
    public static int Run(string[] args)
    {
        string Option(string name, string fallback) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        int rounds = int.Parse(Option("--rounds", "7"), CultureInfo.InvariantCulture);
        string mode = Option("--mode", "none");
        L1Lab.Native.TorchRuntime.Initialize();
        if (Option("--threads", "") is { Length: > 0 } threads) set_num_threads(int.Parse(threads, CultureInfo.InvariantCulture));
        var options = new TrainingOptions
        {
            L1Lambda = mode == "none" ? 0 : 0.01,
            L1Mode = mode == "proximal" ? L1Mode.Proximal : L1Mode.Penalty,
        };
        using var model = Mlp.Create([784, 256, 10], seed: 1);
        using var step = new HandDerivedStep(model, options);
        using var x = Shared.Train.Images.narrow(0, 0, 32);
        using var y = Shared.Train.Labels.narrow(0, 0, 32);
        using var _ = no_grad();

        var w1 = (Tensor)model.Layers[0].weight!; var w2 = (Tensor)model.Layers[1].weight!;
        using var w1t = w1.t(); using var w2t = w2.t();
        using var z1 = empty(32, 256); using var z2 = empty(32, 10); using var d1 = empty(32, 256); using var d2 = empty(32, 10);
        using var g1 = zeros_like(w1); using var g2 = zeros_like(w2); using var s1 = zeros_like(w1); using var gb = zeros(256);
        using var ones32 = ones(32); using var minus = full(32, 1, -1f); using var mask = empty(32, 256);
        using var d1t = d1.t(); using var d2t = d2.t();
        var picked = y.unsqueeze(1);

        var parts = new (string Name, Action Body)[]
        {
            ("whole step", () => step.Step(x, y)),
            ("layer-1 GEMMs (forward, weight gradient)", () => { z1.addmm_(x, w1t, 0, 1); g1.addmm_(d1t, x, 0, 1); }),
            ("other GEMMs (layer 2, ∂L/∂a, bias gradients)", () =>
            {
                z2.addmm_(z1, w2t, 0, 1); g2.addmm_(d2t, z1, 0, 1); d1.addmm_(d2, w2, 0, 1);
                gb.narrow(0, 0, 10).addmv_(d2t, ones32, 0, 1); gb.addmv_(d1t, ones32, 0, 1);
            }),
            ("bias copy + ReLU + mask", () => { z1.relu_(); mask.copy_(z1).sign_(); d1.mul_(mask); }),
            ("loss and ∂L/∂z (log_softmax, gather, exp, scatter)", () =>
            {
                using var scope = NewDisposeScope();
                var lp = z2.log_softmax(1);
                var l = lp.gather(1, picked).sum();
                d2.copy_(lp).exp_(); d2.scatter_add_(1, picked, minus); d2.div_(32);
            }),
            (".item() of the loss", () => { using var s = z2.sum(); s.item<float>(); }),
            ("update of W1 (gradient step + L1)", () =>
            {
                if (mode == "proximal") Updates.ProximalStep(w1, g1, 0, 0.01, s1);
                else if (mode == "penalty") { g1.add_(L1.SubgradientInto(w1, s1), 0.0); Updates.GradientStep(w1, g1, 0); }
                else Updates.GradientStep(w1, g1, 0);
            }),
            ("DisposeScope + no_grad + narrow (per step)", () =>
            {
                using var scope = NewDisposeScope(); using var ng = no_grad();
                var a = x.narrow(0, 0, 32); var b = y.narrow(0, 0, 32);
            }),
        };
        const int Iterations = 300;
        var samples = parts.Select(_ => new List<double>()).ToArray();
        foreach (var p in parts) for (int i = 0; i < 50; i++) p.Body(); // warm-up
        for (int r = 0; r < rounds; r++)
            for (int k = 0; k < parts.Length; k++)
            {
                var clock = Stopwatch.StartNew();
                for (int i = 0; i < Iterations; i++) parts[k].Body();
                samples[k].Add(clock.Elapsed.TotalMicroseconds / Iterations);
            }
        Console.WriteLine($"# mode {mode}, {get_num_threads()} torch threads, {rounds} rounds of {Iterations} iterations");
        Console.WriteLine("part,median_us,min_us");
        for (int k = 0; k < parts.Length; k++)
        {
            var s = samples[k].Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\"{parts[k].Name}\",{s[s.Count / 2]:F1},{s[0]:F1}"));
        }
        return 0;
    }
}
