using static TorchSharp.torch;

namespace L1Lab;

/// <summary>
/// L1 regularization, R(w) = λ·Σ|wᵢ| (notebook 02-l1-penalty): the penalty, its subgradient and
/// its proximal operator (soft-thresholding), which is what makes weights exactly zero.
/// </summary>
public static class L1
{
    /// <summary>‖w‖₁ = Σ|wᵢ| of one tensor.</summary>
    public static Tensor Norm(Tensor w)
    {
        using var scope = NewDisposeScope();
        return w.abs().sum().MoveToOuterDisposeScope();
    }

    /// <summary>λ·Σ|wᵢ| summed over the given tensors (differentiable: add it to the loss).</summary>
    public static Tensor Penalty(IEnumerable<Tensor> weights, double lambda)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lambda);
        using var scope = NewDisposeScope();
        Tensor? total = null;
        foreach (var w in weights)
            total = total is null ? Norm(w) : total + Norm(w);
        return ((total ?? tensor(0f)) * lambda).MoveToOuterDisposeScope();
    }

    /// <summary>λ·Σ|wᵢ| over a model's weights (biases only when <paramref name="includeBiases"/>).</summary>
    public static Tensor Penalty(nn.Module model, double lambda, bool includeBiases = false) =>
        Penalty(Regularized.Parameters(model, includeBiases).Select(p => (Tensor)p.Parameter), lambda);

    /// <summary>The subgradient of |w| chosen by convention: sign(w), with 0 at w = 0.</summary>
    public static Tensor Subgradient(Tensor w) => w.sign();

    /// <summary>
    /// The proximal operator of t·|w|: soft-threshold(w, t) = sign(w)·max(|w| − t, 0).
    /// Every weight with |w| ≤ t becomes exactly zero; the rest move t towards zero.
    /// Computed as w − clamp(w, −t, t), which is the same function and gives +0 (not −0) inside the threshold.
    /// </summary>
    public static Tensor SoftThreshold(Tensor w, double t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        using var scope = NewDisposeScope();
        return (w - w.clamp(-t, t)).MoveToOuterDisposeScope();
    }
}
