using System.Text;
using System.Text.Json.Nodes;

namespace L1Lab.Workshop;

/// <summary>
/// Makes the student version of an instructor notebook, as nbgrader's release step does: each solution region
/// (<c>// BEGIN SOLUTION</c> … <c>// END SOLUTION</c>) becomes one line that compiles and throws
/// <see cref="NotImplementedException"/> naming the exercise, hidden tests
/// (<c>// BEGIN HIDDEN TESTS</c> … <c>// END HIDDEN TESTS</c>) are removed, no marker is left, and outputs are
/// cleared. Everything else, nbgrader and Polyglot metadata included, stays as it was, so the grader can match
/// the learner's cells to the key by <c>grade_id</c>.
/// </summary>
public static class StudentRelease
{
    /// <summary>The student version of the notebook <paramref name="json"/> read from <paramref name="path"/>.</summary>
    /// <exception cref="WorkshopException">Not a notebook, or a marker without its partner.</exception>
    public static string Create(string path, string json)
    {
        var (root, cells) = NotebookJson.Parse(path, json);
        var notebook = System.IO.Path.GetFileName(path);
        string? heading = null;
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell) continue;
            NotebookJson.ClearOutputs(cell);
            var source = NotebookJson.Source(cell);
            if (NotebookJson.CellType(cell) == "markdown" && AnswerKey.Heading(source) is { } h) heading = h;
            if (!Markers.AnyIn(source)) continue;
            var where = $"cell {i + 1}";
            var exercise = Literal($"{heading ?? NbgraderCell.Read(cell)?.GradeId ?? where} ({notebook}) is not done yet: replace this line with your solution.");
            var text = Replace(path, where, source, Markers.BeginSolution, Markers.EndSolution,
                indent => $"{indent}throw new NotImplementedException({exercise});");
            text = Replace(path, where, text, Markers.BeginHiddenTests, Markers.EndHiddenTests, _ => null);
            if (Markers.AnyIn(text))
                throw new WorkshopException(path, $"{where}: a marker is not on a line of its own (write it as a comment line, e.g. // {Markers.BeginSolution})");
            cell["source"] = NotebookJson.Lines(text);
        }
        return NotebookJson.ToJson(root);
    }

    /// <summary>Writes the student version of each notebook to <paramref name="outDirectory"/> under its own file name; returns the paths written.</summary>
    /// <exception cref="WorkshopException">A notebook is unreadable or malformed; nothing is written for it or after it.</exception>
    public static IReadOnlyList<string> Write(IEnumerable<string> notebooks, string outDirectory)
    {
        var released = notebooks.Select(path =>
        {
            string json;
            try
            {
                json = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new WorkshopException(path, $"cannot read the file ({e.Message})");
            }
            return (Path: System.IO.Path.Combine(outDirectory, System.IO.Path.GetFileName(path)), Json: Create(path, json));
        }).ToList();
        Directory.CreateDirectory(outDirectory);
        foreach (var (target, json) in released) L1Lab.IO.AtomicFile.WriteAllText(target, json);
        return released.Select(r => r.Path).ToList();
    }

    /// <summary>A C# string literal for <paramref name="text"/>.</summary>
    static string Literal(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).ReplaceLineEndings(" ") + "\"";

    /// <summary>Replaces each region between the two markers (markers included) by <paramref name="stub"/>'s line, or by nothing when it returns null.</summary>
    static string Replace(string path, string where, string source, string begin, string end, Func<string, string?> stub)
    {
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var output = new List<string>();
        string? openedIndent = null;
        foreach (var line in lines)
        {
            if (Markers.IsMarker(line, begin))
            {
                if (openedIndent is not null) throw new WorkshopException(path, $"{where}: {begin} inside another {begin}");
                openedIndent = line[..(line.Length - line.TrimStart().Length)];
                if (stub(openedIndent) is { } replacement) output.Add(replacement);
                continue;
            }
            if (Markers.IsMarker(line, end))
            {
                if (openedIndent is null) throw new WorkshopException(path, $"{where}: {end} without {begin}");
                openedIndent = null;
                continue;
            }
            if (openedIndent is null) output.Add(line);
        }
        if (openedIndent is not null) throw new WorkshopException(path, $"{where}: {begin} without {end}");
        var text = new StringBuilder().AppendJoin('\n', output).ToString();
        return text.TrimEnd('\n', ' ');
    }
}
