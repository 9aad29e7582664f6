using static TorchSharp.torch;

namespace L1Lab.Models;

/// <summary>
/// The lasso for a binary outcome (notebook 09-which-pixels): L1-regularised logistic regression,
/// minimise (1/n)·Σᵢ [log(1 + e^{zᵢ}) − yᵢ·zᵢ] + λ·‖β‖₁ with zᵢ = xᵢ·β + β₀ and the intercept β₀ unpenalised,
/// solved by proximal gradient descent: a gradient step of size 1/L on the smooth part, then
/// <see cref="L1.SoftThresholdInPlace"/> by λ/L (the same <see cref="Updates.ProximalStep(Tensor, Tensor, double, double, Tensor?)"/>
/// the MLP trainer uses), accelerated by FISTA. Computed in float64 so it can be compared with scikit-learn.
/// </summary>
/// <remarks>
/// The fit runs on centred features x − x̄ (an equivalent problem: with an unpenalised intercept, centring only moves
/// β₀ by x̄·β, which is undone at the end). Pixels are all positive, so [X 1] has one huge singular value along the
/// mean image; centring removes it, which makes L, and so the number of iterations, many times smaller.
/// </remarks>
public static class LogisticLasso
{
    /// <summary>
    /// The smallest λ at which the lasso selects nothing: λ_max = ‖Xᵀ(y − ȳ)‖∞ / n. At β = 0 the best intercept gives
    /// σ(β₀) = ȳ, so the gradient of the mean loss is Xᵀ(ȳ − y)/n, and β = 0 is optimal exactly when no coordinate of it
    /// exceeds λ (the subgradient condition of λ‖β‖₁ at zero).
    /// </summary>
    /// <exception cref="ArgumentException">Shapes that do not match, or labels other than 0 and 1.</exception>
    public static double LambdaMax(Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        var (features, labels) = Prepare(x, y);
        var centred = labels - labels.mean();
        return features.t().mv(centred).abs().max().item<double>() / features.shape[0];
    }

    /// <summary>
    /// L = σ_max([X 1])² / (4n), a Lipschitz constant of the gradient of the mean logistic loss in (β, β₀): its Hessian is
    /// [X 1]ᵀ·diag(p(1 − p))·[X 1]/n and p(1 − p) ≤ ¼. A step of 1/L never increases the objective.
    /// </summary>
    public static double Lipschitz(Tensor x)
    {
        using var scope = NewDisposeScope();
        var features = Features(x);
        var augmented = cat([features, ones(features.shape[0], 1, dtype: ScalarType.Float64)], 1);
        var largest = linalg.svdvals(augmented).max().item<double>();
        return largest * largest / (4.0 * features.shape[0]);
    }

    /// <summary>(1/n)·Σ log-loss + λ·‖β‖₁ of <paramref name="model"/> on (x, y): the objective <see cref="Fit"/> minimises.</summary>
    public static double Objective(Tensor x, Tensor y, LogisticRegression model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var scope = NewDisposeScope();
        var (features, labels) = Prepare(x, y);
        var beta = tensor(model.Weights.ToArray(), dtype: ScalarType.Float64);
        var z = features.mv(beta).add(model.Intercept);
        var loss = (nn.functional.softplus(z) - labels * z).mean().item<double>();
        return loss + model.Lambda * model.Weights.Sum(Math.Abs);
    }

    /// <summary>
    /// Fits the L1-regularised logistic regression at <paramref name="lambda"/> on features <paramref name="x"/> (N × p)
    /// and 0/1 labels <paramref name="y"/> (N), starting from <paramref name="warmStart"/> when given (a fit at a nearby λ,
    /// as <see cref="LassoPath.Fit"/> does) or else from β = 0 and the intercept of the class share.
    /// </summary>
    /// <exception cref="ArgumentException">Shapes that do not match, labels other than 0 and 1, a warm start of another size, or invalid options.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lambda"/> is negative or not finite.</exception>
    public static LogisticRegression Fit(Tensor x, Tensor y, double lambda, LogisticLassoOptions? options = null, LogisticRegression? warmStart = null)
    {
        if (!(lambda >= 0 && double.IsFinite(lambda)))
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "λ must be zero or a positive number.");
        var o = (options ?? new LogisticLassoOptions()).Validate();
        using var scope = NewDisposeScope();
        var (features, labels) = Prepare(x, y);
        long n = features.shape[0], p = features.shape[1];
        if (warmStart is not null && warmStart.Weights.Count != p)
            throw new ArgumentException($"the warm start has {warmStart.Weights.Count} weights; the data have {p} features.", nameof(warmStart));
        var means = features.mean([0L]);
        features = features - means;                                      // centred: see the remarks
        double step = 1 / Lipschitz(features);
        double share = Math.Clamp(labels.mean().item<double>(), 1e-12, 1 - 1e-12);

