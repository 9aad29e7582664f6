using L1Lab.Models;
using L1Lab.Training;

namespace L1Lab.Tests.Training;

/// <summary>
/// <see cref="TrainingOptions.InputGroupLambda"/>: the trainer block soft-thresholds the columns of the first weight matrix
/// (each input pixel's outgoing weights) after every update, on both of its paths, so whole pixels switch off.
/// </summary>
public sealed class TrainerGroupLassoTests(SmallMnist data) : IClassFixture<SmallMnist>
{
    static readonly TrainingOptions Grouped = new() { Epochs = 2, BatchSize = 32, LearningRate = 0.05, Seed = 5, InputGroupLambda = 0.05 };

    [Fact]
    public void Whole_pixels_switch_off_and_every_zero_of_the_first_layer_belongs_to_a_zero_column()
    {
        using var model = Mlp.Create([784, 16, 10], Grouped.Seed);

        var history = new Trainer(Grouped).Fit(model, data.Train, data.Test);

        var first = model.Layers[0].weight!;
        long zeroColumns = GroupLasso.ZeroColumns(first);
        Assert.True(zeroColumns > 100, $"only {zeroColumns} of 784 pixels switched off");
        Assert.Equal(zeroColumns * 16, first.eq(0).sum().item<long>());   // no scattered zeros: only whole columns
        Assert.Equal(0, model.Layers[1].weight!.eq(0).sum().item<long>()); // the second layer is not grouped
        Assert.True(history[^1].Penalty > 0);
    }

    [Fact]
    public void The_default_path_equals_autograd_steps_followed_by_block_soft_thresholding_of_the_first_layer()
    {
        // Given the same seeded model twice and the trainer's batch order
        using var trained = Mlp.Create([784, 16, 10], Grouped.Seed);
        using var byHand = Mlp.Create([784, 16, 10], Grouped.Seed);
        using var calls = new PrimitiveCalls();

        // When one trains with the Trainer (hand-derived step) and the other with autograd, a gradient step and the group prox
        new Trainer(Grouped).Fit(trained, data.Train, data.Test);
        int steps = 0;
        using var generator = new Generator((ulong)Grouped.Seed);
        long n = data.Train.Count;
        for (int epoch = 0; epoch < Grouped.Epochs; epoch++)
        {
            using var epochScope = NewDisposeScope();
            var order = randperm(n, generator: generator);
            for (long start = 0; start < n; start += Grouped.BatchSize, steps++)
            {
                using var stepScope = NewDisposeScope();
                var batch = order.narrow(0, start, Math.Min(Grouped.BatchSize, n - start));
                var loss = Losses.CrossEntropy(byHand.forward(data.Train.Images.index_select(0, batch)), data.Train.Labels.index_select(0, batch));
                byHand.zero_grad();
                loss.backward();
                Updates.GradientStep(byHand.parameters(), Grouped.LearningRate);
                GroupLasso.SoftThresholdColumnsInPlace(byHand.Layers[0].weight!, Grouped.LearningRate * Grouped.InputGroupLambda);
            }
        }

        // Then the weights agree to float rounding, and the trainer ran the group prox once per step, on the first layer only
        foreach (var ((name, a), (_, b)) in trained.named_parameters().Zip(byHand.named_parameters()))
            TensorAssert.Close($"Trainer vs autograd + group prox {name}", a, b, atol: 1e-5);
        Assert.Equal(2 * steps, calls["GroupLasso.SoftThresholdColumnsInPlace"]);   // the trainer's and the loop's
    }

    [Fact]
    public void The_autograd_path_applies_the_same_group_step_as_the_hand_derived_one()
    {
        using var fast = Mlp.Create([784, 16, 10], Grouped.Seed);
        using var slow = Mlp.Create([784, 16, 10], Grouped.Seed);

        new Trainer(Grouped with { L1Lambda = 1e-4, L1Mode = L1Mode.Proximal }).Fit(fast, data.Train, data.Test);
        new Trainer(Grouped with { L1Lambda = 1e-4, L1Mode = L1Mode.Proximal, UseHandDerivedStep = false }).Fit(slow, data.Train, data.Test);

        foreach (var ((name, a), (_, b)) in fast.named_parameters().Zip(slow.named_parameters()))
            TensorAssert.Close($"hand-derived vs autograd {name}", a, b, atol: 1e-5);
        Assert.InRange(GroupLasso.ZeroColumns(fast.Layers[0].weight!), GroupLasso.ZeroColumns(slow.Layers[0].weight!) - 2, GroupLasso.ZeroColumns(slow.Layers[0].weight!) + 2);
    }

    [Fact]
    public void A_negative_group_lambda_is_rejected_by_name()
    {
        var e = Assert.Throws<ArgumentException>(() => new Trainer(new TrainingOptions { InputGroupLambda = -1 }));
        Assert.Contains("group lambda", e.Message, StringComparison.Ordinal);
    }
}
