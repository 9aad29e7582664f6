using static TorchSharp.torch;

namespace L1Lab.Models;

/// <summary>
/// A fitted logistic regression, P(positive | x) = σ(x·β + β₀), as <see cref="LogisticLasso.Fit"/> returns it
/// (notebook 09-which-pixels): one weight per input feature (pixel), an unpenalised intercept, the λ it was fitted at
/// and how the iterations ended. A weight that is exactly zero is a feature the model does not use.
/// </summary>
public sealed class LogisticRegression
{
    /// <summary>Creates a model from its coefficients.</summary>
    public LogisticRegression(IReadOnlyList<double> weights, double intercept, double lambda, int iterations, bool converged)
    {
        ArgumentNullException.ThrowIfNull(weights);
        Weights = weights.ToArray();
        Intercept = intercept;
        Lambda = lambda;
        Iterations = iterations;
        Converged = converged;
    }

    /// <summary>β: one weight per feature.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>β₀, the unpenalised intercept.</summary>
    public double Intercept { get; }

    /// <summary>The L1 strength λ the model was fitted at.</summary>
    public double Lambda { get; }

    /// <summary>Proximal gradient iterations the fit took.</summary>
    public int Iterations { get; }

    /// <summary>Whether the fit met its tolerance before running out of iterations.</summary>
    public bool Converged { get; }

    /// <summary>The selected features: indices j with βⱼ ≠ 0, ascending.</summary>
    public IReadOnlyList<int> Selected => Enumerable.Range(0, Weights.Count).Where(j => Weights[j] != 0).ToArray();

    /// <summary>How many features are selected (βⱼ ≠ 0).</summary>
    public int SelectedCount => Weights.Count(w => w != 0);

    /// <summary>σ(x·β + β₀) for every row of <paramref name="x"/> (N × features): the model's probability of the positive class.</summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> does not have one column per weight.</exception>
    public double[] Probabilities(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 2 || x.shape[1] != Weights.Count)
            throw new ArgumentException($"x must be (N, {Weights.Count}); got ({string.Join(", ", x.shape)}).", nameof(x));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var beta = tensor(Weights.ToArray(), dtype: ScalarType.Float64);
        return x.to_type(ScalarType.Float64).mv(beta).add(Intercept).sigmoid().data<double>().ToArray();
    }
}
