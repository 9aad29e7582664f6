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
        Compare.Close("block soft-threshold", v, tensor(new float[] { 2.4f, 3.2f, 0, 0, 0, 0 }, [3, 2]), atol: 1e-6);
        Assert.Equal(2, GroupLasso.ZeroGroups(v));
        Assert.False(v.isnan().any().item<bool>());
    }

    [Fact]
    public void With_groups_of_one_weight_it_is_the_L1_soft_threshold()
    {
        using var generator = new Generator(3);
        using var w = Seeded.Randn(generator, 50);

        var (v, _) = GroupLasso.SoftThreshold(w.view(50, 1), 0.4);

        Compare.Close("group of one vs L1", v.view(50), L1.SoftThreshold(w, 0.4), atol: 1e-6);
    }

    [Fact]
    public void The_bias_belongs_to_its_filters_group()
    {
        // Filter 0: kernel norm 0.6 and bias 0.8, group norm 1.0 → off at t = 1; filter 1: kernel 0, bias 3 → shrinks to 2.
        using var w = tensor(new float[] { 0.6f, 0, 0, 0, 0, 0, 0, 0 }, [2, 1, 2, 2]);
        using var b = tensor(new float[] { 0.8f, 3f });

        var (v, vb) = GroupLasso.SoftThreshold(w, 1.0, b);

        Assert.Equal(0, v.abs().sum().item<float>());
        Compare.Close("bias", vb!, tensor(new float[] { 0, 2 }), atol: 1e-6);
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
        Compare.Close("gradient", w.grad!, tensor(new float[] { 0.3f, 0.4f, 0, 0.5f }, [2, 2]), atol: 1e-6);
    }

    [Fact]
    public void A_bias_of_the_wrong_length_is_refused_naming_it()
    {
        using var w = zeros(3, 2);
        using var b = zeros(2);

        var e = Assert.Throws<ArgumentException>(() => GroupLasso.SoftThresholdInPlace(w, 1, b));

        Assert.Equal("bias", e.ParamName);
    }
}
