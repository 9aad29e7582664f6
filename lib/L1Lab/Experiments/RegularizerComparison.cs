using L1Lab.Models;
using L1Lab.Results;
using System.Globalization;
using L1Lab.Data;
using L1Lab.IO;
using L1Lab.Training;
using Microsoft.Data.Analysis;

namespace L1Lab.Experiments;

/// <summary>
/// L1 among its peers: none, L1 as a penalty, L1 by soft-thresholding, L2, elastic net and dropout, each a fresh MLP
/// with the same initial weights and shuffling, trained on a small set (where overfitting shows) and compared by
/// train and test accuracy, their gap, and sparsity. Only the L1 variants should produce (near-)zero weights.
/// </summary>
public static class RegularizerComparison
{
    /// <summary>The columns of the comparison table, defined once for the CSV and the DataFrame.</summary>
    static readonly IReadOnlyList<TableColumn<RegularizerResult>> Table =
    [
        TableColumn<RegularizerResult>.Text("regularizer", r => r.Regularizer.ToString()),
        TableColumn<RegularizerResult>.Text("settings", r => r.Settings),
        TableColumn<RegularizerResult>.Number("train_accuracy", r => r.TrainAccuracy),
        TableColumn<RegularizerResult>.Number("test_accuracy", r => r.TestAccuracy),
        TableColumn<RegularizerResult>.Number("gap", r => r.Gap),
        TableColumn<RegularizerResult>.Number("zero_fraction", r => r.ZeroFraction),
        TableColumn<RegularizerResult>.Number("near_zero_fraction", r => r.NearZeroFraction),
        TableColumn<RegularizerResult>.Number("seconds", r => r.Seconds),
    ];

    /// <summary>The columns of the comparison table, in order.</summary>
    public static readonly IReadOnlyList<string> Columns = TableColumns.Names(Table);

    /// <summary>The training settings and dropout probability one regularizer runs with.</summary>
    public static (TrainingOptions Training, double Dropout, string Settings) Configure(Regularizer regularizer, RegularizerComparisonOptions options)
    {
        var t = options.Training with { L1Lambda = 0, L2Lambda = 0, L1Mode = L1Mode.Penalty };
        string l1 = $"λ={G(options.L1Lambda)}", l2 = $"λ₂={G(options.L2Lambda)}";
        return regularizer switch
        {
            Regularizer.None => (t, Mlp.NoDropout, ""),
            Regularizer.L1Penalty => (t with { L1Lambda = options.L1Lambda, L1Mode = L1Mode.Penalty }, Mlp.NoDropout, l1),
            Regularizer.L1Proximal => (t with { L1Lambda = options.L1Lambda, L1Mode = L1Mode.Proximal }, Mlp.NoDropout, l1),
            Regularizer.L2 => (t with { L2Lambda = options.L2Lambda }, Mlp.NoDropout, l2),
            Regularizer.ElasticNet => (t with { L1Lambda = options.L1Lambda, L1Mode = L1Mode.Proximal, L2Lambda = options.L2Lambda }, Mlp.NoDropout, $"{l1}, {l2}"),
            Regularizer.Dropout => (t, options.DropoutProbability, $"p={G(options.DropoutProbability)}"),
            _ => throw new ArgumentOutOfRangeException(nameof(regularizer), regularizer, "unknown regularizer"),
        };
    }

    /// <summary>
    /// Trains one model per regularizer on <paramref name="train"/>, evaluates on <paramref name="test"/>, and returns
    /// a row each. Throws <see cref="OperationCanceledException"/> within one training step of cancellation.
    /// </summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    public static IReadOnlyList<RegularizerResult> Run(
        ImageDataset train, ImageDataset test, RegularizerComparisonOptions options,
        IProgress<ExperimentProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        options.Validate();
        var rows = new List<RegularizerResult>();
        using var batch = ExperimentBatch.Start(options.Training.Epochs, options.Regularizers.Count, progress);
        for (int i = 0; i < options.Regularizers.Count; i++)
        {
            var regularizer = options.Regularizers[i];
            var (training, dropout, settings) = Configure(regularizer, options);
            var history = ExperimentRun.Fit(training, options.HiddenSizes, dropout, train, test, batch.Reporter(i + 1, regularizer.ToString()), cancellation);
            var final = history[^1];
            rows.Add(new RegularizerResult(regularizer, settings, final.TrainAccuracy, final.TestAccuracy,
                final.ZeroFraction, final.NearZeroFraction, history.Sum(e => e.Seconds)));
        }
        batch.Complete();
        return rows;
    }

    /// <summary>The rows as a DataFrame with the columns of <see cref="Columns"/> (for notebooks).</summary>
    public static DataFrame ToDataFrame(IEnumerable<RegularizerResult> rows) => TableColumns.ToDataFrame(Table, rows);

    /// <summary>The rows as CSV text (invariant culture, header first, round-trippable numbers).</summary>
    public static string ToCsv(IEnumerable<RegularizerResult> rows) => TableColumns.ToCsv(Table, rows);

    /// <summary>Writes <see cref="ToCsv"/> to <paramref name="path"/>, atomically.</summary>
    public static void WriteCsv(IEnumerable<RegularizerResult> rows, string path) => AtomicFile.WriteAllText(path, ToCsv(rows));

    static string G(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
