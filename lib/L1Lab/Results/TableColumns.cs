using System.Text;
using Microsoft.Data.Analysis;

namespace L1Lab.Results;

/// <summary>Builds a table's CSV text and DataFrame from its one list of <see cref="TableColumn{T}"/>.</summary>
public static class TableColumns
{
    /// <summary>The column names, in order.</summary>
    public static IReadOnlyList<string> Names<T>(IReadOnlyList<TableColumn<T>> columns) => columns.Select(c => c.Name).ToList();

    /// <summary>The rows as CSV text: header first, invariant culture, round-trippable numbers, '\n' line ends.</summary>
    public static string ToCsv<T>(IReadOnlyList<TableColumn<T>> columns, IEnumerable<T> rows)
    {
        var csv = new StringBuilder().AppendJoin(',', columns.Select(c => c.Name)).Append('\n');
        foreach (var row in rows)
            csv.AppendJoin(',', columns.Select(c => c.CsvField(row))).Append('\n');
        return csv.ToString();
    }

    /// <summary>The rows as a DataFrame with one column per <see cref="TableColumn{T}"/>.</summary>
    public static DataFrame ToDataFrame<T>(IReadOnlyList<TableColumn<T>> columns, IEnumerable<T> rows)
    {
        var list = rows.ToList();
        return new DataFrame(columns.Select(c => c.FrameColumn(list)));
    }
}
