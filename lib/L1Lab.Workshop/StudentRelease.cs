using System.Text;
using L1Lab.Notebooks;

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
    /// <exception cref="NotebookFormatException">The text is not an nbformat 4 notebook.</exception>
    /// <exception cref="WorkshopException">A marker without its partner.</exception>
    public static string Create(string path, string json) => Create(Notebook.Parse(path, json));

    /// <summary>The student version of <paramref name="notebook"/>, as notebook JSON; the notebook itself is left as it is.</summary>
    /// <exception cref="WorkshopException">A marker without its partner.</exception>
    public static string Create(Notebook notebook)
    {
        var release = notebook.Copy();
        var path = release.Path;
        var name = System.IO.Path.GetFileName(path);
        string? heading = null;
        foreach (var cell in release.Cells)
        {
            cell.ClearOutputs();
            var source = cell.Source;
            if (cell.CellType == "markdown" && AnswerKey.Heading(source) is { } h) heading = h;
            if (!Markers.AnyIn(source)) continue;
            var where = $"cell {cell.Number}";
            var exercise = Literal($"{heading ?? NbgraderCell.Read(cell)?.GradeId ?? where} ({name}) is not done yet: replace this line with your solution.");
            var text = Replace(path, where, source, Markers.BeginSolution, Markers.EndSolution,
                indent => $"{indent}throw new NotImplementedException({exercise});");
            text = Replace(path, where, text, Markers.BeginHiddenTests, Markers.EndHiddenTests, _ => null);
            if (Markers.AnyIn(text))
                throw new WorkshopException(path, $"{where}: a marker is not on a line of its own (write it as a comment line, e.g. // {Markers.BeginSolution})");
            cell.SetSource(text);
        }
        return release.ToJson();
    }

    /// <summary>Writes the student version of each notebook to <paramref name="outDirectory"/> under its own file name; returns the paths written.</summary>
    /// <exception cref="NotebookFormatException">A notebook is unreadable or not a notebook; nothing is written.</exception>
    /// <exception cref="WorkshopException">A notebook has a marker without its partner; nothing is written.</exception>
    public static IReadOnlyList<string> Write(IEnumerable<string> notebooks, string outDirectory)
    {
        var released = notebooks
            .Select(path => (Path: System.IO.Path.Combine(outDirectory, System.IO.Path.GetFileName(path)), Json: Create(Notebook.Load(path))))
            .ToList();
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
