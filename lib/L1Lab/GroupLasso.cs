using static TorchSharp.torch;

namespace L1Lab;

/// <summary>
/// The group lasso, R(W) = λ·Σ_g ‖w_g‖₂ (notebook 09-which-pixels): L1 over groups, L2 within each group, so a whole
/// group becomes exactly zero at once. Here a group is one column of a weight matrix W (outputs × inputs): all the
/// outgoing weights of one input. For an MLP's first layer that is one pixel, and a zero column is a pixel the model
/// never looks at, whatever its brightness.
/// </summary>
public static class GroupLasso
{
    /// <summary>‖W[:, j]‖₂ for every column j of a 2-D tensor: (inputs).</summary>
    /// <exception cref="ArgumentException"><paramref name="w"/> is not 2-D.</exception>
    public static Tensor ColumnNorms(Tensor w)
    {
        RequireMatrix(w);
        using var scope = NewDisposeScope();
        return w.square().sum([0L]).sqrt().MoveToOuterDisposeScope();
    }

    /// <summary>λ·Σ_j ‖W[:, j]‖₂ (differentiable away from zero columns: add it to a loss to see the gradient).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lambda"/> is negative.</exception>
    public static Tensor Penalty(Tensor w, double lambda)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lambda);
        using var scope = NewDisposeScope();
        return (ColumnNorms(w).sum() * lambda).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The proximal operator of t·‖v‖₂ for one group v (any shape, treated as one vector): block soft-thresholding,
    /// v ↦ max(0, 1 − t/‖v‖₂)·v. A group whose norm is at most t becomes exactly zero; any other keeps its direction
    /// and loses t of its length. No autograd history.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is negative.</exception>
    public static Tensor SoftThreshold(Tensor v, double t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var norm = v.detach().norm();
        return (v.detach() * Shrink(norm, t)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// W[:, j] ← max(0, 1 − t/‖W[:, j]‖₂)·W[:, j] for every column j, in place: <see cref="SoftThreshold"/> applied to
    /// each input's outgoing weights. The proximal step of t·Σ_j ‖W[:, j]‖₂; the trainer applies it to the first layer
    /// when <see cref="Training.TrainingOptions.GroupLambda"/> is set, so whole pixels switch off.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="w"/> is not 2-D.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is negative.</exception>
    public static void SoftThresholdColumnsInPlace(Tensor w, double t)
    {
        RequireMatrix(w);
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        Instrumentation.Record(nameof(GroupLasso) + "." + nameof(SoftThresholdColumnsInPlace));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        w.mul_(Shrink(ColumnNorms(w), t));
    }

    /// <summary>Number of columns of <paramref name="w"/> that are exactly zero (inputs the layer ignores).</summary>
    public static long ZeroColumns(Tensor w)
    {
        RequireMatrix(w);
        using var scope = NewDisposeScope();
        return w.eq(0).all(0).sum().item<long>();
    }

    /// <summary>max(0, 1 − t/‖v‖): 1 − t/‖v‖ where ‖v‖ &gt; t, else exactly 0 (so ‖v‖ = 0 never divides by zero).</summary>
    static Tensor Shrink(Tensor norms, double t) =>
        where(norms.gt(t), 1 - t / norms, zeros_like(norms));

    static void RequireMatrix(Tensor w)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (w.dim() != 2)
            throw new ArgumentException($"a weight matrix (outputs × inputs) is needed; got {w.dim()} dimensions.", nameof(w));
    }
}