        var beta = warmStart is null ? zeros(p, dtype: ScalarType.Float64) : tensor(warmStart.Weights.ToArray(), dtype: ScalarType.Float64);
        double intercept = warmStart is null ? Math.Log(share / (1 - share)) : warmStart.Intercept + means.dot(beta).item<double>();
        var point = beta.clone();          // where the gradient is taken: β itself (ISTA) or the FISTA extrapolation
        double pointIntercept = intercept;
        var next = empty_like(beta);
        double momentum = 1;
        int iteration = 0;
        bool converged = false;
        var featuresT = features.t();

        while (iteration < o.MaxIterations && !converged)
        {
            iteration++;
            using var stepScope = NewDisposeScope();
            var residual = features.mv(point).add_(pointIntercept).sigmoid_().sub_(labels);   // σ(z) − y
            var gradient = featuresT.mv(residual).div_(n);
            double interceptGradient = residual.mean().item<double>();

            next.copy_(point);
            Updates.ProximalStep(next, gradient, step, lambda);            // β ← soft-threshold(β − g/L, λ/L)
            double nextIntercept = pointIntercept - step * interceptGradient; // unpenalised: a plain gradient step

            double moved = Math.Max((next - beta).abs().max().item<double>(), Math.Abs(nextIntercept - intercept));
            converged = moved <= o.Tolerance * Math.Max(1, beta.abs().max().item<double>());

            if (o.Accelerated)
            {
                // Restart the momentum when the last step went against the extrapolation (O'Donoghue and Candès).
                double uphill = (point - next).dot(next - beta).item<double>() + (pointIntercept - nextIntercept) * (nextIntercept - intercept);
                double nextMomentum = uphill > 0 ? 1 : (1 + Math.Sqrt(1 + 4 * momentum * momentum)) / 2;
                double weight = uphill > 0 ? 0 : (momentum - 1) / nextMomentum;
                point.copy_(next + (next - beta) * weight);
                pointIntercept = nextIntercept + weight * (nextIntercept - intercept);
                momentum = nextMomentum;
            }
            else
            {
                point.copy_(next);
                pointIntercept = nextIntercept;
            }
            beta.copy_(next);
            intercept = nextIntercept;
        }
        return new LogisticRegression(beta.data<double>().ToArray(), intercept - means.dot(beta).item<double>(), lambda, iteration, converged);
    }

    /// <summary>Features as a float64 (N × p) matrix without autograd history.</summary>
    static Tensor Features(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 2 || x.shape[0] < 1 || x.shape[1] < 1)
            throw new ArgumentException($"features must be a non-empty (N, p) matrix; got ({string.Join(", ", x.shape)}).", nameof(x));
        return x.detach().to_type(ScalarType.Float64);
    }

    static (Tensor Features, Tensor Labels) Prepare(Tensor x, Tensor y)
    {
        var features = Features(x);
        ArgumentNullException.ThrowIfNull(y);
        if (y.dim() != 1 || y.shape[0] != features.shape[0])
            throw new ArgumentException($"labels must be ({features.shape[0]}), one per row of the features; got ({string.Join(", ", y.shape)}).", nameof(y));
        var labels = y.detach().to_type(ScalarType.Float64);
        if (!labels.eq(0).logical_or(labels.eq(1)).all().item<bool>())
            throw new ArgumentException("labels must be 0 or 1 (1 = the positive class).", nameof(y));
        return (features, labels);
    }
}
