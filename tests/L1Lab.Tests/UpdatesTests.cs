namespace L1Lab.Tests;

public sealed class UpdatesTests
{
    /// <summary>Runs forward and backward of the MSE loss on seeded data, filling every parameter's .grad.</summary>
    static void Backward(nn.Module<Tensor, Tensor> model, long seed)
    {
        using var scope = NewDisposeScope();
        var g = new Generator((ulong)seed);
        var x = Seeded.Randn(g, 8, 3);
        var y = Seeded.Randn(g, 8, 2);
        Losses.MeanSquaredError(model.call(x), y).backward();
    }

    /// <summary>A float32 vector with the given values, requiring grad, and with its .grad set.</summary>
    static Tensor WithGradient(float[] values, float[] gradient)
    {
        var w = tensor(values).requires_grad_();
        using var loss = (w * tensor(gradient)).sum();
        loss.backward();
        return w;
    }

    [Fact]
    public void GradientStep_equals_an_optim_SGD_step_exactly()
    {
        // Given two identical seeded models with identical gradients
        using var ours = Seeded.SmallNetwork(seed: 1);
        using var reference = Seeded.SmallNetwork(seed: 1);
        Backward(ours, seed: 2);
        Backward(reference, seed: 2);

        // When one takes our step and the other torch's SGD step
        Updates.GradientStep(ours.parameters(), 0.1);
        using var sgd = optim.SGD(reference.parameters(), 0.1);
        sgd.step();

        // Then every parameter is bit-for-bit the same, and actually moved
        using var before = Seeded.SmallNetwork(seed: 1);
        foreach (var ((name, a), (_, b), (_, c)) in ours.named_parameters().Zip(reference.named_parameters(), before.named_parameters()))
        {
            TensorAssert.Exact($"SGD {name}", a, b);
            Assert.False(a.eq(c).all().item<bool>(), $"{name} did not move");
        }
    }

    [Fact]
    public void WeightDecayStep_equals_an_optim_SGD_step_with_weight_decay_exactly()
    {
        // Given two identical seeded models with identical gradients
        using var ours = Seeded.SmallNetwork(seed: 3);
        using var reference = Seeded.SmallNetwork(seed: 3);
        Backward(ours, seed: 4);
        Backward(reference, seed: 4);

        // When every parameter decays with λ = 0.05
        Updates.WeightDecayStep(ours.parameters(), 0.1, 0.05);
        using var sgd = optim.SGD(reference.parameters(), 0.1, weight_decay: 0.05);
        sgd.step();

        // Then
        foreach (var ((name, a), (_, b)) in ours.named_parameters().Zip(reference.named_parameters()))
            TensorAssert.Exact($"SGD+wd {name}", a, b);
    }

    [Fact]
    public void WeightDecayStep_is_a_gradient_step_on_the_loss_plus_the_L2_penalty()
    {
        // Given the same model twice; one gets ∇(loss + (λ/2)Σw²) from autograd
        using var ours = Seeded.SmallNetwork(seed: 5);
        using var reference = Seeded.SmallNetwork(seed: 5);
        Backward(ours, seed: 6);
        Backward(reference, seed: 6);
        using (var penalty = L2.Penalty(reference, 0.3)) penalty.backward();

        // When
        Updates.WeightDecayStep(ours, 0.1, 0.3);
        Updates.GradientStep(reference.parameters(), 0.1);

        // Then the two agree (up to float rounding)
        foreach (var ((name, a), (_, b)) in ours.named_parameters().Zip(reference.named_parameters()))
            TensorAssert.Close($"decay vs L2 autograd {name}", a, b);
    }

    [Fact]
    public void SubgradientStep_moves_by_the_gradient_plus_lambda_times_sign()
    {
        // Given w = [1, −2, 0], g = 0.5, η = 0.1, λ = 0.2
        using var w = WithGradient([1f, -2f, 0f], [0.5f, 0.5f, 0.5f]);

        // When
        Updates.SubgradientStep([w], 0.1, 0.2);

        // Then w − η(g + λ·sign(w)) = [1 − 0.07, −2 − 0.03, 0 − 0.05]
        using var expected = tensor(new[] { 0.93f, -2.03f, -0.05f });
        TensorAssert.Close("subgradient step", w, expected);
    }

