using System.Globalization;
using L1Lab.Data;

namespace L1Lab.Experiments;

/// <summary>
/// K-fold cross-validation for choosing λ using the training set only. The training images are split at random
/// (seeded) into K folds; for every λ, K models are trained, each on K − 1 folds and validated on the one held out.
/// The λ with the best mean validation accuracy (or by the one-standard-error rule) is selected. The test set never
/// enters: <see cref="Run"/> takes a single training dataset, so the final test accuracy of the selected λ stays an
/// honest estimate.
/// </summary>
public static class CrossValidation
{
    /// <summary>
    /// Splits indices 0 … <paramref name="count"/> − 1 into <paramref name="k"/> disjoint folds that together cover
    /// every index once, after a seeded shuffle. Fold sizes differ by at most one (the first count mod k folds get
    /// the extra index). Each fold's indices are sorted ascending. The same seed always gives the same folds.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> &lt; 2 or more folds than indices.</exception>
    public static IReadOnlyList<long[]> Folds(int count, int k, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, k, nameof(count));
        var order = Enumerable.Range(0, count).Select(i => (long)i).ToArray();
        new Random(unchecked((int)(seed ^ (seed >> 32)))).Shuffle(order);
        var folds = new List<long[]>(k);
        int start = 0;
        for (int f = 0; f < k; f++)
        {
            int size = count / k + (f < count % k ? 1 : 0);
            var fold = order.AsSpan(start, size).ToArray();
            Array.Sort(fold);
            folds.Add(fold);
            start += size;
        }
        return folds;
    }

    /// <summary>
    /// Runs K-fold cross-validation of every candidate λ on <paramref name="train"/> and selects one.
    /// Every (λ, fold) run uses the same initial weights (<c>Training.Seed</c>), so the λ are compared fairly.
    /// Throws <see cref="OperationCanceledException"/> within one training step of cancellation.
    /// </summary>
    /// <exception cref="ArgumentException">Invalid options, or fewer training images than folds.</exception>
    public static CrossValidationResult Run(
        ImageDataset train, CrossValidationOptions options,
        IProgress<ExperimentProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        options.Validate();
        if (train.Count < options.Folds)
            throw new ArgumentException($"{options.Folds} folds need at least {options.Folds} training images (got {train.Count}).");
        var folds = Folds(train.Count, options.Folds, options.FoldSeed);
        int runs = options.Lambdas.Count * folds.Count, run = 0;
        var accuracies = options.Lambdas.Select(_ => new double[folds.Count]).ToArray();
        using (var batch = ExperimentBatch.Start(options.Training.Epochs, runs, progress))
        {
            for (int f = 0; f < folds.Count; f++)
            {
                var held = folds[f];
                var rest = folds.Where((_, j) => j != f).SelectMany(x => x).Order().ToArray();
                using var fit = train.Subset(rest);
                using var validate = train.Subset(held);
                for (int l = 0; l < options.Lambdas.Count; l++)
                {
                    double lambda = options.Lambdas[l];
                    var label = $"fold {f + 1}/{folds.Count} λ={lambda.ToString("G4", CultureInfo.InvariantCulture)}";
                    var history = ExperimentRun.Fit(options.Training with { L1Lambda = lambda }, options.HiddenSizes, 0, fit, validate,
                        batch.Reporter(++run, label), cancellation);
                    accuracies[l][f] = history[^1].TestAccuracy;
                }
            }
            batch.Complete();
        }

        var scores = options.Lambdas.Select((lambda, l) => new LambdaScore(lambda, accuracies[l])).ToList();
        return new CrossValidationResult(scores, Select(scores, options.Rule), options.Rule);
    }

    /// <summary>
    /// Picks λ from <paramref name="scores"/> by <paramref name="rule"/> (see <see cref="LambdaSelectionRule"/>):
    /// the highest mean, ties going to the larger λ; or the largest λ within one standard error of the best.
    /// </summary>
    /// <exception cref="ArgumentException">No scores.</exception>
    public static double Select(IReadOnlyList<LambdaScore> scores, LambdaSelectionRule rule = LambdaSelectionRule.HighestMean)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0) throw new ArgumentException("no scores to select from.", nameof(scores));
        var best = scores.OrderByDescending(s => s.Mean).ThenByDescending(s => s.Lambda).First();
        if (rule == LambdaSelectionRule.HighestMean) return best.Lambda;
        double bar = best.Mean - best.StandardError;
        return scores.Where(s => s.Mean >= bar).Max(s => s.Lambda);
    }
}
