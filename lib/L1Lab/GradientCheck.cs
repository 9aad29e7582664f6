using static TorchSharp.torch;

namespace L1Lab;

/// <summary>
/// Checks hand-derived gradients against central finite differences (notebook 03-gradient-update checks
/// the cross-entropy gradient and the L1 subgradient with it; the tests check MSE too). Everything is done in float64,
/// where the O(ε²) truncation error and the O(machine-ε/ε) rounding error are both far below the
/// size of a real mistake.
/// </summary>
public static class GradientCheck
{
    /// <summary>
    /// ∂f/∂xᵢ ≈ (f(x + εeᵢ) − f(x − εeᵢ)) / 2ε for every element of <paramref name="x"/>: a float64 tensor
    /// shaped like <paramref name="x"/>. <paramref name="f"/> must return a single-element tensor and is
    /// called with float64 copies of <paramref name="x"/> (2 calls per element), without autograd;
    /// <paramref name="x"/> itself is not modified.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epsilon"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="f"/> returns more than one element.</exception>
    public static Tensor Numerical(Func<Tensor, Tensor> f, Tensor x, double epsilon = 1e-3)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epsilon);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var point = x.detach().to(float64).clone();
        var flat = point.view(-1);
        var gradient = zeros(point.numel(), dtype: float64);
        for (long i = 0; i < point.numel(); i++)
        {
            using var step = NewDisposeScope();
            var original = flat[i].item<double>();
            flat[i] = original + epsilon;
            var plus = Scalar(f(point));
            flat[i] = original - epsilon;
            var minus = Scalar(f(point));
            flat[i] = original;
            gradient[i] = (plus - minus) / (2 * epsilon);
        }
        return gradient.view(x.shape).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// maxᵢ |aᵢ − nᵢ| / max(|aᵢ|, |nᵢ|, <paramref name="floor"/>): the worst relative disagreement between an
    /// analytic and a numerical gradient. Below about 1e-6 they agree; a wrong factor of 2 gives 0.5.
    /// The floor keeps elements where both are (near) zero from dividing by zero.
    /// </summary>
    /// <exception cref="ArgumentException">The two tensors have different shapes.</exception>
    public static double MaxRelativeError(Tensor analytic, Tensor numerical, double floor = 1e-8)
    {
        if (!analytic.shape.SequenceEqual(numerical.shape))
            throw new ArgumentException($"Shapes differ: [{string.Join(", ", analytic.shape)}] vs [{string.Join(", ", numerical.shape)}].", nameof(numerical));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var a = analytic.detach().to(float64);
        var n = numerical.detach().to(float64);
        if (a.numel() == 0) return 0;
        var scale = maximum(a.abs(), n.abs()).clamp_min(floor);
        return ((a - n).abs() / scale).max().item<double>();
    }

    static double Scalar(Tensor value)
    {
        if (value.numel() != 1)
            throw new ArgumentException($"The function must return a single value, not a tensor of shape [{string.Join(", ", value.shape)}].", "f");
        return value.to(float64).item<double>();
    }
}
