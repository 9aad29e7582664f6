using L1Lab.Data;
using L1Lab.Models;
using L1Lab.Training;

namespace L1Lab.Tests.Training;

/// <summary>A few hundred real MNIST images, loaded once for the trainer tests.</summary>
public sealed class SmallMnist : IDisposable
{
    public ImageDataset Train { get; }
    public ImageDataset Test { get; }

    public SmallMnist()
    {
        using var mnist = Mnist.Load(Path.Combine(DataPaths.FindDataDirectory(), DataPaths.MnistFolderName));
        Train = mnist.Train.Take(512);
        Test = mnist.Test.Take(256);
    }

    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }
}

public sealed class TrainerTests(SmallMnist data) : IClassFixture<SmallMnist>
{
    static readonly TrainingOptions Quick = new() { Epochs = 3, BatchSize = 32, LearningRate = 0.05, Seed = 7 };

    IReadOnlyList<EpochMetrics> Fit(TrainingOptions options, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        using var model = Mlp.Create([784, 32, 10], options.Seed);
        return new Trainer(options).Fit(model, data.Train, data.Test, progress, cancellation);
    }

    [Fact]
    public void Training_on_real_images_lowers_the_loss_and_beats_chance()
    {
        var history = Fit(Quick);

        Assert.Equal(3, history.Count);
        Assert.True(history[^1].DataLoss < history[0].DataLoss, $"loss {history[0].DataLoss} → {history[^1].DataLoss}");
        Assert.True(history[^1].TestAccuracy > 0.5, $"test accuracy {history[^1].TestAccuracy}");
    }

    [Fact]
    public void Two_runs_with_the_same_seed_give_identical_metrics()
    {
        var options = Quick with { L1Lambda = 1e-3, L1Mode = L1Mode.Proximal };

        var first = Fit(options).Select(m => m with { Seconds = 0 });
        var second = Fit(options).Select(m => m with { Seconds = 0 });

        Assert.Equal(first, second);
    }

