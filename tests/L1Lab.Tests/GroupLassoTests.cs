namespace L1Lab.Tests;

public sealed class GroupLassoTests
{
    /// <summary>½‖v − w‖² + t·Σ_g ‖v_g‖₂, the objective the block soft-threshold minimizes (groups = rows).</summary>
    static double Objective(double[,] v, double[,] w, double t)
    {
        double total = 0;
        for (int g = 0; g < v.GetLength(0); g++)
        {
            double norm = 0;
            for (int j = 0; j < v.GetLength(1); j++)
            {
                total += 0.5 * (v[g, j] - w[g, j]) * (v[g, j] - w[g, j]);
                norm += v[g, j] * v[g, j];
            }
            total += t * Math.Sqrt(norm);
        }
        return total;
    }

    static double[,] ToArray(Tensor x)
    {
        var flat = x.reshape(x.shape[0], -1).to(ScalarType.Float64);
        var a = new double[flat.shape[0], flat.shape[1]];
        var data = flat.data<double>().ToArray();
        for (int i = 0; i < data.Length; i++) a[i / a.GetLength(1), i % a.GetLength(1)] = data[i];
        return a;
    }

    [Fact]
    public void SoftThreshold_minimizes_the_proximal_objective_better_than_any_nearby_point_brute_force()
    {
        // Given filters of shape (6, 2, 3, 3) with norms on both sides of t
        using var generator = new Generator(5);
        using var w = Seeded.Randn(generator, 6, 2, 3, 3) * tensor(new float[] { 0.1f, 0.3f, 1f, 2f, 0.05f, 4f }).view(6, 1, 1, 1);
        const double t = 1.0;

        // When the block soft-threshold is applied
        var (v, _) = GroupLasso.SoftThreshold(w, t);

        // Then no random perturbation (nor zero) gives a lower objective
        var (va, wa) = (ToArray(v), ToArray(w));
        double best = Objective(va, wa, t);
        var random = new Random(7);
        for (int trial = 0; trial < 2000; trial++)
        {
            var other = (double[,])va.Clone();
            double scale = trial < 1000 ? 1e-3 : 1e-1;
            for (int g = 0; g < other.GetLength(0); g++)
                for (int j = 0; j < other.GetLength(1); j++)
                    other[g, j] += scale * (random.NextDouble() - 0.5);
            Assert.True(Objective(other, wa, t) >= best - 1e-9, $"trial {trial}: a perturbed point beats the prox by {best - Objective(other, wa, t):E2}");
        }
        Assert.True(Objective(new double[6, 18], wa, t) >= best - 1e-9);
    }

    [Fact]
    public void Groups_with_norm_at_most_t_become_exactly_zero_and_the_others_shrink_by_t_along_their_direction()
    {
        using var w = tensor(new float[] { 3, 4, 0.3f, 0.4f, 0, 0 }, [3, 2]);

        var (v, _) = GroupLasso.SoftThreshold(w, 1.0);

        // ‖(3, 4)‖ = 5 → (3, 4)·(1 − 1/5); ‖(0.3, 0.4)‖ = 0.5 ≤ 1 → 0; a zero group stays zero (no 0/0).
        TensorAssert.Close("block soft-threshold", v, tensor(new float[] { 2.4f, 3.2f, 0, 0, 0, 0 }, [3, 2]), atol: 1e-6);
        Assert.Equal(2, GroupLasso.ZeroGroups(v));
        Assert.False(v.isnan().any().item<bool>());
    }

    [Fact]
    public void With_groups_of_one_weight_it_is_the_L1_soft_threshold()
    {
        using var generator = new Generator(3);
        using var w = Seeded.Randn(generator, 50);

        var (v, _) = GroupLasso.SoftThreshold(w.view(50, 1), 0.4);

        TensorAssert.Close("group of one vs L1", v.view(50), L1.SoftThreshold(w, 0.4), atol: 1e-6);
    }

