using L1Lab.Data;
using L1Lab.Models;
using L1Lab.Training;

namespace L1Lab.Experiments;

/// <summary>The one training run every experiment repeats: a fresh seeded MLP, trained, final epoch returned, model freed.</summary>
static class ExperimentRun
{
    /// <summary>Layer widths: the dataset's pixels, the hidden widths, the dataset's classes.</summary>
    public static int[] Layers(ImageDataset data, IReadOnlyList<int> hidden) => [data.PixelCount, .. hidden, data.ClassCount];

    /// <summary>Trains a new MLP seeded with <c>options.Seed</c> and returns its per-epoch metrics (evaluated on <paramref name="evaluate"/>).</summary>
    public static IReadOnlyList<EpochMetrics> Fit(
        TrainingOptions options, IReadOnlyList<int> hidden, double dropout, ImageDataset train, ImageDataset evaluate,
        Action<TrainingProgress>? report, CancellationToken cancellation)
    {
        using var model = Mlp.Create(Layers(train, hidden), options.Seed, dropout);
        var progress = report is null ? null : new SyncProgress<TrainingProgress>(report);
        return new Trainer(options).Fit(model, train, evaluate, progress, cancellation);
    }

    /// <summary>Requires a non-empty list of positive hidden widths.</summary>
    public static void CheckHidden(IReadOnlyList<int> hidden)
    {
        if (hidden is null || hidden.Any(h => h < 1))
            throw new ArgumentException($"hidden layer widths must be positive (got [{string.Join(", ", hidden ?? [])}]).");
    }

    /// <summary>Requires a non-empty list of finite, non-negative λ.</summary>
    public static void CheckLambdas(IReadOnlyList<double> lambdas)
    {
        if (lambdas is null || lambdas.Count == 0) throw new ArgumentException("give at least one λ.");
        foreach (var l in lambdas)
            if (!double.IsFinite(l) || l < 0) throw new ArgumentException($"every λ must be zero or positive (got {l}).");
        if (lambdas.Distinct().Count() != lambdas.Count) throw new ArgumentException("the λ list has duplicates.");
    }
}
