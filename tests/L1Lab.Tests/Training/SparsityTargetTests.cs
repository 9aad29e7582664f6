using L1Lab.Data;
using L1Lab.Diagnostics;
using L1Lab.Models;
using L1Lab.Training;

namespace L1Lab.Tests.Training;

public sealed class SparsityTargetTests
{
    static List<EarlyStoppingEpoch> History(params (double Auc, double Zeros)[] epochs) =>
        epochs.Select((e, i) => new EarlyStoppingEpoch(i + 1, TrainLoss: 0.5, e.Auc, e.Zeros, Seconds: 1)).ToList();

    // Given: the plain best epoch (3, AUC 0.95) is denser than the target; among the sparse ones epoch 5 is best.
    static readonly List<EarlyStoppingEpoch> DenserBest = History((0.90, 0.20), (0.93, 0.60), (0.95, 0.85), (0.91, 0.91), (0.94, 0.93), (0.92, 0.95));

    [Fact]
    public void The_best_sparse_epoch_is_chosen_when_the_plain_best_is_denser_than_the_target()
    {
        var choice = SparsityTarget.Choose(DenserBest, targetZeros: 0.9);

        Assert.Equal(5, choice.Epoch);
        Assert.Equal(0.94, choice.ValidationAuc);
        Assert.True(choice.TargetMet);
        Assert.Contains("≥ 90 %", choice.ToString());
    }

    [Fact]
    public void Without_a_target_the_plain_best_epoch_is_chosen()
    {
        var choice = SparsityTarget.Choose(DenserBest, targetZeros: null);

        Assert.Equal(3, choice.Epoch);
        Assert.Null(choice.TargetZeros);
    }

    [Fact]
    public void When_no_epoch_meets_the_target_the_plain_best_is_kept_and_the_fallback_is_said()
    {
        var choice = SparsityTarget.Choose(DenserBest, targetZeros: 0.99);

        Assert.Equal(3, choice.Epoch);
        Assert.False(choice.TargetMet);
        Assert.Contains("fell back", choice.ToString());
    }

    [Fact]
    public void An_epoch_exactly_at_the_target_counts_and_ties_keep_the_earliest()
    {
        var history = History((0.80, 0.5), (0.90, 0.5), (0.90, 0.5), (0.85, 0.4));

        Assert.Equal(2, SparsityTarget.Choose(history, targetZeros: 0.5).Epoch);
        Assert.Equal(1, SparsityTarget.Choose(History((0.9, 0.5), (0.9, 0.6)), targetZeros: 0.5).Epoch);
    }

    [Fact]
    public void Training_goes_on_until_the_target_is_reached_then_stops_patience_epochs_after_the_kept_one()
    {
        // Epochs 1–3 are all denser than 90 %: without a target, patience 2 would stop after epoch 5 (best = 3).
        Assert.False(SparsityTarget.ShouldStop(DenserBest.Take(5).ToList(), targetZeros: 0.9, patience: 2));
        Assert.True(SparsityTarget.ShouldStop(DenserBest.Take(5).ToList(), targetZeros: null, patience: 2));
        // Kept epoch 5 with the target: one epoch after it is not enough for patience 2, two are.
        Assert.False(SparsityTarget.ShouldStop(DenserBest, targetZeros: 0.9, patience: 2));
        Assert.True(SparsityTarget.ShouldStop(DenserBest, targetZeros: 0.9, patience: 1));
        // No epoch reaches 99 %: never stop early, whatever the patience.
        Assert.False(SparsityTarget.ShouldStop(DenserBest, targetZeros: 0.99, patience: 1));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_target_outside_zero_to_one_is_refused_naming_it(double target)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SparsityTarget.Choose(DenserBest, target));

        Assert.Contains("targetZeros", e.Message);
    }

    [Fact]
    public void An_empty_history_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SparsityTarget.Choose([], 0.5));
    }

    [Fact]
    public void Early_stopping_with_a_target_leaves_the_model_at_the_best_epoch_that_meets_it()
    {
        // Given: a CNN whose proximal L1 and filter group lasso make it sparser every epoch.
        using var data = MedMnist.LoadBreastMnist(DataPaths.FindDataDirectory());
        using var model = Cnn.Create([4, 8], 2, seed: 1);
        var options = new TrainingOptions
        {
            Epochs = 4,
            BatchSize = 32,
            LearningRate = 0.05,
            Seed = 3,
            L1Mode = L1Mode.Proximal,
            L1Lambda = 2e-2,
            FilterGroupLambda = 2e-2,
        };

        // When: the target is the sparsity the second epoch reaches in a run without one (same seed, same path).
        using var probe = Cnn.Create([4, 8], 2, seed: 1);
        var plain = EarlyStopping.Fit(probe, options, data.Train, data.Validation, positiveClass: 0, patience: 4);
        double target = plain.Epochs[1].ZeroFraction;
        var result = EarlyStopping.Fit(model, options, data.Train, data.Validation, positiveClass: 0, patience: 4, targetZeros: target);

        // Then: the kept epoch is the best among those at least that sparse, and the model holds its weights.
        var expected = result.Epochs.Where(e => e.ZeroFraction >= target).MaxBy(e => e.ValidationAuc)!;
        Assert.Equal(expected.Epoch, result.BestEpoch);
        Assert.True(result.Choice.TargetMet);
        Assert.Equal(expected.ValidationAuc, BinaryMetrics.Scores(model, data.Validation, 0).Roc().Auc);
        Assert.True(Sparsity.Measure(model).ZeroFraction >= target);
    }
}
