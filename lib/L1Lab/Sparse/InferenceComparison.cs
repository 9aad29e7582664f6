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
