namespace L1Lab.Tests;

/// <summary>
/// Block soft-thresholding, the proximal operator of t·‖v‖₂, against the definition itself: argmin over v of
/// t‖v‖₂ + ½‖v − w‖², found by brute force on a grid and checked by its optimality condition through autograd.
/// </summary>
public sealed class GroupLassoTests
{
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
        var ours = GroupLasso.SoftThreshold(tensor(w), t).data<double>().ToArray();
        var brute = BruteForceProx(w, t);

        // Then they agree to the grid's resolution, and the closed form is never worse
        Assert.True(Math.Abs(ours[0] - brute[0]) < 1e-3 && Math.Abs(ours[1] - brute[1]) < 1e-3,
            $"closed form ({ours[0]}, {ours[1]}) vs brute force ({brute[0]}, {brute[1]})");
        Assert.True(Objective(ours, w, t) <= Objective(brute, w, t) + 1e-12);
    }

    [Fact]
    public void A_group_whose_norm_is_at_most_t_becomes_exactly_zero_and_a_larger_one_keeps_its_direction()
    {
        var w = tensor(new[] { 3.0, 4.0 });   // ‖w‖ = 5

        var atNorm = GroupLasso.SoftThreshold(w, 5.0);
        var below = GroupLasso.SoftThreshold(w, 2.0);

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
        var v = GroupLasso.SoftThreshold(w, t).requires_grad_();

        // When autograd differentiates t‖v‖ + ½‖v − w‖² at v*
        var objective = v.norm() * t + 0.5 * (v - w).square().sum();
        objective.backward();

        // Then the gradient is zero: v* is the minimiser
        Assert.True(v.grad!.abs().max().item<double>() < 1e-12, Compare.Describe("∇ at v*", v.grad!, zeros_like(w)));
    }

    [Fact]
    public void Columns_are_thresholded_one_group_at_a_time()
    {
        // Given a 3 × 4 matrix whose columns have norms 0, 0.3, 2 and 5
        var w = tensor(new double[,] { { 0, 0.3, 2, 3 }, { 0, 0, 0, 4 }, { 0, 0, 0, 0 } });
        var expected = stack(Enumerable.Range(0, 4).Select(j => GroupLasso.SoftThreshold(w.select(1, j), 0.5)).ToArray(), 1);

        // When every column is block soft-thresholded in place by t = 0.5
        var inPlace = w.clone();
        GroupLasso.SoftThresholdColumnsInPlace(inPlace, 0.5);

        // Then each column equals the prox of its own group (written out: 0, 0, 0.75·2, 0.9·(3, 4)), the two small ones are exactly zero, and no NaN appears
        Assert.Equal([0.0, 0, 1.5, 2.7, 0, 0, 0, 3.6, 0, 0, 0, 0], inPlace.data<double>().ToArray().Select(x => Math.Round(x, 12)));
        Assert.True(inPlace.allclose(expected, rtol: 0, atol: 1e-15), Compare.Describe("columns", inPlace, expected));
        Assert.Equal(2, GroupLasso.ZeroColumns(inPlace));
        Assert.Equal([0.0, 0.3, 2, 5], GroupLasso.ColumnNorms(w).data<double>().ToArray().Select(x => Math.Round(x, 12)));
        Assert.Equal(0.5 * 7.3, GroupLasso.Penalty(w, 0.5).item<double>(), 12);
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
    public void Bad_arguments_are_rejected_with_what_is_wrong()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GroupLasso.SoftThreshold(ones(2), -1));
        var e = Assert.Throws<ArgumentException>(() => GroupLasso.SoftThresholdColumnsInPlace(ones(2), 1));
        Assert.Contains("outputs × inputs", e.Message, StringComparison.Ordinal);
    }
}
