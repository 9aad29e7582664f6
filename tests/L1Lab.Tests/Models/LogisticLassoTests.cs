using System.Globalization;
using System.Text.Json;
using L1Lab.Models;

namespace L1Lab.Tests.Models;

/// <summary>
/// L1-regularised logistic regression by proximal gradient, against independent oracles: scikit-learn's
/// LogisticRegression(penalty="l1", solver="saga") through Debian's /usr/bin/python3, the lasso's optimality (KKT)
/// conditions, and a brute check of λ_max on both sides.
/// </summary>
public sealed class LogisticLassoTests
{
    const string Python = "/usr/bin/python3";

    /// <summary>n rows of p standard-normal features; y ~ Bernoulli(σ(x·β + 0.3)) with β = (2, −1.5, 1, 0, …, 0); seeded.</summary>
    static (Tensor X, Tensor Y) Synthetic(int n, int p, long seed)
    {
        var generator = new Generator((ulong)seed);
        var x = randn(n, p, dtype: ScalarType.Float64, generator: generator);
        var beta = zeros(p, dtype: ScalarType.Float64);
        beta[0] = 2.0; beta[1] = -1.5; beta[2] = 1.0;
        var probability = x.mv(beta).add(0.3).sigmoid();
        var y = rand(n, dtype: ScalarType.Float64, generator: generator).lt(probability).to_type(ScalarType.Float64);
        return (x, y);
    }

    static bool SklearnAvailable() =>
        File.Exists(Python) && ChildProcess.Run(Python, ["-c", "import sklearn"]).ExitCode == 0;

    /// <summary>scikit-learn's fit with C = 1/(nλ): its objective C·Σ log-loss + ‖β‖₁ is n·C times ours, with the intercept unpenalised (saga).</summary>
    static (double[] Weights, double Intercept) Sklearn(Tensor x, Tensor y, double lambda)
    {
        long n = x.shape[0];
        var payload = JsonSerializer.Serialize(new
        {
            x = Enumerable.Range(0, (int)n).Select(i => x[i].data<double>().ToArray()).ToArray(),
            y = y.data<double>().ToArray(),
            c = 1 / (n * lambda),
        });
        const string script = """
            import json, sys, warnings
            from sklearn.linear_model import LogisticRegression
            d = json.load(sys.stdin)
            warnings.simplefilter("ignore")
            m = LogisticRegression(penalty="l1", solver="saga", C=d["c"], tol=1e-12, max_iter=200000).fit(d["x"], d["y"])
            print(json.dumps({"w": m.coef_[0].tolist(), "b": float(m.intercept_[0])}))
            """;
        var result = ChildProcess.Run(Python, ["-c", script], stdin: payload, timeout: TimeSpan.FromMinutes(3));
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        return (json.RootElement.GetProperty("w").EnumerateArray().Select(e => e.GetDouble()).ToArray(), json.RootElement.GetProperty("b").GetDouble());
    }

    [SkippableTheory]
    [InlineData(0.5)]
    [InlineData(0.2)]
    [InlineData(0.05)]
    public void Selected_set_and_coefficients_match_scikit_learn_l1_logistic_regression(double fractionOfLambdaMax)
    {
        Skip.IfNot(SklearnAvailable(), $"{Python} cannot import sklearn: install python3-sklearn (apt-get install python3-sklearn) to compare with scikit-learn");
        // Given a seeded problem with three true features of ten, and λ a fraction of λ_max
        var (x, y) = Synthetic(200, 10, seed: 5);
        double lambda = fractionOfLambdaMax * LogisticLasso.LambdaMax(x, y);

        // When our proximal gradient and scikit-learn's saga fit the same objective
        var ours = LogisticLasso.Fit(x, y, lambda, new LogisticLassoOptions { Tolerance = 1e-12, MaxIterations = 100000 });
        var (weights, intercept) = Sklearn(x, y, lambda);

        // Then they select the same features and agree on every coefficient
        var theirSelected = Enumerable.Range(0, weights.Length).Where(j => Math.Abs(weights[j]) > 1e-6).ToArray();
        Assert.True(ours.Converged, $"no convergence in {ours.Iterations} iterations");
        Assert.Equal(theirSelected, ours.Selected);
        var maxDifference = weights.Zip(ours.Weights).Max(p => Math.Abs(p.First - p.Second));
        Assert.True(maxDifference < 1e-4, $"max |β_ours − β_sklearn| = {maxDifference:E2}; ours [{string.Join(", ", ours.Weights.Select(w => w.ToString("F5", CultureInfo.InvariantCulture)))}], sklearn [{string.Join(", ", weights.Select(w => w.ToString("F5", CultureInfo.InvariantCulture)))}]");
        Assert.True(Math.Abs(intercept - ours.Intercept) < 1e-4, $"intercept: ours {ours.Intercept}, sklearn {intercept}");
    }

