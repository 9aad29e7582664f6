using System.Globalization;
using System.Net;
using System.Text;

namespace L1Lab.Workshop;

/// <summary>A learner's feedback page: one self-contained HTML file saying which exercises passed and, in plain words, what failed.</summary>
public static class FeedbackPage
{
    /// <summary>The page for one submission's rows.</summary>
    public static string Render(string submission, IReadOnlyList<GradeRow> rows, IReadOnlyDictionary<string, string> titles)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        static string N(double d) => d.ToString("0.##", CultureInfo.InvariantCulture);
        var earned = rows.Sum(r => r.Points);
        var max = rows.Sum(r => r.MaxPoints);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>Feedback: ").Append(E(submission)).Append("</title>\n")
            .Append("<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}")
            .Append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.4em;text-align:left;vertical-align:top}")
            .Append(".ok{color:#060}.failed,.timeout,.error{color:#a00}</style>\n</head>\n<body>\n")
            .Append("<h1>Feedback: ").Append(E(submission)).Append("</h1>\n")
            .Append("<p><strong>").Append(N(earned)).Append(" of ").Append(N(max)).Append(" points</strong>")
            .Append(rows.Count > 0 ? $" for {E(rows[0].Notebook)}" : "").Append(".</p>\n")
            .Append("<table>\n<tr><th>exercise</th><th>points</th><th>result</th><th>what happened</th></tr>\n");
        foreach (var r in rows)
        {
            var status = GradesCsv.StatusText(r.Status);
            var title = titles.TryGetValue(r.Exercise, out var t) ? $"{t} ({r.Exercise})" : r.Exercise;
            html.Append("<tr><td>").Append(E(title)).Append("</td><td>").Append(N(r.Points)).Append(" / ").Append(N(r.MaxPoints))
                .Append("</td><td class=\"").Append(status).Append("\">").Append(Word(r.Status))
                .Append("</td><td>").Append(E(r.Message.Length > 0 ? r.Message : "The test passed.")).Append("</td></tr>\n");
        }
        html.Append("</table>\n<p>Each exercise earns its points when its test cell, including tests you could not see, runs without error.</p>\n</body>\n</html>\n");
        return html.ToString();
    }

    static string Word(GradeStatus status) => status switch
    {
        GradeStatus.Ok => "passed",
        GradeStatus.Failed => "failed",
        GradeStatus.Timeout => "too slow",
        _ => "could not be graded",
    };
}