    [Fact]
    public void SubgradientStep_is_a_gradient_step_on_the_loss_plus_the_L1_penalty()
    {
        // Given the same model twice; one gets ∇(loss + λΣ|w|) from autograd
        using var ours = Seeded.SmallNetwork(seed: 7);
        using var reference = Seeded.SmallNetwork(seed: 7);
        Backward(ours, seed: 8);
        Backward(reference, seed: 8);
        using (var penalty = L1.Penalty(reference, 0.3)) penalty.backward();

        // When
        Updates.SubgradientStep(ours, 0.1, 0.3);
        Updates.GradientStep(reference.parameters(), 0.1);

        // Then
        foreach (var ((name, a), (_, b)) in ours.named_parameters().Zip(reference.named_parameters()))
            TensorAssert.Close($"subgradient vs L1 autograd {name}", a, b);
    }

    [Fact]
    public void Autograd_gradient_of_loss_plus_L1_penalty_is_g_plus_lambda_sign_away_from_zero()
    {
        // Given a model whose weights are all away from 0 (seeded init), and the data gradient g alone
        using var model = Seeded.SmallNetwork(seed: 9);
        Backward(model, seed: 10);
        var dataGradient = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!.clone());
        foreach (var p in model.parameters()) p.grad!.zero_();

        // When autograd differentiates loss + λΣ|W|
        Backward(model, seed: 10);
        using (var penalty = L1.Penalty(model, 0.25)) penalty.backward();

