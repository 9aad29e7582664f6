using System.Text.RegularExpressions;
using L1Lab.IO;
using L1Lab.Notebooks;

namespace L1Lab.Workshop;

/// <summary>
/// Grades learners' notebooks against the instructor notebooks, as nbgrader's autograde step does: the key's full
/// tests (hidden ones included) replace the learner's, each submission runs in its own process (inside
/// <see cref="GradingOptions.Sandbox"/> unless the teacher turned it off) and private folder with a per-cell time limit, and each test cell that runs without error earns its points. Writes grades.csv and one
/// feedback page per submission. A broken submission (not JSON, not a notebook, cells deleted or moved, a cell that
/// loops, throws, prints without end or exits the process) costs only its own exercises.
/// </summary>
public static partial class Grader
{
    /// <summary>The name of the grades file in the output folder.</summary>
    public const string CsvFileName = "grades.csv";

    /// <summary>Grades each submission in turn and writes the results.</summary>
    public static async Task<GradingReport> GradeAsync(IReadOnlyList<string> submissions, GradingOptions options, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(options.OutDirectory);
        var keys = new Dictionary<string, AnswerKey?>(StringComparer.Ordinal);
        var rows = new List<GradeRow>();
        var pages = new List<string>();
        var pageNames = new HashSet<string>(StringComparer.Ordinal);
        var common = CommonFolder(submissions);
        IReadOnlyList<AnswerKey>? allKeys = null;
        foreach (var submission in submissions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            options.Progress?.Invoke($"{submission}: grading");
            var fileName = Path.GetFileName(submission);
            if (!keys.TryGetValue(fileName, out var key))
            {
                var keyPath = Path.Combine(options.KeyDirectory, fileName);
                key = keys[fileName] = File.Exists(keyPath) ? AnswerKey.Load(keyPath) : null;
            }
            string? matched = null;
            var why = "";
            if (key is null && KeyMatch.ByExercises(submission, allKeys ??= LoadKeys(options.KeyDirectory), out why) is { } byExercises)
            {
                key = byExercises;
                matched = why;
            }
            var own = key is null
                ? [new GradeRow(submission, fileName, "", 0, 0, GradeStatus.Error, $"no instructor notebook named {fileName} in {options.KeyDirectory}, and {why}; keep the notebook's file name when submitting")]
                : await GradeOneAsync(submission, key, options, cancellationToken).ConfigureAwait(false);
            if (matched is not null)
                own = [.. own.Select(r => r with { Message = r.Message.Length == 0 ? Capitalized(matched) : $"{Capitalized(matched)}; {r.Message}" })];
            rows.AddRange(own);

            var page = Path.Combine(options.OutDirectory, UniqueName(Path.GetRelativePath(common, Path.GetFullPath(submission)), pageNames));
            var titles = key?.Exercises.ToDictionary(e => e.TestId, e => e.Title) ?? [];
            AtomicFile.WriteAllText(page, FeedbackPage.Render(submission, own, titles));
            pages.Add(page);
            options.Progress?.Invoke($"{submission}: {own.Sum(r => r.Points):0.##} of {own.Sum(r => r.MaxPoints):0.##} points");
        }
        var csv = Path.Combine(options.OutDirectory, CsvFileName);
        AtomicFile.WriteAllText(csv, GradesCsv.Format(rows));
        FeedbackIndex.Write(options.OutDirectory, submissions.Zip(pages));
        return new GradingReport(rows, csv, pages);
    }

    /// <summary>Every readable instructor notebook with exercises in <paramref name="folder"/>, for matching by exercise ids.</summary>
    static List<AnswerKey> LoadKeys(string folder)
    {
        var keys = new List<AnswerKey>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.ipynb").Order(StringComparer.Ordinal))
        {
            try
            {
                if (AnswerKey.Load(path) is { Exercises.Count: > 0 } key) keys.Add(key);
            }
            catch (Exception e) when (e is WorkshopException or NotebookException)
            {
                // Not a notebook: it cannot be any submission's key.
            }
        }
        return keys;
    }

