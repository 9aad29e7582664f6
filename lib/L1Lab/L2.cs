using static TorchSharp.torch;

namespace L1Lab;

/// <summary>
/// L2 regularization (weight decay), R(w) = (λ/2)·Σwᵢ² (notebook 06-l1-l2-dropout). The factor ½ is
/// chosen so that ∇R = λ·w, which makes a gradient step on the penalized loss exactly the classic weight-decay
/// update w ← w − η(g + λw) (<see cref="Updates.WeightDecayStep(IEnumerable{Tensor}, double, double)"/>).
/// Unlike L1 it shrinks weights in proportion to their size, so it makes them small but (almost) never zero.
/// </summary>
public static class L2
{
    /// <summary>‖w‖₂² = Σwᵢ² of one tensor: the squared Euclidean norm the penalty is built from.</summary>
    public static Tensor SquaredNorm(Tensor w)
    {
        using var scope = NewDisposeScope();
        return w.square().sum().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// (λ/2)·Σwᵢ² summed over the given tensors (differentiable: add it to the loss; its gradient is λ·w).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lambda"/> is negative.</exception>
    public static Tensor Penalty(IEnumerable<Tensor> weights, double lambda)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lambda);
        using var scope = NewDisposeScope();
        Tensor? total = null;
        foreach (var w in weights)
            total = total is null ? SquaredNorm(w) : total + SquaredNorm(w);
        return ((total ?? tensor(0f)) * (lambda / 2)).MoveToOuterDisposeScope();
    }

    /// <summary>(λ/2)·Σwᵢ² over a model's weights (biases only when <paramref name="includeBiases"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lambda"/> is negative.</exception>
    public static Tensor Penalty(nn.Module model, double lambda, bool includeBiases = false) =>
        Penalty(Regularized.Parameters(model, includeBiases).Select(p => (Tensor)p.Parameter), lambda);
}
