using TorchSharp;
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
    public static Tensor Subgradient(Tensor w)
    {
        using var scope = NewDisposeScope();
        return SubgradientInto(w, empty_like(w)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// <see cref="Subgradient(Tensor)"/> written into <paramref name="result"/> (same shape as <paramref name="w"/>),
    /// so a training step can reuse one buffer; returns <paramref name="result"/>. This is the one place the
    /// subgradient is computed: the trainer's subgradient step and its penalty gradient both call it.
    /// </summary>
    public static Tensor SubgradientInto(Tensor w, Tensor result)
    {
        Instrumentation.Record(nameof(L1) + "." + nameof(Subgradient));
        using var noGrad = no_grad();
        return result.copy_(w).sign_();
    }

    /// <summary>
    /// The proximal operator of t·|w|: soft-threshold(w, t) = sign(w)·max(|w| − t, 0).
    /// Every weight with |w| ≤ t becomes exactly zero; the rest move t towards zero.
    /// Computed by <see cref="SoftThresholdInPlace"/> on a copy, so it is the same arithmetic every training step uses.
    /// It is a step, not a loss: the result carries no autograd history.
    /// </summary>
    public static Tensor SoftThreshold(Tensor w, double t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        using var scope = NewDisposeScope();
        var result = w.detach().clone();
        SoftThresholdInPlace(result, t);
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// w ← soft-threshold(w, t), in place, computed as w − clamp(w, −t, t): the same function, and +0 (not −0) inside
    /// the threshold. <paramref name="scratch"/> (same shape) holds the clamp if given, so a training loop allocates
    /// nothing; otherwise a temporary is made. This is the one implementation of soft-thresholding in L1Lab:
    /// <see cref="SoftThreshold"/>, <see cref="Updates.ProximalStep(Tensor, Tensor, double, double, Tensor?)"/> and
    /// therefore every proximal training run go through it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is negative.</exception>
    public static void SoftThresholdInPlace(Tensor w, double t, Tensor? scratch = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        Instrumentation.Record(nameof(L1) + "." + nameof(SoftThresholdInPlace));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var high = t.ToScalar();
        using var low = (-t).ToScalar();
        var clamped = scratch is null ? w.clamp(low, high) : scratch.copy_(w).clamp_(low, high);
        w.sub_(clamped);
    }
}