    [Fact]
    public void A_different_seed_gives_different_metrics()
    {
        var first = Fit(Quick)[^1].DataLoss;
        var second = Fit(Quick with { Seed = 8 })[^1].DataLoss;

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Proximal_L1_produces_exact_zeros_where_the_penalty_in_the_loss_does_not()
    {
        var proximal = Fit(Quick with { L1Lambda = 0.01, L1Mode = L1Mode.Proximal })[^1];
        var penalty = Fit(Quick with { L1Lambda = 0.01, L1Mode = L1Mode.Penalty })[^1];

        Assert.True(proximal.ZeroFraction > 0.2, $"proximal zeros {proximal.ZeroFraction}");
        Assert.True(penalty.ZeroFraction < 0.01, $"penalty zeros {penalty.ZeroFraction}");
        Assert.True(penalty.NearZeroFraction > penalty.ZeroFraction);
    }

    [Fact]
    public void Penalty_is_reported_separately_from_the_data_loss()
    {
        // Given one seeded model trained by the Trainer and its twin trained by the explicit autograd loop
        var options = Quick with { Epochs = 1, L1Lambda = 0.01, L1Mode = L1Mode.Penalty };
        using var trained = Mlp.Create([784, 32, 10], options.Seed);
        using var byHand = Mlp.Create([784, 32, 10], options.Seed);

        // When both train one epoch with the L1 penalty in the loss
        var reported = new Trainer(options).Fit(trained, data.Train, data.Test)[^1];
        double dataLossSum = 0;
        int steps = 0;
        using var generator = new Generator((ulong)options.Seed);
        long n = data.Train.Count;
        using (var epochScope = NewDisposeScope())
        {
            var order = randperm(n, generator: generator);
            for (long start = 0; start < n; start += options.BatchSize, steps++)
            {
                using var stepScope = NewDisposeScope();
                var batch = order.narrow(0, start, Math.Min(options.BatchSize, n - start));
                var dataLoss = Losses.CrossEntropy(byHand.forward(data.Train.Images.index_select(0, batch)), data.Train.Labels.index_select(0, batch));
                var loss = dataLoss + L1.Penalty(byHand, options.L1Lambda);
                byHand.zero_grad();
                loss.backward();
                Updates.GradientStep(byHand.parameters(), options.LearningRate);
                dataLossSum += dataLoss.item<float>();
            }
        }

        // Then the reported penalty is λ·Σ|w| of the trained weights, and the data loss is the loop's mean cross-entropy without it
        using (var scope = NewDisposeScope())
            TensorAssert.Close("reported penalty vs L1.Penalty of the trained weights", reported.Penalty, L1.Penalty(trained, options.L1Lambda).item<float>(), atol: 1e-6);
        Assert.True(reported.Penalty > 0.01, $"penalty {reported.Penalty}");
        TensorAssert.Close("reported data loss vs explicit loop", reported.DataLoss, dataLossSum / steps, atol: 1e-4);
        Assert.Equal(0, Fit(Quick with { Epochs = 1 })[^1].Penalty);
    }

    [Fact]
    public void No_tensor_outlives_training()
    {
        using var model = Mlp.Create([784, 32, 10], seed: 1);
        var trainer = new Trainer(Quick with { Epochs = 2, L1Lambda = 1e-3, L1Mode = L1Mode.Subgradient });
        trainer.Fit(model, data.Train, data.Test); // warm-up: lazily created gradients exist from here on
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        trainer.Fit(model, data.Train, data.Test);

        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void A_learning_rate_that_explodes_the_loss_stops_with_epoch_and_step()
    {
        var error = Assert.Throws<TrainingDivergedException>(() => Fit(Quick with { LearningRate = 1e20 }));

        Assert.Equal(1, error.Epoch);
        Assert.InRange(error.Step, 1, 16);
        Assert.Contains($"step {error.Step}", error.Message);
    }

    [Fact]
    public void Cancellation_stops_within_one_step()
    {
        // Given a run of 512 one-image steps per epoch (four parameter updates per step) cancelled during its third step
        using var cancel = new CancellationTokenSource();
        const int updatesPerStep = 4, cancelledInStep = 3;
        using var calls = new PrimitiveCalls((primitive, count) =>
        {
            if (primitive == "Updates.GradientStep" && count == (cancelledInStep - 1) * updatesPerStep + 1) cancel.Cancel();
        });

        // When it trains
        Assert.ThrowsAny<OperationCanceledException>(() => Fit(Quick with { BatchSize = 1 }, cancellation: cancel.Token));

        // Then it finishes that step and starts no other: the meter counted exactly three steps' updates, not an epoch's
        Assert.Equal(cancelledInStep * updatesPerStep, calls["Updates.GradientStep"]);
    }

    [Theory]
    [InlineData(0, 32, 0.01, 0.0, "epochs")]
    [InlineData(1, 0, 0.01, 0.0, "batch size")]
    [InlineData(1, 32, -1.0, 0.0, "learning rate")]
    [InlineData(1, 32, 0.01, -0.5, "lambda")]
    public void Invalid_options_are_rejected_naming_the_setting(int epochs, int batch, double lr, double lambda, string named)
    {
        var options = new TrainingOptions { Epochs = epochs, BatchSize = batch, LearningRate = lr, L1Lambda = lambda };

        var error = Assert.Throws<ArgumentException>(() => new Trainer(options));

        Assert.Contains(named, error.Message);
    }

}

/// <summary>
/// Dropout draws from torch's one global generator, which every Trainer.Fit on another test thread briefly reseeds:
/// this class runs alone, after the parallel ones.
/// </summary>
[Collection(nameof(GlobalGeneratorCollection))]
public sealed class TrainerDropoutTests(SmallMnist data) : IClassFixture<SmallMnist>
{
    [Fact]
    public void Runs_with_dropout_are_reproducible_from_the_seed_alone()
    {
        var options = new TrainingOptions { Epochs = 2, LearningRate = 0.05, Seed = 5 };
        IReadOnlyList<EpochMetrics> Fit()
        {
            random.manual_seed(Random.Shared.NextInt64()); // whatever the global generator holds before
            using var model = Mlp.Create([784, 32, 10], seed: 5, dropout: 0.5);
            return new Trainer(options).Fit(model, data.Train, data.Test).Select(m => m with { Seconds = 0 }).ToList();
        }

        Assert.Equal(Fit(), Fit());
    }
}

public sealed class TrainerDeviceTests
{
    [SkippableFact]
    public void Asking_for_cuda_without_cuda_is_a_clear_error()
    {
        Skip.If(cuda.is_available(), "CUDA is available on this host, so the trainer accepts device cuda; there is nothing to refuse.");

        var error = Assert.Throws<ArgumentException>(() => new Trainer(new TrainingOptions { Device = "cuda" }));

        Assert.Contains("CUDA is not available", error.Message);
    }
}

/// <summary>Tests that read torch's global random generator; xunit runs this collection with nothing else in parallel.</summary>
[CollectionDefinition(nameof(GlobalGeneratorCollection), DisableParallelization = true)]
public sealed class GlobalGeneratorCollection;