        // Then weights get g + λ·sign(w) and biases plain g
        foreach (var (name, p) in model.named_parameters())
        {
            Assert.True(p.abs().min().item<float>() > 1e-3, $"{name} has a weight at 0");
            var expected = p.dim() >= 2 ? dataGradient[name] + 0.25 * p.detach().sign() : dataGradient[name];
            TensorAssert.Close($"∇(loss + λ|w|) {name}", p.grad!, expected);
        }
    }

    [Fact]
    public void ProximalStep_soft_thresholds_the_gradient_step()
    {
        // Given w = [1, −0.05, 0.02, −1], g = [0.5, 0, −0.1, 0], η = 0.1, λ = 1 (threshold 0.1)
        using var w = WithGradient([1f, -0.05f, 0.02f, -1f], [0.5f, 0f, -0.1f, 0f]);

        // When
        Updates.ProximalStep([w], 0.1, 1);

        // Then soft(w − ηg, ηλ) = soft([0.95, −0.05, 0.03, −1], 0.1) = [0.85, 0, 0, −0.9]
        using var expected = tensor(new[] { 0.85f, 0f, 0f, -0.9f });
        TensorAssert.Close("ISTA step", w, expected);
        Assert.Equal(2, w.eq(0).sum().item<long>());
    }

    [Fact]
    public void ProximalStep_shrinks_a_weight_that_has_no_gradient()
    {
        // Given a weight backward never reached
        using var w = tensor(new[] { 1f, 0.05f });

        // When
        Updates.ProximalStep([w], 0.1, 1);

        // Then only the penalty acts: soft(w, 0.1)
        using var expected = tensor(new[] { 0.9f, 0f });
        TensorAssert.Close("prox without gradient", w, expected);
    }

    [Fact]
    public void ElasticNetProximalStep_applies_the_elastic_net_proximal_operator_to_the_gradient_step()
    {
        // Given w − ηg = [0.95, −0.05, −1] (as above), η = 0.1, λ = 2, α = 0.5: threshold 0.1, scale 1/1.1
        using var w = WithGradient([1f, -0.05f, -1f], [0.5f, 0f, 0f]);

        // When
        Updates.ElasticNetProximalStep([w], 0.1, 2, 0.5);

        // Then
        using var expected = tensor(new[] { 0.85f / 1.1f, 0f, -0.9f / 1.1f });
        TensorAssert.Close("elastic-net prox step", w, expected);
    }

    [Fact]
    public void Model_overloads_regularize_weights_and_take_a_plain_step_on_biases()
    {
        // Given a seeded model with gradients, and a copy of its parameters and gradients
        using var model = Seeded.SmallNetwork(seed: 11);
        Backward(model, seed: 12);
        var before = model.named_parameters().ToDictionary(p => p.name, p => (W: p.parameter.detach().clone(), G: p.parameter.grad!.clone()));

        // When
        Updates.ProximalStep(model, 0.1, 2);

        // Then weights: soft(w − ηg, ηλ); biases: b − ηg; and parameters are still trainable leaves
        foreach (var (name, p) in model.named_parameters())
        {
            var (w, g) = before[name];
            var expected = p.dim() >= 2 ? L1.SoftThreshold(w - 0.1 * g, 0.2) : w - 0.1 * g;
            TensorAssert.Close($"model prox {name}", p, expected);
            Assert.True(p.requires_grad && p.is_leaf, $"{name} is no longer a trainable leaf");
        }
        Assert.True(model.named_parameters().Where(p => p.name.EndsWith("weight")).Sum(p => p.parameter.eq(0).sum().item<long>()) > 0,
            "λ was chosen so that some weights hit exactly zero");
    }

    [Fact]
    public void Steps_reject_negative_learning_rates_and_lambdas()
    {
        using var w = ones(2);
        Assert.Throws<ArgumentOutOfRangeException>(() => Updates.GradientStep([w], -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Updates.ProximalStep([w], 0.1, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Updates.SubgradientStep([w], -0.1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Updates.WeightDecayStep([w], 0.1, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Updates.ElasticNetProximalStep([w], 0.1, 1, 1.5));
    }

    /// <summary>
    /// Sparse linear regression: y = X·w* + noise with X 200×50 and 5 nonzeros in w*; fits w from 0 with
    /// the given step for 500 iterations of full-batch MSE, and returns w and the true support.
    /// </summary>
    static (Tensor Fitted, bool[] Support) FitSparseRegression(Action<Tensor> step)
    {
        var g = new Generator(42);
        using var x = Seeded.Randn(g, 200, 50);
        var support = new bool[50];
        using var wTrue = zeros(50);
        foreach (var (i, value) in new[] { (3, 2f), (11, -3f), (24, 1.5f), (37, -2f), (45, 2.5f) })
        {
            wTrue[i] = value;
            support[i] = true;
        }
        using var y = x.mv(wTrue) + 0.1 * Seeded.Randn(g, 200);
        var w = zeros(50).requires_grad_();
        for (var iteration = 0; iteration < 500; iteration++)
        {
            using var scope = NewDisposeScope();
            w.grad?.zero_();
            Losses.MeanSquaredError(x.mv(w), y).backward();
            step(w);
        }
        return (w.detach(), support);
    }

    [Fact]
    public void ProximalStep_finds_the_exact_zeros_of_a_sparse_regression_that_SubgradientStep_misses()
    {
        // Given the same data, λ = 0.1, η = 0.05 and 500 iterations for both methods
        const double lambda = 0.1, eta = 0.05;

        // When
        var (proximal, support) = FitSparseRegression(w => Updates.ProximalStep([w], eta, lambda));
        var (subgradient, _) = FitSparseRegression(w => Updates.SubgradientStep([w], eta, lambda));

        // Then the proximal fit is exactly zero off the support and nonzero on it ...
        var prox = proximal.data<float>().ToArray();
        var sub = subgradient.data<float>().ToArray();
        var zerosOff = Enumerable.Range(0, 50).Count(i => !support[i] && prox[i] == 0);
        var zerosOn = Enumerable.Range(0, 50).Count(i => support[i] && prox[i] == 0);
        Assert.True(zerosOff == 45 && zerosOn == 0, $"proximal: {zerosOff}/45 exact zeros off the support, {zerosOn}/5 on it");
        // ... while the subgradient fit hovers near zero there without reaching it
        var subZeros = sub.Count(v => v == 0);
        var subSmall = Enumerable.Range(0, 50).Count(i => !support[i] && Math.Abs(sub[i]) < 0.05);
        Assert.True(subZeros <= 1, $"subgradient: {subZeros} exact zeros, expected essentially none");
        Assert.True(subSmall >= 40, $"subgradient: only {subSmall}/45 off-support weights are near zero; did it converge?");
        proximal.Dispose();
        subgradient.Dispose();
    }
}
