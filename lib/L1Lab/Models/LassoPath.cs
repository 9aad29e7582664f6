using static TorchSharp.torch;

namespace L1Lab.Models;

/// <summary>
/// The lasso's regularization path (notebook 09-which-pixels): fits at a falling sequence of λ, from λ_max (nothing
/// selected) down, each started from the previous solution (a warm start), so the whole path costs little more than
/// one fit at its smallest λ. Reading it shows which features enter the model first.
/// </summary>
public static class LassoPath
{
    /// <summary>
    /// <paramref name="count"/> values of λ spaced evenly on a log scale from <paramref name="lambdaMax"/> down to
    /// <paramref name="ratio"/>·λ_max, largest first (glmnet's default grid shape).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">λ_max not positive, fewer than 2 values, or a ratio outside (0, 1).</exception>
    public static double[] Lambdas(double lambdaMax, int count, double ratio = 0.01)
    {
        if (!(lambdaMax > 0 && double.IsFinite(lambdaMax))) throw new ArgumentOutOfRangeException(nameof(lambdaMax), lambdaMax, "λ_max must be a positive number.");
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        if (!(ratio > 0 && ratio < 1)) throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "the ratio must lie in (0, 1).");
        return Enumerable.Range(0, count).Select(k => lambdaMax * Math.Pow(ratio, k / (double)(count - 1))).ToArray();
    }

    /// <summary>
    /// Fits <see cref="LogisticLasso.Fit"/> at every λ of <paramref name="lambdas"/> (which must fall), each warm-started
    /// from the fit before it. Returns one model per λ, in the same order.
    /// </summary>
    /// <exception cref="ArgumentException">An empty or non-decreasing λ sequence, or what <see cref="LogisticLasso.Fit"/> rejects.</exception>
    public static IReadOnlyList<LogisticRegression> Fit(Tensor x, Tensor y, IReadOnlyList<double> lambdas, LogisticLassoOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(lambdas);
        if (lambdas.Count == 0) throw new ArgumentException("the path needs at least one λ.", nameof(lambdas));
        for (int k = 1; k < lambdas.Count; k++)
            if (!(lambdas[k] < lambdas[k - 1]))
                throw new ArgumentException($"λ must fall along the path; λ[{k}] = {lambdas[k]} is not below λ[{k - 1}] = {lambdas[k - 1]}.", nameof(lambdas));
        using var scope = NewDisposeScope();
        var features = x.detach().to_type(ScalarType.Float64);
        var models = new List<LogisticRegression>(lambdas.Count);
        LogisticRegression? previous = null;
        foreach (var lambda in lambdas)
            models.Add(previous = LogisticLasso.Fit(features, y, lambda, options, previous));
        return models;
    }
}
