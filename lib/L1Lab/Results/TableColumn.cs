using L1Lab.IO;
using Microsoft.Data.Analysis;

namespace L1Lab.Results;

/// <summary>
/// One column of a results table: its name and how a row's value goes into a CSV field and into a DataFrame column.
/// Each table lists its columns once (<see cref="ResultsTable"/>, <c>Sweep</c>, <c>RegularizerComparison</c>), and
/// <see cref="TableColumns"/> builds both the CSV text and the DataFrame from that one list.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
public sealed class TableColumn<T>
{
    readonly Func<T, string> _csvField;
    readonly Func<IReadOnlyList<T>, DataFrameColumn> _frameColumn;

    TableColumn(string name, Func<T, string> csvField, Func<IReadOnlyList<T>, DataFrameColumn> frameColumn) =>
        (Name, _csvField, _frameColumn) = (name, csvField, frameColumn);

    /// <summary>The column's name, in the CSV header and the DataFrame.</summary>
    public string Name { get; }

    /// <summary>A text column (quoted in CSV when needed).</summary>
    public static TableColumn<T> Text(string name, Func<T, string> value) =>
        new(name, r => Csv.Text(value(r)), rows => new StringDataFrameColumn(name, rows.Select(value)));

    /// <summary>A floating-point column (round-trippable in CSV).</summary>
    public static TableColumn<T> Number(string name, Func<T, double> value) =>
        new(name, r => Csv.Number(value(r)), rows => new DoubleDataFrameColumn(name, rows.Select(value)));

    /// <summary>A 32-bit integer column.</summary>
    public static TableColumn<T> Integer(string name, Func<T, int> value) =>
        new(name, r => Csv.Number(value(r)), rows => new Int32DataFrameColumn(name, rows.Select(value)));

    /// <summary>A 64-bit integer column.</summary>
    public static TableColumn<T> LongInteger(string name, Func<T, long> value) =>
        new(name, r => Csv.Number(value(r)), rows => new Int64DataFrameColumn(name, rows.Select(value)));

    /// <summary>The CSV field of <paramref name="row"/>.</summary>
    public string CsvField(T row) => _csvField(row);

    /// <summary>The DataFrame column holding <paramref name="rows"/>.</summary>
    public DataFrameColumn FrameColumn(IReadOnlyList<T> rows) => _frameColumn(rows);
}
