using TorchSharp.Modules;
using static TorchSharp.torch;

namespace L1Lab;

/// <summary>
/// Group lasso, R(w) = λ·Σ_g ‖w_g‖₂ (notebooks 09-which-pixels and 10-chest-xray-cnn): the L1 norm of the groups'
/// Euclidean norms, so whole groups — whole convolution filters, or all the outgoing weights of one input pixel —
/// become exactly zero together. Its proximal operator is the
/// block soft-threshold w_g ← w_g·max(0, 1 − t/‖w_g‖₂): a group whose norm is at most t is switched off, the
/// others shrink towards zero along their own direction. With groups of one weight it is <see cref="L1.SoftThreshold"/>.
/// </summary>
/// <remarks>
/// A group is one slice along the first dimension: row k of a linear weight, output filter k of a convolution weight
/// (out, in, kh, kw). When a bias is given, its entry k belongs to group k too, so a filter that is off outputs
/// exactly zero and can be removed from the network (<see cref="Models.Cnn.Pruned"/>). The <c>Column</c> members
/// group a linear weight (outputs × inputs) by columns instead: column j holds input j's outgoing weights, and a zero
/// column is an input (a pixel) the layer never looks at (<see cref="Training.TrainingOptions.InputGroupLambda"/>).
/// </remarks>
public static class GroupLasso
{
    /// <summary>‖w_g‖₂ of every group g (slice along dimension 0, with bias entry g when <paramref name="bias"/> is given): shape (groups).</summary>
    public static Tensor GroupNorms(Tensor w, Tensor? bias = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        using var scope = NewDisposeScope();
        var squares = w.reshape(w.shape[0], -1).square().sum(1);
        if (bias is not null) squares = squares + bias.square();
        return squares.sqrt().MoveToOuterDisposeScope();
    }

