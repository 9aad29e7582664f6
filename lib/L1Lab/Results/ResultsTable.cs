using System.Globalization;
using System.Text;
using L1Lab.IO;
using Microsoft.Data.Analysis;

namespace L1Lab.Results;

/// <summary>
/// Per-epoch results as a table: one row per run and epoch with the columns of results.csv
/// (run, l1_mode, lambda, epoch, data_loss, penalty, train_accuracy, test_accuracy, zero_fraction,
/// near_zero_fraction, seconds).
/// </summary>
public static class ResultsTable
{
    /// <summary>The column names, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["run", "l1_mode", "lambda", "epoch", "data_loss", "penalty", "train_accuracy", "test_accuracy", "zero_fraction", "near_zero_fraction", "seconds"];

    /// <summary>The rows as a DataFrame (for notebooks).</summary>
    public static DataFrame ToDataFrame(IEnumerable<RunResult> runs)
    {
        var rows = Rows(runs).ToList();
        return new DataFrame(
            new StringDataFrameColumn("run", rows.Select(r => r.Run.Run)),
            new StringDataFrameColumn("l1_mode", rows.Select(r => r.Run.ModeName)),
            new DoubleDataFrameColumn("lambda", rows.Select(r => r.Run.Lambda)),
            new Int32DataFrameColumn("epoch", rows.Select(r => r.Epoch.Epoch)),
            new DoubleDataFrameColumn("data_loss", rows.Select(r => r.Epoch.DataLoss)),
            new DoubleDataFrameColumn("penalty", rows.Select(r => r.Epoch.Penalty)),
            new DoubleDataFrameColumn("train_accuracy", rows.Select(r => r.Epoch.TrainAccuracy)),
            new DoubleDataFrameColumn("test_accuracy", rows.Select(r => r.Epoch.TestAccuracy)),
            new DoubleDataFrameColumn("zero_fraction", rows.Select(r => r.Epoch.ZeroFraction)),
            new DoubleDataFrameColumn("near_zero_fraction", rows.Select(r => r.Epoch.NearZeroFraction)),
            new DoubleDataFrameColumn("seconds", rows.Select(r => r.Epoch.Seconds)));
    }

    /// <summary>The rows as CSV text (invariant culture, header first, round-trippable numbers).</summary>
    public static string ToCsv(IEnumerable<RunResult> runs)
    {
        var csv = new StringBuilder().AppendJoin(',', Columns).Append('\n');
        foreach (var (run, e) in Rows(runs))
            csv.AppendJoin(',', Csv.Text(run.Run), run.ModeName, Csv.Number(run.Lambda), Csv.Number(e.Epoch),
                Csv.Number(e.DataLoss), Csv.Number(e.Penalty), Csv.Number(e.TrainAccuracy), Csv.Number(e.TestAccuracy), Csv.Number(e.ZeroFraction), Csv.Number(e.NearZeroFraction), Csv.Number(e.Seconds))
               .Append('\n');
        return csv.ToString();
    }

    /// <summary>Writes <see cref="ToCsv"/> to <paramref name="path"/>, atomically.</summary>
    public static void WriteCsv(IEnumerable<RunResult> runs, string path) => AtomicFile.WriteAllText(path, ToCsv(runs));

    static IEnumerable<(RunResult Run, Training.EpochMetrics Epoch)> Rows(IEnumerable<RunResult> runs) =>
        runs.SelectMany(r => r.Epochs.Select(e => (r, e)));


}
