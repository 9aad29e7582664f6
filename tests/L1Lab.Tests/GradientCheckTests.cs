using static TorchSharp.torch.nn.functional;

namespace L1Lab.Tests;

public sealed class GradientCheckTests
{
    [Fact]
    public void Numerical_gradient_of_sum_of_cubes_is_three_x_squared()
    {
        // Given f(x) = Σx³, whose gradient is 3x²
        var g = new Generator(1);
        using var x = Seeded.Randn(g, 3, 4);
        using var copy = x.clone();

        // When
        using var numerical = GradientCheck.Numerical(v => v.pow(3).sum(), x);

        // Then it matches, is float64, has x's shape, and x is untouched
        using var analytic = 3 * x.to(float64).square();
        Assert.Equal(ScalarType.Float64, numerical.dtype);
        TensorAssert.Close("∇Σx³", numerical, analytic, atol: 1e-5);
        TensorAssert.Exact("x unchanged", x, copy);
    }

    [Fact]
    public void Mean_squared_error_gradient_is_two_times_residual_over_n()
    {
        // Given predictions and targets of 12 elements
        var g = new Generator(2);
        using var prediction = Seeded.Randn(g, 4, 3);
        using var target = Seeded.Randn(g, 4, 3);

        // When
        using var numerical = GradientCheck.Numerical(p => Losses.MeanSquaredError(p, target), prediction);

        // Then ∂/∂ŷ = 2(ŷ − y)/n
        using var analytic = 2 * (prediction - target) / 12;
        Assert.True(GradientCheck.MaxRelativeError(analytic, numerical) < 1e-5, TensorAssert.Describe("∇ MSE", analytic, numerical));
    }

    [Fact]
    public void Cross_entropy_gradient_is_softmax_minus_one_hot_over_batch()
    {
        // Given logits for 5 examples over 4 classes
        var g = new Generator(3);
        using var logits = Seeded.Randn(g, 5, 4) * 2;
        using var labels = randint(4, [5], generator: g);

        // When
        using var numerical = GradientCheck.Numerical(z => Losses.CrossEntropy(z, labels), logits);

        // Then ∂/∂z = (softmax(z) − onehot(y)) / batch
        using var analytic = (softmax(logits.to(float64), 1) - one_hot(labels, 4).to(float64)) / 5;
        Assert.True(GradientCheck.MaxRelativeError(analytic, numerical) < 1e-5, TensorAssert.Describe("∇ cross-entropy", analytic, numerical));
    }

    [Fact]
    public void L1_penalty_gradient_is_lambda_times_sign_away_from_zero()
    {
        // Given weights at least 0.1 away from 0 (more than ε, so |w| is smooth on [w − ε, w + ε])
        var g = new Generator(4);
        using var raw = Seeded.Randn(g, 6);
        using var w = raw.sign() * (raw.abs() + 0.1);

        // When
        using var numerical = GradientCheck.Numerical(v => L1.Penalty([v], 0.3), w);

        // Then ∂/∂w λΣ|w| = λ·sign(w)
        using var analytic = 0.3 * L1.Subgradient(w);
        Assert.True(GradientCheck.MaxRelativeError(analytic, numerical) < 1e-6, TensorAssert.Describe("∇ λΣ|w|", analytic, numerical));
    }

    [Fact]
    public void MaxRelativeError_detects_a_gradient_off_by_a_factor_of_two()
    {
        // Given the correct MSE gradient, and one with a classic mistake (missing the ½ ... or the 2)
        var g = new Generator(5);
        using var prediction = Seeded.Randn(g, 10);
        using var target = Seeded.Randn(g, 10);
        using var numerical = GradientCheck.Numerical(p => Losses.MeanSquaredError(p, target), prediction);
        using var wrong = 4 * (prediction - target) / 10;

        // When
        var error = GradientCheck.MaxRelativeError(wrong, numerical);

        // Then the checker fails it: |2a − a| / |2a| = 0.5
        TensorAssert.Close("relative error of 2× gradient", error, 0.5, atol: 1e-4);
    }

    [Fact]
    public void MaxRelativeError_is_zero_for_identical_tensors_including_zeros()
    {
        using var a = tensor(new[] { 0.0, 1.0, -2.0 });
        Assert.Equal(0.0, GradientCheck.MaxRelativeError(a, a.clone()));
    }

    [Fact]
    public void Numerical_rejects_a_function_that_does_not_return_a_scalar()
    {
        using var x = ones(3);
        Assert.Throws<ArgumentException>(() => GradientCheck.Numerical(v => v * 2, x));
    }
}
