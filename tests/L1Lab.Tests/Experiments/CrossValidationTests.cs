using L1Lab.Data;
using L1Lab.Experiments;
using L1Lab.Models;
using L1Lab.Tests.Training;
using L1Lab.Training;

namespace L1Lab.Tests.Experiments;

public sealed class CrossValidationTests(SmallMnist data) : IClassFixture<SmallMnist>
{
    [Theory]
    [InlineData(10, 3)]
    [InlineData(103, 5)]
    [InlineData(4, 4)]
    public void Folds_partition_the_indices_exactly_with_sizes_differing_by_at_most_one(int count, int k)
    {
        var folds = CrossValidation.Folds(count, k, seed: 7);

        Assert.Equal(k, folds.Count);
        var all = folds.SelectMany(f => f).ToList();
        Assert.Equal(count, all.Count);                                        // no index twice …
        Assert.Equal(Enumerable.Range(0, count).Select(i => (long)i), all.Order()); // … and every index once
        Assert.InRange(folds.Max(f => f.Length) - folds.Min(f => f.Length), 0, 1);
    }

    [Fact]
    public void Folds_are_deterministic_for_a_seed_and_shuffled_differently_for_another()
    {
        var first = CrossValidation.Folds(50, 5, seed: 1);
        var again = CrossValidation.Folds(50, 5, seed: 1);
        var other = CrossValidation.Folds(50, 5, seed: 2);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.NotEqual(Enumerable.Range(0, 10).Select(i => (long)i), first[0]); // shuffled, not consecutive blocks
    }

    [Fact]
    public void Run_takes_only_a_training_set_so_the_test_set_cannot_be_passed()
    {
        var run = typeof(CrossValidation).GetMethod(nameof(CrossValidation.Run))!;

        var datasets = run.GetParameters().Where(p => p.ParameterType == typeof(ImageDataset)).Select(p => p.Name);

        Assert.Equal(["train"], datasets);
    }

    [Fact]
    public void Run_scores_every_lambda_on_every_fold_and_selects_the_best_mean()
    {
        using var train = data.Train.Take(300);
        var options = new CrossValidationOptions
        {
            Lambdas = [0, 0.05],
            Folds = 3,
            HiddenSizes = [32],
            Training = new TrainingOptions { Epochs = 1, LearningRate = 0.05, L1Mode = L1Mode.Proximal, Seed = 3 },
        };
        var seen = new List<ExperimentProgress>();

        var result = CrossValidation.Run(train, options, new Callback(seen.Add));

        Assert.Equal([0, 0.05], result.Scores.Select(s => s.Lambda));
        Assert.All(result.Scores, s => Assert.Equal(3, s.FoldAccuracies.Count));
        Assert.All(result.Scores.SelectMany(s => s.FoldAccuracies), a => Assert.InRange(a, 0.0, 1.0));
        Assert.Equal(result.Scores.MaxBy(s => s.Mean)!.Lambda, result.SelectedLambda);
        Assert.Equal(6, seen.Max(p => p.Run));
        Assert.All(seen, p => Assert.Equal(6, p.Runs));
        Assert.Equal(result.Scores.Select(s => s.FoldAccuracies), CrossValidation.Run(train, options).Scores.Select(s => s.FoldAccuracies));

        // One (λ, fold) recomputed independently: train on the other folds, count correct answers on the held-out one
        var folds = CrossValidation.Folds(train.Count, options.Folds, options.FoldSeed);
        const int f = 1, l = 1;
        using var fit = train.Subset(folds.Where((_, j) => j != f).SelectMany(x => x).Order().ToArray());
        using var held = train.Subset(folds[f]);
        using var model = Mlp.Create([784, 32, 10], options.Training.Seed);
        new Trainer(options.Training with { L1Lambda = options.Lambdas[l] }).Fit(model, fit, held);
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        double heldOutAccuracy = model.forward(held.Images).argmax(1).eq(held.Labels).sum().item<long>() / (double)held.Count;
        Assert.Equal(heldOutAccuracy, result.Scores[l].FoldAccuracies[f], 12);
    }

    [Fact]
    public void Highest_mean_breaks_ties_towards_the_larger_lambda()
    {
        LambdaScore[] scores = [new(0, [0.9, 0.8]), new(1e-3, [0.8, 0.9]), new(1e-2, [0.5, 0.6])];

        Assert.Equal(1e-3, CrossValidation.Select(scores, LambdaSelectionRule.HighestMean));
    }

    [Fact]
    public void One_standard_error_rule_takes_the_largest_lambda_within_one_SE_of_the_best()
    {
        // Best: λ=1e-4, mean 0.90, sample sd √(0.02² + 0.02²) ≈ 0.0283, SE = sd/√2 = 0.02 → bar 0.88. λ=1e-3 (0.89) passes, λ=1e-2 (0.85) does not.
        LambdaScore[] scores = [new(0, [0.87, 0.87]), new(1e-4, [0.88, 0.92]), new(1e-3, [0.89, 0.89]), new(1e-2, [0.85, 0.85])];

        Assert.Equal(1e-4, CrossValidation.Select(scores, LambdaSelectionRule.HighestMean));
        Assert.Equal(1e-3, CrossValidation.Select(scores, LambdaSelectionRule.OneStandardError));
        Assert.Equal(0.02, scores[1].StandardError, 12);
    }

    [Theory]
    [InlineData(1, "folds")]
    [InlineData(-1, "λ")]
    public void Invalid_options_are_rejected(int folds, string named)
    {
        var options = new CrossValidationOptions { Folds = Math.Max(folds, 1), Lambdas = folds < 0 ? [-1e-3] : [0] };

        var error = Assert.Throws<ArgumentException>(() => options.Validate());

        Assert.Contains(named, error.Message);
    }

    sealed class Callback(Action<ExperimentProgress> report) : IProgress<ExperimentProgress>
    {
        public void Report(ExperimentProgress value) => report(value);
    }
}