    [Fact]
    public void LambdaMax_is_the_smallest_lambda_that_selects_nothing()
    {
        // Given a seeded problem and its closed-form λ_max
        var (x, y) = Synthetic(150, 8, seed: 9);
        double lambdaMax = LogisticLasso.LambdaMax(x, y);

        // When the lasso is fitted just above and just below it
        var above = LogisticLasso.Fit(x, y, lambdaMax * 1.001);
        var below = LogisticLasso.Fit(x, y, lambdaMax * 0.99);

        // Then nothing is selected above, and something is below
        Assert.Equal(0, above.SelectedCount);
        Assert.True(below.SelectedCount > 0, "just below λ_max some feature must enter");
        // and with nothing selected the intercept is the log-odds of the class share, as the derivation of λ_max assumes
        double share = y.mean().item<double>();
        Assert.Equal(Math.Log(share / (1 - share)), above.Intercept, 8);
    }

    [Fact]
    public void The_fit_satisfies_the_lasso_optimality_conditions()
    {
        // Given a fit at a quarter of λ_max
        var (x, y) = Synthetic(200, 12, seed: 3);
        double lambda = 0.25 * LogisticLasso.LambdaMax(x, y);
        var model = LogisticLasso.Fit(x, y, lambda, new LogisticLassoOptions { Tolerance = 1e-12, MaxIterations = 100000 });

        // When the gradient of the mean log-loss is taken by autograd at the solution
        var beta = tensor(model.Weights.ToArray(), dtype: ScalarType.Float64).requires_grad_();
        var b = tensor(model.Intercept, dtype: ScalarType.Float64).requires_grad_();
        var z = x.mv(beta) + b;
        (nn.functional.softplus(z) - y * z).mean().backward();
        var g = beta.grad!.data<double>().ToArray();

        // Then gⱼ = −λ·sign(βⱼ) where βⱼ ≠ 0, |gⱼ| ≤ λ where βⱼ = 0, and the intercept's gradient is zero
        for (int j = 0; j < g.Length; j++)
        {
            if (model.Weights[j] != 0)
                Assert.True(Math.Abs(g[j] + lambda * Math.Sign(model.Weights[j])) < 1e-7, $"β{j} = {model.Weights[j]}: g = {g[j]}, λ = {lambda}");
            else
                Assert.True(Math.Abs(g[j]) <= lambda * (1 + 1e-7), $"β{j} = 0 but |g| = {Math.Abs(g[j])} > λ = {lambda}");
        }
        Assert.True(Math.Abs(b.grad!.item<double>()) < 1e-7);
    }

    [Fact]
    public void Ista_and_Fista_reach_the_same_solution_and_Fista_needs_fewer_iterations()
    {
        var (x, y) = Synthetic(120, 6, seed: 4);
        double lambda = 0.1 * LogisticLasso.LambdaMax(x, y);
        var tight = new LogisticLassoOptions { Tolerance = 1e-11, MaxIterations = 200000 };

        var ista = LogisticLasso.Fit(x, y, lambda, tight with { Accelerated = false });
        var fista = LogisticLasso.Fit(x, y, lambda, tight);

        Assert.True(ista.Converged && fista.Converged);
        Assert.True(ista.Weights.Zip(fista.Weights).All(p => Math.Abs(p.First - p.Second) < 1e-6));
        Assert.True(fista.Iterations < ista.Iterations, $"FISTA {fista.Iterations} iterations, ISTA {ista.Iterations}");
        Assert.True(LogisticLasso.Objective(x, y, fista) <= LogisticLasso.Objective(x, y, ista) + 1e-9);
    }

    [Fact]
    public void Lipschitz_constant_bounds_the_Hessian_of_the_mean_loss()
    {
        // Given features and the Hessian of the mean log-loss at β = 0, β₀ = 0, where p(1 − p) = ¼ is largest
        var (x, _) = Synthetic(80, 5, seed: 2);
        var augmented = cat([x, ones(80, 1, dtype: ScalarType.Float64)], 1);
        var hessian = augmented.t().mm(augmented) / (4.0 * 80);

        // Then L equals its largest eigenvalue (computed another way, by eigvalsh)
        Assert.Equal(linalg.eigvalsh(hessian).max().item<double>(), LogisticLasso.Lipschitz(x), 10);
    }

    [Fact]
    public void Bad_input_is_rejected_with_what_is_wrong()
    {
        var x = ones(4, 2);
        Assert.Contains("0 or 1", Assert.Throws<ArgumentException>(() => LogisticLasso.Fit(x, tensor(new[] { 0.0, 1, 2, 0 }), 0.1)).Message, StringComparison.Ordinal);
        Assert.Contains("one per row", Assert.Throws<ArgumentException>(() => LogisticLasso.Fit(x, tensor(new[] { 0.0, 1 }), 0.1)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => LogisticLasso.Fit(x, tensor(new[] { 0.0, 1, 1, 0 }), -1));
    }
}
