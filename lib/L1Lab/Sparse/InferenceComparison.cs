using System.Diagnostics;
using L1Lab.Models;
using static TorchSharp.torch;

namespace L1Lab.Sparse;

/// <summary>
/// Times a trained model's forward pass dense and in CSR form on this machine, so the reader sees when exact zeros
/// make inference faster and when they do not (notebook 08, <c>benchmarks … sparse</c>).
/// </summary>
public static class InferenceComparison
{
    /// <summary>
    /// Median over <paramref name="repeats"/> forward passes (after a few warm-up passes) of the dense model under
    /// <c>no_grad</c> and of <see cref="SparseMlp"/> built from it, on the same input batch. Inputs are prepared
    /// once for each, so only the products, bias and ReLU are timed.
    /// </summary>
    public static InferenceTiming Measure(Mlp model, Tensor input, int repeats = 50)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        int batch = (int)input.shape[0];
        var sparse = SparseMlp.From(model);
        float[] x;
        using (var cpu = input.detach().cpu().contiguous()) x = cpu.data<float>().ToArray();
        model.eval();

        double dense = MedianMicroseconds(repeats, () =>
        {
            using var noGrad = no_grad();
            using var logits = model.forward(input);
        });
        double csr = MedianMicroseconds(repeats, () => sparse.Forward(x, batch));
        double zeros = 1.0 - (double)sparse.Weights.Sum(w => (long)w.NonZeros) / sparse.Weights.Sum(w => (long)w.Rows * w.Columns);
        return new InferenceTiming(batch, zeros, dense, csr);
    }

    /// <summary>
    /// Median over <paramref name="repeats"/> forward passes (after a few warm-up passes), under <c>no_grad</c>, of the
    /// dense CNN and of <see cref="Cnn.Pruned"/> built from it, on the same input batch (notebook 10): removing whole
    /// filters gives a smaller dense network, so the saving needs no sparse kernels. <see cref="InferenceTiming.Sparsity"/>
    /// is the share of the dense model's weights that are exactly zero.
    /// </summary>
    public static InferenceTiming Measure(Cnn model, Tensor input, int repeats = 50)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        using var pruned = model.Pruned();
        model.eval();
        pruned.eval();
        double Time(Cnn m) => MedianMicroseconds(repeats, () =>
        {
            using var noGrad = no_grad();
            using var logits = m.forward(input);
        });
        double dense = Time(model), small = Time(pruned);
        return new InferenceTiming((int)input.shape[0], Sparsity.Measure(model).ZeroFraction, dense, small);
    }

    /// <summary>
    /// The MLP's forward pass (in eval mode: no dropout) with every weight matrix held as a LibTorch sparse COO tensor,
    /// so that LibTorch's own sparse kernels do the products (TorchSharp 0.107 exposes COO, not CSR). It computes the
    /// same logits as the dense pass; notebook 08 times it next to the dense pass and our scalar CSR loop, so the
    /// comparison is not only "our loop against LibTorch's dense GEMM".
    /// </summary>
    public static Tensor SparseCooForward(Mlp model, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var layers = model.Layers;
        var x = input.detach();
        for (int i = 0; i < layers.Count; i++)
        {
            var weight = layers[i].weight!.detach().to_sparse();
            x = weight.matmul(x.t()).t();                    // (out × in, sparse) · (in × batch) → out × batch
            if (layers[i].bias is { } bias) x = x + bias.detach();
            if (i < layers.Count - 1) x = nn.functional.relu(x);
        }
        return x.contiguous().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Median µs of the dense forward pass and of <see cref="SparseCooForward"/> (the COO copies are made once, before
    /// timing), on the same batch: LibTorch's sparse kernels against its dense ones.
    /// </summary>
    public static InferenceTiming MeasureSparseCoo(Mlp model, Tensor input, int repeats = 50)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        model.eval();
        var layers = model.Layers;
        var weights = layers.Select(l => l.weight!.detach().to_sparse()).ToArray();
        var biases = layers.Select(l => l.bias?.detach()).ToArray();
        double dense = MedianMicroseconds(repeats, () =>
        {
            using var noGrad = no_grad();
            using var logits = model.forward(input);
        });
        double coo = MedianMicroseconds(repeats, () =>
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var x = input;
            for (int i = 0; i < weights.Length; i++)
            {
                x = weights[i].matmul(x.t()).t();
                if (biases[i] is { } b) x = x + b;
                if (i < weights.Length - 1) x = nn.functional.relu(x);
            }
        });
        foreach (var w in weights) w.Dispose();
        double zeros = Sparsity.Measure(model).ZeroFraction;
        return new InferenceTiming((int)input.shape[0], zeros, dense, coo);
    }

    static double MedianMicroseconds(int repeats, Action pass)
    {
        for (int i = 0; i < 3; i++) pass();
        var times = new double[repeats];
        for (int i = 0; i < repeats; i++)
        {
            long start = Stopwatch.GetTimestamp();
            pass();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        Array.Sort(times);
        return repeats % 2 == 1 ? times[repeats / 2] : (times[repeats / 2 - 1] + times[repeats / 2]) / 2;
    }
}
