using static TorchSharp.torch;

namespace L1Lab;

/// <summary>How sparse one regularized parameter tensor is (a layer's weight, or its bias when biases are included).</summary>
/// <param name="Name">The parameter's name in the model, e.g. <c>0.weight</c>.</param>
/// <param name="Count">Number of elements.</param>
/// <param name="Zeros">Elements exactly equal to 0 (what the proximal step produces).</param>
/// <param name="NearZeros">Elements with |w| &lt; tolerance, exact zeros included (what the subgradient step produces at best).</param>
public sealed record LayerSparsity(string Name, long Count, long Zeros, long NearZeros)
{
    /// <summary>Zeros / Count: the fraction that could be pruned without changing the model at all (0 when empty).</summary>
    public double ZeroFraction => Count == 0 ? 0 : (double)Zeros / Count;

    /// <summary>NearZeros / Count: the fraction within the tolerance of zero (0 when empty).</summary>
    public double NearZeroFraction => Count == 0 ? 0 : (double)NearZeros / Count;
}

/// <summary>Sparsity of a model's regularized parameters, layer by layer and overall.</summary>
/// <param name="Layers">One entry per regularized parameter, in the model's order.</param>
/// <param name="Tolerance">The threshold below which |w| counts as near zero.</param>
public sealed record SparsityReport(IReadOnlyList<LayerSparsity> Layers, double Tolerance)
{
    /// <summary>Total number of elements over all layers.</summary>
    public long Count => Layers.Sum(l => l.Count);

    /// <summary>Total exact zeros over all layers.</summary>
    public long Zeros => Layers.Sum(l => l.Zeros);

    /// <summary>Total near zeros (|w| &lt; tolerance) over all layers.</summary>
    public long NearZeros => Layers.Sum(l => l.NearZeros);

    /// <summary>Overall fraction of exact zeros, weighted by each layer's size (0 when there are no elements).</summary>
    public double ZeroFraction => Count == 0 ? 0 : (double)Zeros / Count;

    /// <summary>Overall fraction of near zeros, weighted by each layer's size (0 when there are no elements).</summary>
    public double NearZeroFraction => Count == 0 ? 0 : (double)NearZeros / Count;
}

/// <summary>
/// Measures what L1 regularization is for (notebooks 04-mnist-experiment and 06-l1-l2-dropout): how many weights are exactly zero,
/// and how many are merely small. The gap between the two is the difference between the proximal and
/// the subgradient update.
/// </summary>
public static class Sparsity
{
    /// <summary>
    /// Counts exact zeros and near zeros (|w| &lt; <paramref name="tolerance"/>) in the model's weights
    /// (biases too when <paramref name="includeBiases"/>), per parameter and overall.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tolerance"/> is negative.</exception>
    public static SparsityReport Measure(nn.Module model, double tolerance = 1e-3, bool includeBiases = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var layers = Regularized.Parameters(model, includeBiases)
            .Select(p => new LayerSparsity(
                p.Name,
                p.Parameter.numel(),
                p.Parameter.eq(0).sum().item<long>(),
                p.Parameter.abs().lt(tolerance).sum().item<long>()))
            .ToList();
        return new SparsityReport(layers, tolerance);
    }
}