    /// <summary>λ·Σ_g ‖w_g‖₂ (differentiable).</summary>
    public static Tensor Penalty(Tensor w, double lambda, Tensor? bias = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lambda);
        using var scope = NewDisposeScope();
        return (GroupNorms(w, bias).sum() * lambda).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The block soft-threshold (proximal operator of t·Σ_g ‖w_g‖₂) of <paramref name="w"/> and, when given,
    /// <paramref name="bias"/>, on copies: returns the new weight and bias (null when no bias was given).
    /// </summary>
    public static (Tensor Weight, Tensor? Bias) SoftThreshold(Tensor w, double t, Tensor? bias = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        using var scope = NewDisposeScope();
        var weight = w.detach().clone();
        var b = bias?.detach().clone();
        SoftThresholdInPlace(weight, t, b);
        return (weight.MoveToOuterDisposeScope(), b?.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// w_g ← w_g·max(0, 1 − t/‖w_g‖₂) for every group, in place (the bias entry of each group with it). Groups with
    /// ‖w_g‖₂ ≤ t become exactly +0; a zero group stays zero.
    /// </summary>
    public static void SoftThresholdInPlace(Tensor w, double t, Tensor? bias = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        if (bias is not null && (bias.dim() != 1 || bias.shape[0] != w.shape[0]))
            throw new ArgumentException($"bias has shape [{string.Join(", ", bias.shape)}]; expected [{w.shape[0]}], one entry per group.", nameof(bias));
        Instrumentation.Record(nameof(GroupLasso) + "." + nameof(SoftThresholdInPlace));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var norms = GroupNorms(w, bias);
        // max(0, 1 − t/‖w_g‖) written as relu(‖w_g‖ − t)/‖w_g‖: exactly 0 for ‖w_g‖ ≤ t, and for groups already zero.
        var scale = (norms - t).relu_().div_(norms.clamp_min(1e-30));
        var shape = new long[w.dim()];
        Array.Fill(shape, 1L);
        shape[0] = w.shape[0];
        w.mul_(scale.reshape(shape)).add_(0.0f); // +0, not −0, for switched-off groups
        bias?.mul_(scale).add_(0.0f);
    }

    /// <summary>
    /// One proximal group-lasso step on every convolution of <paramref name="model"/>: after the gradient step has been
    /// taken, each output filter (kernel and bias together) is block soft-thresholded by η·λ. This is what
    /// <see cref="Training.TrainingOptions.FilterGroupLambda"/> adds to every training step.
    /// </summary>
    public static void ProximalFilterStep(nn.Module model, double learningRate, double lambda)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(learningRate);
        ArgumentOutOfRangeException.ThrowIfNegative(lambda);
        foreach (var conv in model.modules().OfType<Conv2d>())
            SoftThresholdInPlace(conv.weight!, learningRate * lambda, conv.bias);
    }

    /// <summary>How many output filters of a convolution weight (out, in, kh, kw) are entirely zero, kernel and (if given) bias.</summary>
    public static int ZeroGroups(Tensor w, Tensor? bias = null)
    {
        using var scope = NewDisposeScope();
        return (int)(GroupNorms(w, bias) == 0).sum().item<long>();
    }

    /// <summary>
    /// The proximal operator of t·‖v‖₂ for one group <paramref name="v"/> (any shape, taken as one vector), on a copy:
    /// v ↦ max(0, 1 − t/‖v‖₂)·v. Exactly zero when ‖v‖₂ ≤ t; otherwise the same direction, t shorter.
    /// </summary>
    public static Tensor SoftThresholdGroup(Tensor v, double t)
    {
        ArgumentNullException.ThrowIfNull(v);
        using var scope = NewDisposeScope();
        var (weight, _) = SoftThreshold(v.reshape(1, -1), t);
        return weight.reshape(v.shape).MoveToOuterDisposeScope();
    }

    /// <summary>‖W[:, j]‖₂ for every column j of a weight matrix (outputs × inputs): one norm per input, shape (inputs).</summary>
    /// <exception cref="ArgumentException"><paramref name="w"/> is not 2-D.</exception>
    public static Tensor ColumnNorms(Tensor w)
    {
        RequireMatrix(w);
        return GroupNorms(w.t());
    }

    /// <summary>λ·Σ_j ‖W[:, j]‖₂, the group lasso with one group per input (differentiable away from zero columns).</summary>
    /// <exception cref="ArgumentException"><paramref name="w"/> is not 2-D.</exception>
    public static Tensor ColumnPenalty(Tensor w, double lambda)
    {
        RequireMatrix(w);
        return Penalty(w.t(), lambda);
    }

    /// <summary>
    /// W[:, j] ← max(0, 1 − t/‖W[:, j]‖₂)·W[:, j] for every column j, in place: <see cref="SoftThresholdInPlace"/> on the
    /// transposed view, so the same arithmetic. The trainer applies it to the first weight matrix after every update
    /// when <see cref="Training.TrainingOptions.InputGroupLambda"/> is set, so whole pixels switch off.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="w"/> is not 2-D.</exception>
    public static void SoftThresholdColumnsInPlace(Tensor w, double t)
    {
        RequireMatrix(w);
        Instrumentation.Record(nameof(GroupLasso) + "." + nameof(SoftThresholdColumnsInPlace));
        using var scope = NewDisposeScope();
        SoftThresholdInPlace(w.t(), t);
    }

    /// <summary>How many columns of a weight matrix are exactly zero: inputs the layer ignores.</summary>
    /// <exception cref="ArgumentException"><paramref name="w"/> is not 2-D.</exception>
    public static int ZeroColumns(Tensor w)
    {
        RequireMatrix(w);
        return ZeroGroups(w.t());
    }

    static void RequireMatrix(Tensor w)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (w.dim() != 2)
            throw new ArgumentException($"a weight matrix (outputs × inputs) is needed; got {w.dim()} dimensions.", nameof(w));
    }
}
