using System.Globalization;
using L1Lab.IO;
using L1Lab.Training;
using Microsoft.Data.Analysis;

namespace L1Lab.Results;

/// <summary>
/// Per-epoch results as a table: one row per run and epoch with the columns of results.csv
/// (run, l1_mode, lambda, epoch, data_loss, penalty, train_accuracy, test_accuracy, zero_fraction,
/// near_zero_fraction, seconds).
/// </summary>
public static class ResultsTable
{
    /// <summary>The columns of results.csv, defined once for the CSV and the DataFrame.</summary>
    static readonly IReadOnlyList<TableColumn<(RunResult Run, EpochMetrics Epoch)>> Table =
    [
        TableColumn<(RunResult Run, EpochMetrics Epoch)>.Text("run", r => r.Run.Run),
        TableColumn<(RunResult Run, EpochMetrics Epoch)>.Text("l1_mode", r => r.Run.ModeName),
        TableColumn<(RunResult Run, EpochMetrics Epoch)>.Number("lambda", r => r.Run.Lambda),
        TableColumn<(RunResult Run, EpochMetrics Epoch)>.Integer("epoch", r => r.Epoch.Epoch),
        TableColumn<(RunResult Run, EpochMetrics Epoch)>.Number("data_loss", r => r.Epoch.DataLoss),
        TableColumn<(RunResult Run, EpochMetrics Epoch)>.Number("penalty", r => r.Epoch.Penalty),
        TableColumn<(RunResult Run, EpochMetrics Epoch)>.Number("train_accuracy", r => r.Epoch.TrainAccuracy),
        TableColumn<(RunResult Run, EpochMetrics Epoch)>.Number("test_accuracy", r => r.Epoch.TestAccuracy),
        TableColumn<(RunResult Run, EpochMetrics Epoch)>.Number("zero_fraction", r => r.Epoch.ZeroFraction),
        TableColumn<(RunResult Run, EpochMetrics Epoch)>.Number("near_zero_fraction", r => r.Epoch.NearZeroFraction),
        TableColumn<(RunResult Run, EpochMetrics Epoch)>.Number("seconds", r => r.Epoch.Seconds),
    ];

    /// <summary>The column names, in order.</summary>
    public static readonly IReadOnlyList<string> Columns = TableColumns.Names(Table);

    /// <summary>The rows as a DataFrame (for notebooks).</summary>
    public static DataFrame ToDataFrame(IEnumerable<RunResult> runs) => TableColumns.ToDataFrame(Table, Rows(runs));

    /// <summary>The rows as CSV text (invariant culture, header first, round-trippable numbers).</summary>
    public static string ToCsv(IEnumerable<RunResult> runs) => TableColumns.ToCsv(Table, Rows(runs));

    /// <summary>Writes <see cref="ToCsv"/> to <paramref name="path"/>, atomically.</summary>
    public static void WriteCsv(IEnumerable<RunResult> runs, string path) => AtomicFile.WriteAllText(path, ToCsv(runs));

    /// <summary>
    /// Reads results.csv text written by <see cref="ToCsv"/> back into runs (one per run name, in file order), so
    /// committed result files can regenerate tables such as the README's.
    /// </summary>
    /// <exception cref="FormatException">The header differs from <see cref="Columns"/>, or a row is malformed (the message names the line).</exception>
    public static IReadOnlyList<RunResult> ParseCsv(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0 || lines[0] != string.Join(',', Columns))
            throw new FormatException($"results CSV: the header must be {string.Join(',', Columns)}");
        var runs = new List<(string Run, L1Mode? Mode, double Lambda, List<EpochMetrics> Epochs)>();
        for (int i = 1; i < lines.Count; i++)
        {
            var f = SplitCsvLine(lines[i]);
            if (f.Count != Columns.Count) throw new FormatException($"results CSV line {i + 1}: {f.Count} fields, expected {Columns.Count}");
            try
            {
                double D(int k) => double.Parse(f[k], NumberStyles.Float, CultureInfo.InvariantCulture);
                var epoch = new EpochMetrics(int.Parse(f[3], CultureInfo.InvariantCulture), D(4), D(5), D(6), D(7), D(8), D(9), D(10));
                var (name, mode, lambda) = (f[0], L1ModeName.Parse(f[1]), D(2));
                if (runs.Count == 0 || runs[^1].Run != name) runs.Add((name, mode, lambda, []));
                runs[^1].Epochs.Add(epoch);
            }
            catch (FormatException e)
            {
                throw new FormatException($"results CSV line {i + 1}: {e.Message}");
            }
        }
        return runs.Select(r => new RunResult(r.Run, r.Mode, r.Lambda, r.Epochs)).ToList();
    }

    static IEnumerable<(RunResult Run, EpochMetrics Epoch)> Rows(IEnumerable<RunResult> runs) =>
        runs.SelectMany(r => r.Epochs.Select(e => (r, e)));

    /// <summary>Splits one CSV line written with <see cref="Csv.Text"/> and <see cref="Csv.Number(double)"/> into its fields (quotes removed).</summary>
    static IReadOnlyList<string> SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
