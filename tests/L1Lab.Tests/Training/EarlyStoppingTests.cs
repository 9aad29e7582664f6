using L1Lab.Data;
using L1Lab.Diagnostics;
using L1Lab.Models;
using L1Lab.Training;

namespace L1Lab.Tests.Training;

public sealed class EarlyStoppingTests
{
    static readonly TrainingOptions Options = new() { Epochs = 4, BatchSize = 32, LearningRate = 0.05, Seed = 3 };

    [Fact]
    public void The_model_is_left_at_the_epoch_with_the_best_validation_AUC_and_stops_after_patience()
    {
        using var data = MedMnist.LoadBreastMnist(DataPaths.FindDataDirectory());
        using var model = Cnn.Create([4, 8], 2, seed: 1);

        var result = EarlyStopping.Fit(model, Options, data.Train, data.Validation, positiveClass: 0, patience: 1);

        var aucs = result.Epochs.Select(e => e.ValidationAuc).ToList();
        int best = aucs.IndexOf(aucs.Max()) + 1;
        Assert.Equal(best, result.BestEpoch);
        Assert.Equal(Math.Min(Options.Epochs, best + 1), result.Epochs.Count);
        Assert.Equal(result.BestValidationAuc, BinaryMetrics.Scores(model, data.Validation, 0).Roc().Auc);
        Assert.Equal(result.Epochs.Sum(e => e.Seconds), result.TrainingSeconds);
    }

    [Fact]
    public void Two_runs_with_the_same_seed_give_the_same_history()
    {
        using var data = MedMnist.LoadBreastMnist(DataPaths.FindDataDirectory());
        using var a = Cnn.Create([4, 8], 2, seed: 1);
        using var b = Cnn.Create([4, 8], 2, seed: 1);
        var options = Options with { Epochs = 2 };

        var first = EarlyStopping.Fit(a, options, data.Train, data.Validation, 0);
        var second = EarlyStopping.Fit(b, options, data.Train, data.Validation, 0);

        Assert.Equal(first.Epochs.Select(e => (e.TrainLoss, e.ValidationAuc)), second.Epochs.Select(e => (e.TrainLoss, e.ValidationAuc)));
    }

    [Fact]
    public void Filter_group_lasso_in_the_trainer_switches_whole_filters_off_and_proximal_L1_zeroes_single_weights()
    {
        using var data = MedMnist.LoadBreastMnist(DataPaths.FindDataDirectory());
        using var grouped = Cnn.Create([8, 8], 2, seed: 2);
        using var plain = Cnn.Create([8, 8], 2, seed: 2);
        var options = Options with { Epochs = 1, L1Mode = L1Mode.Proximal, L1Lambda = 1e-3 };

        new Trainer(options with { FilterGroupLambda = 0.5 }).Fit(grouped, data.Train, data.Validation);
        new Trainer(options).Fit(plain, data.Train, data.Validation);

        var offWithGroups = grouped.Convolutions.Sum(c => GroupLasso.ZeroGroups(c.weight!, c.bias));
        var offWithout = plain.Convolutions.Sum(c => GroupLasso.ZeroGroups(c.weight!, c.bias));
        Assert.True(offWithGroups > 0, "group lasso should switch at least one filter off");
        Assert.Equal(0, offWithout);
        Assert.True(Sparsity.Measure(plain).Zeros > 0, "proximal L1 alone should zero some single weights");
    }

    [Fact]
    public void A_negative_filter_group_lambda_is_refused_naming_it()
    {
        var e = Assert.Throws<ArgumentException>(() => new Trainer(new TrainingOptions { FilterGroupLambda = -1 }));

        Assert.Contains("filter group lambda", e.Message);
    }
}