    static string Capitalized(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>Grades one submission against its key; never throws for anything the submission contains.</summary>
    static async Task<IReadOnlyList<GradeRow>> GradeOneAsync(string submission, AnswerKey key, GradingOptions options, CancellationToken cancellationToken)
    {
        List<GradeRow> AllFail(GradeStatus status, string message) =>
            [.. key.Exercises.Select(e => new GradeRow(submission, key.FileName, e.TestId, 0, e.Points, status, message))];

        Notebook submitted;
        try
        {
            submitted = Notebook.Load(submission);
        }
        catch (NotebookException e)
        {
            return AllFail(GradeStatus.Error, $"the submission could not be read: {e.Reason}");
        }

        var merged = MergedSubmission.Create(key, submitted);
        var declared = NotebookRunner.DeclaredParameters(key.Path);
        var parameters = options.KeyParameters.TryGetValue(Path.GetFileName(key.Path), out var own)
            ? own.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
            : options.Parameters.Where(p => declared.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var run = await SubmissionProcess.RunAsync(merged, key, options, parameters, cancellationToken).ConfigureAwait(false);

        var rows = new List<GradeRow>();
        foreach (var exercise in key.Exercises)
        {
            var test = run.Cells.GetValueOrDefault(merged.TestCells[exercise.TestId]);
            var solution = merged.SolutionCells.TryGetValue(exercise.TestId, out var s) ? run.Cells.GetValueOrDefault(s) : null;
            var (status, message) = Judge(exercise, test, solution, merged.SolutionCells.ContainsKey(exercise.TestId), run.Problem);
            rows.Add(new GradeRow(submission, key.FileName, exercise.TestId, status == GradeStatus.Ok ? exercise.Points : 0, exercise.Points, status, message));
        }
        return rows;
    }

    /// <summary>The exercise's status and a plain-words message from its test's and solution's outcomes.</summary>
    internal static (GradeStatus Status, string Message) Judge(KeyExercise exercise, CellOutcome? test, CellOutcome? solution, bool solutionPresent, string? problem)
    {
        if (test?.Status == CellRunStatus.Ran) return (GradeStatus.Ok, "");
        if (test is { Status: CellRunStatus.Failed } && solution is null or { Status: CellRunStatus.Ran } && NotDone(test))
            return (GradeStatus.Failed, "Not done yet: the solution still throws NotImplementedException");
        var parts = new List<string>();
        if (!solutionPresent && exercise.SolutionId is not null)
            parts.Add($"the solution cell of this exercise (grade_id {exercise.SolutionId}) is not in the notebook");
        if (solution is { Status: not (CellRunStatus.Ran or CellRunStatus.Skipped) })
            parts.Add($"your solution cell {Describe(solution)}");
        if (test is null)
            parts.Add("the test could not be run" + (problem is null ? "" : $": {problem}"));
        else
            parts.Add($"the test {Describe(test)}");
        var status = test is null || test.Status == CellRunStatus.Crashed || solution?.Status == CellRunStatus.Crashed ? GradeStatus.Error
            : test.Status == CellRunStatus.Timeout || solution?.Status == CellRunStatus.Timeout ? GradeStatus.Timeout
            : GradeStatus.Failed;
        var message = string.Join("; ", parts);
        message = message.Length > 400 ? message[..400] + "…" : message;
        return (status, char.ToUpperInvariant(message[0]) + message[1..]);
    }

    static bool NotDone(CellOutcome outcome) => outcome.Message.Contains(nameof(NotImplementedException), StringComparison.Ordinal);

    static string Describe(CellOutcome outcome)
    {
        var error = outcome.Message.ReplaceLineEndings(" ").Trim();
        return outcome.Status switch
        {
            CellRunStatus.Timeout => error.Length > 0 ? $"was stopped: {error}" : "was stopped: it ran too long",
            CellRunStatus.Crashed => error,
            _ => $"failed: {error}",
        };
    }

    /// <summary>The deepest folder holding every submission, so pages are named by what differs ("alice/03-….ipynb").</summary>
    static string CommonFolder(IReadOnlyList<string> submissions)
    {
        var folders = submissions.Select(s => Path.GetDirectoryName(Path.GetFullPath(s))!.Split(Path.DirectorySeparatorChar)).ToList();
        if (folders.Count == 0) return Directory.GetCurrentDirectory();
        var depth = Enumerable.Range(0, folders.Min(f => f.Length)).TakeWhile(i => folders.All(f => f[i] == folders[0][i])).Count();
        var common = string.Join(Path.DirectorySeparatorChar, folders[0].Take(depth));
        return common.Length == 0 ? Path.DirectorySeparatorChar.ToString() : common;
    }

    /// <summary>A file name for the submission's page (its path with separators as dashes, .html), unique in this run.</summary>
    static string UniqueName(string submission, HashSet<string> taken)
    {
        var stem = Unsafe().Replace(Path.ChangeExtension(submission, null) ?? submission, "-").Trim('-', '.');
        if (stem.Length == 0) stem = "submission";
        var name = stem + ".html";
        for (var i = 2; !taken.Add(name); i++) name = $"{stem}-{i}.html";
        return name;
    }

    [GeneratedRegex("[^A-Za-z0-9._-]+")]
    private static partial Regex Unsafe();
}
