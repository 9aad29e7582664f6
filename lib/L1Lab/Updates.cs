using TorchSharp;
using static TorchSharp.torch;

namespace L1Lab;

/// <summary>
/// One optimisation step written as the maths (notebook 03-gradient-update), applied in place under
/// <c>torch.no_grad()</c>. Each step has a per-tensor form that takes the gradient g explicitly — the form the
/// <see cref="Training.Trainer"/> calls on both of its paths, with g from <c>backward()</c> or from
/// <see cref="Training.HandDerivedStep"/> — and convenience forms for tensors whose <c>.grad</c> holds g. The
/// regularized steps apply their penalty to exactly the tensors passed; the <see cref="nn.Module"/> overloads pass
/// the model's weights (see <see cref="Regularized.Parameters"/>) and give every other parameter a plain
/// <see cref="GradientStep(IEnumerable{Tensor}, double)"/>. A tensor without a gradient is treated as having g = 0,
/// so the penalty still acts on it.
/// <para>
/// The point of the notebook: the subgradient step w ← w − η(g + λ·sign(w)) makes weights oscillate
/// around zero and almost never lands on it, while the proximal step (ISTA) sets them exactly to zero.
/// </para>
/// </summary>
public static class Updates
{
    /// <summary>
    /// Plain gradient descent, w ← w − η·g: the same arithmetic as <c>torch.optim.SGD</c> without momentum.
    /// Tensors without a gradient are left unchanged.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> is negative.</exception>
    public static void GradientStep(IEnumerable<Tensor> parameters, double learningRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(learningRate);
        using var scope = NewDisposeScope();
        foreach (var p in parameters)
            if (p.grad is { } g)
                GradientStep(p, g, learningRate);
    }

    /// <summary>
    /// w ← w − η·g for one tensor and a gradient given explicitly, in place. The per-tensor form every other
    /// overload and both of the trainer's paths (autograd and <see cref="Training.HandDerivedStep"/>) end in.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> is negative.</exception>
    public static void GradientStep(Tensor w, Tensor g, double learningRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(learningRate);
        Instrumentation.Record(nameof(Updates) + "." + nameof(GradientStep));
        using var noGrad = no_grad();
        using var alpha = (-learningRate).ToScalar();
        w.add_(g, alpha);
    }

    /// <summary>
    /// Subgradient descent on loss + λ·Σ|w|: w ← w − η(g + λ·sign(w)), using <see cref="L1.Subgradient"/>
    /// (0 at w = 0). Equivalent to adding <see cref="L1.Penalty(IEnumerable{Tensor}, double)"/> to the loss
    /// and taking a <see cref="GradientStep(IEnumerable{Tensor}, double)"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> or <paramref name="lambda"/> is negative.</exception>
    public static void SubgradientStep(IEnumerable<Tensor> weights, double learningRate, double lambda)
    {
        Check(learningRate, lambda);
        using var scope = NewDisposeScope();
        foreach (var w in weights)
            SubgradientStep(w, Gradient(w), learningRate, lambda);
    }

    /// <summary>
    /// w ← w − η(g + λ·sign(w)) for one tensor and an explicit gradient, in place; the sign is taken before the
    /// step (by <see cref="L1.SubgradientInto"/>, into <paramref name="scratch"/> when given).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> or <paramref name="lambda"/> is negative.</exception>
    public static void SubgradientStep(Tensor w, Tensor g, double learningRate, double lambda, Tensor? scratch = null)
    {
        Check(learningRate, lambda);
        Instrumentation.Record(nameof(Updates) + "." + nameof(SubgradientStep));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var sign = L1.SubgradientInto(w, scratch ?? empty_like(w));
        using var gradientAlpha = (-learningRate).ToScalar();
        using var penaltyAlpha = (-learningRate * lambda).ToScalar();
        w.add_(g, gradientAlpha);
        w.add_(sign, penaltyAlpha);
    }

    /// <summary>
    /// Proximal gradient descent (ISTA) on loss + λ·Σ|w|: w ← soft-threshold(w − η·g, η·λ), using
    /// <see cref="L1.SoftThresholdInPlace"/>. Every weight that the gradient step leaves within ηλ of zero becomes exactly zero.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> or <paramref name="lambda"/> is negative.</exception>
    public static void ProximalStep(IEnumerable<Tensor> weights, double learningRate, double lambda)
    {
        Check(learningRate, lambda);
        using var scope = NewDisposeScope();
        foreach (var w in weights)
            ProximalStep(w, Gradient(w), learningRate, lambda);
    }