    [Fact]
    public void The_bias_belongs_to_its_filters_group()
    {
        // Filter 0: kernel norm 0.6 and bias 0.8, group norm 1.0 → off at t = 1; filter 1: kernel 0, bias 3 → shrinks to 2.
        using var w = tensor(new float[] { 0.6f, 0, 0, 0, 0, 0, 0, 0 }, [2, 1, 2, 2]);
        using var b = tensor(new float[] { 0.8f, 3f });

        var (v, vb) = GroupLasso.SoftThreshold(w, 1.0, b);

        Assert.Equal(0, v.abs().sum().item<float>());
        TensorAssert.Close("bias", vb!, tensor(new float[] { 0, 2 }), atol: 1e-6);
        Assert.Equal(2, GroupLasso.ZeroGroups(v));
        Assert.Equal(1, GroupLasso.ZeroGroups(v, vb));
    }

    [Fact]
    public void Penalty_is_lambda_times_the_sum_of_group_norms_and_autograd_gives_lambda_w_over_norm()
    {
        using var w = tensor(new float[] { 3, 4, 0, 5 }, [2, 2]).requires_grad_();

        using var penalty = GroupLasso.Penalty(w, 0.5);
        penalty.backward();

        Assert.Equal(0.5 * (5 + 5), penalty.item<float>(), 5);
        TensorAssert.Close("gradient", w.grad!, tensor(new float[] { 0.3f, 0.4f, 0, 0.5f }, [2, 2]), atol: 1e-6);
    }

    [Fact]
    public void A_bias_of_the_wrong_length_is_refused_naming_it()
    {
        using var w = zeros(3, 2);
        using var b = zeros(2);

        var e = Assert.Throws<ArgumentException>(() => GroupLasso.SoftThresholdInPlace(w, 1, b));

        Assert.Equal("bias", e.ParamName);
    }

    // One group, and column groups (each input's outgoing weights, notebook 09): checked against the prox definition.

    static double Objective(double[] v, double[] w, double t) =>
        t * Math.Sqrt(v.Sum(x => x * x)) + 0.5 * v.Zip(w).Sum(p => (p.First - p.Second) * (p.First - p.Second));

    /// <summary>Minimises the prox objective over a grid around w, then over a finer grid around the best point.</summary>
    static double[] BruteForceProx(double[] w, double t)
    {
        double[] best = [0, 0];
        double bestValue = Objective(best, w, t);
        foreach (var (centre, half, stepSize) in new[] { ((double[])[0, 0], 3.0, 0.01), (null!, 0.02, 0.0001) })
        {
            var c = centre ?? best.ToArray();
            for (double a = c[0] - half; a <= c[0] + half; a += stepSize)
                for (double b = c[1] - half; b <= c[1] + half; b += stepSize)
                {
                    double value = Objective([a, b], w, t);
                    if (value < bestValue) (bestValue, best) = (value, [a, b]);
                }
        }
        return best;
    }

    [Theory]
    [InlineData(1.0, 2.0, 0.5)]     // ‖w‖ = 2.24 > t: shrunk towards zero, same direction
    [InlineData(-1.5, 0.4, 1.0)]
    [InlineData(0.6, -0.8, 1.0)]    // ‖w‖ = 1 = t: exactly zero
    [InlineData(0.3, 0.2, 0.7)]     // ‖w‖ < t: exactly zero
    public void SoftThreshold_matches_brute_force_minimisation_of_the_prox_objective(double w0, double w1, double t)
    {
        // Given a group w and a threshold t
        double[] w = [w0, w1];

        // When the closed form and a grid search minimise t‖v‖ + ½‖v − w‖²
        var ours = GroupLasso.SoftThresholdGroup(tensor(w), t).data<double>().ToArray();
        var brute = BruteForceProx(w, t);

        // Then they agree to the grid's resolution, and the closed form is never worse
        Assert.True(Math.Abs(ours[0] - brute[0]) < 1e-3 && Math.Abs(ours[1] - brute[1]) < 1e-3,
            $"closed form ({ours[0]}, {ours[1]}) vs brute force ({brute[0]}, {brute[1]})");
        Assert.True(Objective(ours, w, t) <= Objective(brute, w, t) + 1e-12);
    }

