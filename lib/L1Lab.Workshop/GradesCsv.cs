using System.Text;
using L1Lab.IO;

namespace L1Lab.Workshop;

/// <summary>grades.csv: submission, notebook, exercise, points, max_points, status, message.</summary>
public static class GradesCsv
{
    /// <summary>The header line.</summary>
    public const string Header = "submission,notebook,exercise,points,max_points,status,message";

    /// <summary>The CSV text of <paramref name="rows"/>, header first.</summary>
    public static string Format(IEnumerable<GradeRow> rows)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var r in rows)
            text.AppendJoin(',', Csv.Text(r.Submission), Csv.Text(r.Notebook), Csv.Text(r.Exercise), Csv.Number(r.Points),
                Csv.Number(r.MaxPoints), StatusText(r.Status), Csv.Text(r.Message)).Append('\n');
        return text.ToString();
    }

    /// <summary>"ok", "failed", "timeout" or "error".</summary>
    public static string StatusText(GradeStatus status) => status.ToString().ToLowerInvariant();
}