    /// <summary>
    /// w ← soft-threshold(w − η·g, η·λ) for one tensor and an explicit gradient, in place
    /// (<see cref="L1.SoftThresholdInPlace"/>, with <paramref name="scratch"/> as its buffer when given).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> or <paramref name="lambda"/> is negative.</exception>
    public static void ProximalStep(Tensor w, Tensor g, double learningRate, double lambda, Tensor? scratch = null)
    {
        Check(learningRate, lambda);
        Instrumentation.Record(nameof(Updates) + "." + nameof(ProximalStep));
        using var noGrad = no_grad();
        using var alpha = (-learningRate).ToScalar();
        w.add_(g, alpha);
        L1.SoftThresholdInPlace(w, learningRate * lambda, scratch);
    }

    /// <summary>
    /// Weight decay, the gradient step on loss + (λ/2)·Σw² (<see cref="L2.Penalty(IEnumerable{Tensor}, double)"/>):
    /// w ← w − η(g + λ·w). The same arithmetic as <c>torch.optim.SGD</c> with <c>weight_decay = λ</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> or <paramref name="lambda"/> is negative.</exception>
    public static void WeightDecayStep(IEnumerable<Tensor> weights, double learningRate, double lambda)
    {
        Check(learningRate, lambda);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var w in weights)
            GradientStep(w, Gradient(w).add(w, alpha: lambda), learningRate);
    }

    /// <summary>
    /// Proximal gradient step on loss + elastic net (<see cref="ElasticNet.Penalty(IEnumerable{Tensor}, double, double)"/>):
    /// w ← soft-threshold(w − η·g, ηλα) / (1 + ηλ(1 − α)), using <see cref="ElasticNet.Proximal"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative <paramref name="learningRate"/> or <paramref name="lambda"/>, or <paramref name="alpha"/> outside [0, 1].</exception>
    public static void ElasticNetProximalStep(IEnumerable<Tensor> weights, double learningRate, double lambda, double alpha)
    {
        Check(learningRate, lambda);
        if (!(alpha >= 0 && alpha <= 1))
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The L1 share α must lie in [0, 1].");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var w in weights)
            w.copy_(ElasticNet.Proximal(w.add(Gradient(w), alpha: -learningRate), learningRate, lambda, alpha));
    }

    /// <summary><see cref="SubgradientStep(IEnumerable{Tensor}, double, double)"/> on the model's regularized parameters, a plain gradient step on the rest.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> or <paramref name="lambda"/> is negative.</exception>
    public static void SubgradientStep(nn.Module model, double learningRate, double lambda, bool includeBiases = false) =>
        Split(model, includeBiases, learningRate, weights => SubgradientStep(weights, learningRate, lambda));

    /// <summary><see cref="ProximalStep(IEnumerable{Tensor}, double, double)"/> on the model's regularized parameters, a plain gradient step on the rest.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> or <paramref name="lambda"/> is negative.</exception>
    public static void ProximalStep(nn.Module model, double learningRate, double lambda, bool includeBiases = false) =>
        Split(model, includeBiases, learningRate, weights => ProximalStep(weights, learningRate, lambda));

    /// <summary><see cref="WeightDecayStep(IEnumerable{Tensor}, double, double)"/> on the model's regularized parameters, a plain gradient step on the rest.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> or <paramref name="lambda"/> is negative.</exception>
    public static void WeightDecayStep(nn.Module model, double learningRate, double lambda, bool includeBiases = false) =>
        Split(model, includeBiases, learningRate, weights => WeightDecayStep(weights, learningRate, lambda));

    /// <summary><see cref="ElasticNetProximalStep(IEnumerable{Tensor}, double, double, double)"/> on the model's regularized parameters, a plain gradient step on the rest.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative <paramref name="learningRate"/> or <paramref name="lambda"/>, or <paramref name="alpha"/> outside [0, 1].</exception>
    public static void ElasticNetProximalStep(nn.Module model, double learningRate, double lambda, double alpha, bool includeBiases = false) =>
        Split(model, includeBiases, learningRate, weights => ElasticNetProximalStep(weights, learningRate, lambda, alpha));

    /// <summary>The gradient of <paramref name="w"/>, or zeros when backward has not reached it.</summary>
    static Tensor Gradient(Tensor w) => w.grad ?? zeros_like(w);

    static void Check(double learningRate, double lambda)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(learningRate);
        ArgumentOutOfRangeException.ThrowIfNegative(lambda);
    }

    static void Split(nn.Module model, bool includeBiases, double learningRate, Action<IEnumerable<Tensor>> regularizedStep)
    {
        var names = Regularized.Parameters(model, includeBiases).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var all = model.named_parameters().ToList();
        regularizedStep(all.Where(p => names.Contains(p.name)).Select(p => (Tensor)p.parameter).ToList());
        GradientStep(all.Where(p => !names.Contains(p.name)).Select(p => (Tensor)p.parameter).ToList(), learningRate);
    }
}