    [Fact]
    public void One_group_whose_norm_is_at_most_t_becomes_exactly_zero_and_a_larger_one_keeps_its_direction()
    {
        var w = tensor(new[] { 3.0, 4.0 });   // ‖w‖ = 5

        var atNorm = GroupLasso.SoftThresholdGroup(w, 5.0);
        var below = GroupLasso.SoftThresholdGroup(w, 2.0);

        Assert.True(atNorm.eq(0).all().item<bool>());
        Assert.Equal([1.8, 2.4], below.data<double>().ToArray().Select(x => Math.Round(x, 12)));   // (1 − 2/5)·w
    }

    [Theory]
    [InlineData(1.0, 2.0, -0.5, 0.5)]
    [InlineData(-0.2, 0.9, 0.4, 0.3)]
    public void The_gradient_of_the_prox_objective_vanishes_at_the_closed_form_by_autograd(double a, double b, double c, double t)
    {
        // Given a 3-vector w whose norm exceeds t, and v* = block-soft-threshold(w, t)
        var w = tensor(new[] { a, b, c });
        var v = GroupLasso.SoftThresholdGroup(w, t).requires_grad_();

        // When autograd differentiates t‖v‖ + ½‖v − w‖² at v*
        var objective = v.norm() * t + 0.5 * (v - w).square().sum();
        objective.backward();

        // Then the gradient is zero: v* is the minimiser
        Assert.True(v.grad!.abs().max().item<double>() < 1e-12, TensorAssert.Describe("∇ at v*", v.grad!, zeros_like(w)));
    }

    [Fact]
    public void Columns_are_thresholded_one_group_at_a_time()
    {
        // Given a 3 × 4 matrix whose columns have norms 0, 0.3, 2 and 5
        var w = tensor(new double[,] { { 0, 0.3, 2, 3 }, { 0, 0, 0, 4 }, { 0, 0, 0, 0 } });
        var expected = stack(Enumerable.Range(0, 4).Select(j => GroupLasso.SoftThresholdGroup(w.select(1, j), 0.5)).ToArray(), 1);

        // When every column is block soft-thresholded in place by t = 0.5
        var inPlace = w.clone();
        GroupLasso.SoftThresholdColumnsInPlace(inPlace, 0.5);

        // Then each column equals the prox of its own group (written out: 0, 0, 0.75·2, 0.9·(3, 4)), the two small ones are exactly zero, and no NaN appears
        Assert.Equal([0.0, 0, 1.5, 2.7, 0, 0, 0, 3.6, 0, 0, 0, 0], inPlace.data<double>().ToArray().Select(x => Math.Round(x, 12)));
        Assert.True(inPlace.allclose(expected, rtol: 0, atol: 1e-15), TensorAssert.Describe("columns", inPlace, expected));
        Assert.Equal(2, GroupLasso.ZeroColumns(inPlace));
        Assert.Equal([0.0, 0.3, 2, 5], GroupLasso.ColumnNorms(w).data<double>().ToArray().Select(x => Math.Round(x, 12)));
        Assert.Equal(0.5 * 7.3, GroupLasso.ColumnPenalty(w, 0.5).item<double>(), 12);
    }

    [Fact]
    public void A_zero_threshold_leaves_every_column_unchanged_even_a_zero_one()
    {
        var w = tensor(new double[,] { { 0, 1 }, { 0, -2 } });
        var copy = w.clone();

        GroupLasso.SoftThresholdColumnsInPlace(copy, 0);

        Assert.True(copy.eq(w).all().item<bool>());
    }

    [Fact]
    public void Column_groups_need_a_matrix_and_a_threshold_of_at_least_zero()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GroupLasso.SoftThresholdGroup(ones(2), -1));
        var e = Assert.Throws<ArgumentException>(() => GroupLasso.SoftThresholdColumnsInPlace(ones(2), 1));
        Assert.Contains("outputs × inputs", e.Message, StringComparison.Ordinal);
    }
}
