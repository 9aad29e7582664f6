using L1Lab.Models;
using L1Lab.Results;
using System.Globalization;
using L1Lab.Data;
using L1Lab.IO;
using L1Lab.Training;
using Microsoft.Data.Analysis;

namespace L1Lab.Experiments;

/// <summary>
/// A λ sweep: how test accuracy, the train–test gap and sparsity change with the L1 strength. It trains one
/// fresh MLP per (λ, mode, seed) and keeps each run's final numbers. λ = 0 is trained once per seed (with no L1
/// the mode changes nothing) and reported with mode "none".
/// </summary>
/// <remarks>
/// The sweep evaluates on the test set, so it shows the effect of λ; it must not be used to choose λ
/// (that would tune on the test set). Use <see cref="CrossValidation"/> for that.
/// </remarks>
public static class Sweep
{
    /// <summary>The columns of sweep.csv, defined once for the CSV and the DataFrame.</summary>
    static readonly IReadOnlyList<TableColumn<SweepResult>> Table =
    [
        TableColumn<SweepResult>.Number("lambda", r => r.Lambda),
        TableColumn<SweepResult>.Text("l1_mode", r => r.ModeName),
        TableColumn<SweepResult>.LongInteger("seed", r => r.Seed),
        TableColumn<SweepResult>.Number("train_accuracy", r => r.TrainAccuracy),
        TableColumn<SweepResult>.Number("test_accuracy", r => r.TestAccuracy),
        TableColumn<SweepResult>.Number("gap", r => r.Gap),
        TableColumn<SweepResult>.Number("zero_fraction", r => r.ZeroFraction),
        TableColumn<SweepResult>.Number("near_zero_fraction", r => r.NearZeroFraction),
        TableColumn<SweepResult>.Number("seconds", r => r.Seconds),
    ];

    /// <summary>The columns of sweep.csv, in order.</summary>
    public static readonly IReadOnlyList<string> Columns = TableColumns.Names(Table);

    /// <summary>The runs of the grid in the order they are trained: λ ascending as given, then mode, then seed.</summary>
    public static IReadOnlyList<(double Lambda, L1Mode? Mode, long Seed)> Plan(SweepOptions options)
    {
        options.Validate();
        var plan = new List<(double, L1Mode?, long)>();
        foreach (var lambda in options.Lambdas)
            foreach (var mode in lambda == 0 ? [null] : options.Modes.Select(m => (L1Mode?)m))
                foreach (var seed in options.Seeds)
                    plan.Add((lambda, mode, seed));
        return plan;
    }

    /// <summary>
    /// Runs the grid on <paramref name="train"/>, evaluating on <paramref name="evaluation"/>, and returns one row per run.
    /// Data first, then options, as in <see cref="RegularizerComparison.Run"/> and <see cref="CrossValidation"/>.
    /// Throws <see cref="OperationCanceledException"/> within one training step of cancellation.
    /// </summary>
    /// <param name="train">The images every model is trained on.</param>
    /// <param name="evaluation">
    /// The held-out images each model is scored on: a validation split when the sweep informs a choice (notebook 05),
    /// the test split only when it shows the effect of λ (<c>l1lab sweep</c>).
    /// </param>
    /// <param name="options">The grid (λ values, modes, seeds) and the training options shared by every run.</param>
    /// <param name="progress">Receives each run's per-epoch progress; null for none.</param>
    /// <param name="cancellation">Stops the sweep within one training step.</param>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    public static IReadOnlyList<SweepResult> Run(
        ImageDataset train, ImageDataset evaluation, SweepOptions options,
        IProgress<ExperimentProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(evaluation);
        var plan = Plan(options);
        var results = new List<SweepResult>();
        using var batch = ExperimentBatch.Start(options.Training.Epochs, plan.Count, progress);
        for (int i = 0; i < plan.Count; i++)
        {
            var (lambda, mode, seed) = plan[i];
            var training = options.Training with { L1Lambda = lambda, L1Mode = mode ?? L1Mode.Penalty, Seed = seed };
            var label = $"λ={lambda.ToString("G4", CultureInfo.InvariantCulture)} {L1ModeName.Of(mode)} seed {seed}";
            var history = ExperimentRun.Fit(training, options.HiddenSizes, Mlp.NoDropout, train, evaluation, batch.Reporter(i + 1, label), cancellation);
            var final = history[^1];
            results.Add(new SweepResult(lambda, mode, seed, final.TrainAccuracy, final.TestAccuracy,
                final.ZeroFraction, final.NearZeroFraction, history.Sum(e => e.Seconds)));
        }
        batch.Complete();
        return results;
    }

    /// <summary>The rows as a DataFrame with the columns of <see cref="Columns"/> (for notebooks).</summary>
    public static DataFrame ToDataFrame(IEnumerable<SweepResult> rows) => TableColumns.ToDataFrame(Table, rows);

    /// <summary>The rows as CSV text (invariant culture, header first, round-trippable numbers).</summary>
    public static string ToCsv(IEnumerable<SweepResult> rows) => TableColumns.ToCsv(Table, rows);

    /// <summary>Writes <see cref="ToCsv"/> to <paramref name="path"/>, atomically.</summary>
    public static void WriteCsv(IEnumerable<SweepResult> rows, string path) => AtomicFile.WriteAllText(path, ToCsv(rows));

}
