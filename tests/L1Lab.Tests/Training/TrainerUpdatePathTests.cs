using L1Lab.Data;
using L1Lab.Models;
using L1Lab.Training;

namespace L1Lab.Tests.Training;

/// <summary>
/// The default training path (the hand-derived step) must run the library's own update primitives — the ones the
/// notebooks teach — not a copy of them. Counting their calls through L1Lab's meter makes that observable: a fast path
/// with its own inline soft-threshold or sign code would leave these counters at zero and fail.
/// </summary>
public sealed class TrainerUpdatePathTests(SmallMnist data) : IClassFixture<SmallMnist>
{
    static readonly TrainingOptions Quick = new() { Epochs = 1, BatchSize = 32, LearningRate = 0.05, Seed = 11, L1Lambda = 1e-3 };

    static int Steps(ImageDataset train, TrainingOptions o) => (int)((train.Count + o.BatchSize - 1) / o.BatchSize);

    [Theory]
    [InlineData(L1Mode.Proximal, "Updates.ProximalStep", "L1.SoftThresholdInPlace")]
    [InlineData(L1Mode.Subgradient, "Updates.SubgradientStep", "L1.Subgradient")]
    [InlineData(L1Mode.Penalty, "Updates.GradientStep", "L1.Subgradient")]
    public void The_default_path_applies_L1_through_the_library_primitives(L1Mode mode, string step, string l1Primitive)
    {
        // Given the default options (hand-derived step on the CPU) and a two-layer MLP
        var options = Quick with { L1Mode = mode };
        Assert.True(options.UseHandDerivedStep);
        using var model = Mlp.Create([784, 32, 10], options.Seed);
        Assert.True(HandDerivedStep.Supports(model, options));
        using var calls = new PrimitiveCalls();

        // When it trains for one epoch
        new Trainer(options).Fit(model, data.Train, data.Test);

        // Then every step ran the L1 primitive once per weight matrix, and the update step on every weight matrix
        int steps = Steps(data.Train, options), weightMatrices = 2;
        Assert.Equal(steps * weightMatrices, calls[l1Primitive]);
        Assert.True(calls[step] >= steps * weightMatrices, $"{step} ran {calls[step]} times in {steps} steps");
    }

    [Fact]
    public void Training_without_L1_calls_no_L1_primitive()
    {
        using var model = Mlp.Create([784, 32, 10], 3);
        using var calls = new PrimitiveCalls();

        new Trainer(Quick with { L1Lambda = 0 }).Fit(model, data.Train, data.Test);

        Assert.Equal(0, calls["L1.SoftThresholdInPlace"]);
        Assert.Equal(0, calls["L1.Subgradient"]);
        Assert.Equal(Steps(data.Train, Quick) * 4, calls["Updates.GradientStep"]); // two weights, two biases
    }

    [Fact]
    public void The_default_path_equals_explicit_autograd_steps_with_Updates_ProximalStep()
    {
        // Given the same seeded model twice and the trainer's batch order (randperm from a generator seeded with Seed)
        var options = Quick with { L1Mode = L1Mode.Proximal, Epochs = 2 };
        using var trained = Mlp.Create([784, 32, 10], options.Seed);
        using var byHand = Mlp.Create([784, 32, 10], options.Seed);

        // When one trains with the Trainer's defaults and the other with the textbook loop of notebook 03
        new Trainer(options).Fit(trained, data.Train, data.Test);
        using var generator = new Generator((ulong)options.Seed);
        long n = data.Train.Count;
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            using var epochScope = NewDisposeScope();
            var order = randperm(n, generator: generator);
            var images = data.Train.Images.index_select(0, order);
            var labels = data.Train.Labels.index_select(0, order);
            for (long start = 0; start < n; start += options.BatchSize)
            {
                using var stepScope = NewDisposeScope();
                long length = Math.Min(options.BatchSize, n - start);
                var loss = Losses.CrossEntropy(byHand.forward(images.narrow(0, start, length)), labels.narrow(0, start, length));
                byHand.zero_grad();
                loss.backward();
                Updates.ProximalStep(byHand, options.LearningRate, options.L1Lambda);
            }
        }

        // Then the weights agree to float rounding, and so do their exact zeros (a few may sit on the threshold)
        foreach (var ((name, a), (_, b)) in trained.named_parameters().Zip(byHand.named_parameters()))
            TensorAssert.Close($"Trainer vs explicit ProximalStep {name}", a, b, atol: 1e-5);
        var zerosTrained = Sparsity.Measure(trained).Zeros;
        var zerosByHand = Sparsity.Measure(byHand).Zeros;
        Assert.True(zerosTrained > 0, "proximal training should leave exact zeros");
        Assert.InRange(zerosTrained, zerosByHand - zerosByHand / 100, zerosByHand + zerosByHand / 100);
    }
}
