using static TorchSharp.torch;

namespace L1Lab;

/// <summary>
/// Elastic net (notebook 06-l1-l2-dropout): the glmnet mix of L1 and L2,
/// R(w) = λ·[α·Σ|wᵢ| + ((1 − α)/2)·Σwᵢ²] with 0 ≤ α ≤ 1, i.e. λ₁ = λα on the L1 part and λ₂ = λ(1 − α)
/// on the L2 part written as in <see cref="L2.Penalty(IEnumerable{Tensor}, double)"/>.
/// α = 1 is pure L1 (<see cref="L1"/>), α = 0 pure L2 (<see cref="L2"/>). It keeps L1's exact zeros
/// while L2 spreads weight over groups of correlated inputs instead of picking one at random.
/// </summary>
public static class ElasticNet
{
    /// <summary>λ·[α·Σ|wᵢ| + ((1 − α)/2)·Σwᵢ²] summed over the given tensors (differentiable: add it to the loss).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lambda"/> is negative or <paramref name="alpha"/> is outside [0, 1].</exception>
    public static Tensor Penalty(IEnumerable<Tensor> weights, double lambda, double alpha)
    {
        Validate(lambda, alpha);
        using var scope = NewDisposeScope();
        var list = weights as IReadOnlyCollection<Tensor> ?? weights.ToList();
        return (L1.Penalty(list, lambda * alpha) + L2.Penalty(list, lambda * (1 - alpha))).MoveToOuterDisposeScope();
    }

    /// <summary>The elastic-net penalty over a model's weights (biases only when <paramref name="includeBiases"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lambda"/> is negative or <paramref name="alpha"/> is outside [0, 1].</exception>
    public static Tensor Penalty(nn.Module model, double lambda, double alpha, bool includeBiases = false) =>
        Penalty(Regularized.Parameters(model, includeBiases).Select(p => (Tensor)p.Parameter), lambda, alpha);

    /// <summary>
    /// The proximal operator of η·R: argminᵤ ½‖u − v‖² + η·R(u), which is
    /// soft-threshold(v, ηλα) / (1 + ηλ(1 − α)). The L1 part zeroes every |vᵢ| ≤ ηλα exactly;
    /// the L2 part then shrinks the survivors by a constant factor.
    /// </summary>
    /// <param name="v">The point to map, usually the weights after a gradient step.</param>
    /// <param name="step">The step size η (learning rate).</param>
    /// <param name="lambda">Overall strength λ ≥ 0.</param>
    /// <param name="alpha">L1 share α in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative <paramref name="step"/> or <paramref name="lambda"/>, or <paramref name="alpha"/> outside [0, 1].</exception>
    public static Tensor Proximal(Tensor v, double step, double lambda, double alpha)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        Validate(lambda, alpha);
        using var scope = NewDisposeScope();
        return (L1.SoftThreshold(v, step * lambda * alpha) / (1 + step * lambda * (1 - alpha))).MoveToOuterDisposeScope();
    }

    static void Validate(double lambda, double alpha)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lambda);
        if (!(alpha >= 0 && alpha <= 1))
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The L1 share α must lie in [0, 1].");
    }
}
