using System.Diagnostics;

namespace L1Lab.Cli.Tests.Workshop;

/// <summary>
/// <c>l1lab workshop release|grade</c> as a teacher runs them. The grading tests run real notebooks in child processes
/// with the quick sizes, so they take minutes; the adversarial cases use notebook 02, one of the fastest.
/// </summary>
[Collection(SandboxedGrading.Name)]
public sealed class WorkshopCommandTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("l1lab-workshop-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    const string PythonPath = TestPaths.Python;

    [Fact]
    public void The_key_scores_full_marks_and_an_untouched_release_scores_nothing_on_every_notebook()
    {
        var notebooks = CourseFiles.Notebooks().Select(n => Path.Combine(CourseFiles.NotebooksFolder, n)).ToArray();
        var released = Path.Combine(_folder, "release");
        var release = App.Run(["workshop", "release", .. notebooks, "--out", released]);
        Assert.True(release.ExitCode == 0, release.Error + release.Out);

        var submissions = Path.Combine(_folder, "submissions");
        foreach (var n in notebooks)
        {
            Copy(n, Path.Combine(submissions, "teacher", Path.GetFileName(n)));
            Copy(Path.Combine(released, Path.GetFileName(n)), Path.Combine(submissions, "untouched", Path.GetFileName(n)));
        }
        var grades = Path.Combine(_folder, "grades");

        var result = App.Run(TimeSpan.FromMinutes(40), ["workshop", "grade", submissions, "--key", CourseFiles.NotebooksFolder, "--out", grades, "--quick"]);

        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        var rows = ReadCsv(Path.Combine(grades, "grades.csv"));
        foreach (var n in notebooks.Select(Path.GetFileName))
        {
            var teacher = rows.Where(r => r["notebook"] == n && r["submission"].Contains("teacher", StringComparison.Ordinal)).ToList();
            var untouched = rows.Where(r => r["notebook"] == n && r["submission"].Contains("untouched", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(teacher);
            Assert.All(teacher, r => Assert.True(r["status"] == "ok" && r["points"] == r["max_points"], $"{n} {r["exercise"]}: {r["status"]} {r["message"]}"));
            Assert.Equal(teacher.Select(r => r["exercise"]), untouched.Select(r => r["exercise"]));
            Assert.All(untouched, r => Assert.True(r["status"] == "failed" && r["points"] == "0" && r["message"].Contains("Not done yet", StringComparison.Ordinal),
                $"{n} {r["exercise"]}: {r["status"]} {r["points"]} {r["message"]}"));
        }
        Assert.Equal(2 * notebooks.Length, Directory.GetFiles(grades, "*.html").Length);
    }

    [Fact]
    public void Each_broken_submission_gets_its_points_and_no_more()
    {
        const string name = "02-l1-penalty.ipynb";
        var keyPath = Path.Combine(CourseFiles.NotebooksFolder, name);
        var submissions = Path.Combine(_folder, "submissions");
        Write(Path.Combine(submissions, "invalid-json", name), "{ \"cells\": [ this is not JSON");
        Write(Path.Combine(submissions, "not-a-notebook", name), "[1, 2, 3]");

        // Cells deleted and moved: ex1's test cell and ex2's solution cell deleted, exercise 3 moved in front of exercise 1.
        var moved = CourseFiles.Read(keyPath);
        var cells = CourseFiles.Cells(moved);
        cells.RemoveAt(CourseFiles.IndexOf(cells, "ex1-norms"));
        cells.RemoveAt(CourseFiles.IndexOf(cells, "ex2-l2-minimiser-solution"));
        var ex3 = CourseFiles.IndexOf(cells, "ex3-proximal-limit-solution") - 1;
        var block = Enumerable.Range(ex3, 3).Select(i => cells[i]!.DeepClone()).ToList();
        for (var i = 0; i < 3; i++) cells.RemoveAt(ex3);
        var ex1 = CourseFiles.IndexOf(cells, "ex1-norms-solution") - 1;
        for (var i = 0; i < 3; i++) cells.Insert(ex1 + i, block[i]);
        Write(Path.Combine(submissions, "deleted-and-moved", name), moved.ToJsonString());

        // A cell that never returns, an exception, and a flood of output around a right answer.
        var runaway = CourseFiles.Read(keyPath);
        cells = CourseFiles.Cells(runaway);
        CourseFiles.SetSource(cells[CourseFiles.IndexOf(cells, "ex1-norms-solution")]!,
            "(double L1, double L2Squared) Norms(Tensor w)\n{\n    System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);\n    return (0, 0);\n}");
        CourseFiles.SetSource(cells[CourseFiles.IndexOf(cells, "ex2-l2-minimiser-solution")]!,
            "Tensor L2Minimiser(Tensor v, double t) => throw new InvalidOperationException(\"a learner's bug\");");
        var ex3Solution = cells[CourseFiles.IndexOf(cells, "ex3-proximal-limit-solution")]!;
        CourseFiles.SetSource(ex3Solution, "for (var i = 0; i < 3_000_000; i++) Console.Write(\"0123456789\");\n" + CourseFiles.Source(ex3Solution));
        Write(Path.Combine(submissions, "loop-throw-flood", name), runaway.ToJsonString());

        // A wrong answer whose visible test the learner emptied, and a cell that ends the process.
        var exits = CourseFiles.Read(keyPath);
        cells = CourseFiles.Cells(exits);
        CourseFiles.SetSource(cells[CourseFiles.IndexOf(cells, "ex1-norms-solution")]!, "(double L1, double L2Squared) Norms(Tensor w) => (0, 0);");
        CourseFiles.SetSource(cells[CourseFiles.IndexOf(cells, "ex1-norms")]!, "// no test here");
        var ex2Solution = cells[CourseFiles.IndexOf(cells, "ex2-l2-minimiser-solution")]!;
        CourseFiles.SetSource(ex2Solution, CourseFiles.Source(ex2Solution) + "\nEnvironment.Exit(3);");
        Write(Path.Combine(submissions, "exit", name), exits.ToJsonString());

        var grades = Path.Combine(_folder, "grades");
        var result = App.Run(TimeSpan.FromMinutes(20), ["workshop", "grade", submissions, "--key", CourseFiles.NotebooksFolder, "--out", grades,
            "--cell-timeout", "20", "--set", "steps=200"]);

        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        var rows = ReadCsv(Path.Combine(grades, "grades.csv"));
        static string Outcome(Dictionary<string, string> row) => $"{row["status"]} {row["points"]}/{row["max_points"]}";
        // On a mismatch the grader's message says why (a crash, a timeout, a missing cell), not only the status.
        void Expect(string submission, string[] expected)
        {
            var found = new[] { "ex1-norms", "ex2-l2-minimiser", "ex3-proximal-limit" }
                .Select(e => rows.Single(r => r["submission"].Contains($"/{submission}/", StringComparison.Ordinal) && r["exercise"] == e)).ToList();
            Assert.True(expected.SequenceEqual(found.Select(Outcome)), $"{submission}: expected {string.Join(", ", expected)}; got "
                + string.Join("; ", found.Select(r => $"{r["exercise"]}: {Outcome(r)} ({r["message"]})")));
        }
        Assert.All(rows.Where(r => r["submission"].Contains("invalid-json", StringComparison.Ordinal) || r["submission"].Contains("not-a-notebook", StringComparison.Ordinal)),
            r => Assert.Equal(("error", "0"), (r["status"], r["points"])));
        Assert.Equal(6, rows.Count(r => r["status"] == "error" && (r["submission"].Contains("invalid-json", StringComparison.Ordinal) || r["submission"].Contains("not-a-notebook", StringComparison.Ordinal))));
        Expect("deleted-and-moved", ["ok 1/1", "failed 0/1", "ok 2/2"]);
        Expect("loop-throw-flood", ["timeout 0/1", "failed 0/1", "ok 2/2"]);
        Expect("exit", ["failed 0/1", "error 0/1", "ok 2/2"]);
        Assert.Contains(rows, r => r["submission"].Contains("loop-throw-flood", StringComparison.Ordinal) && r["message"].Contains("a learner's bug", StringComparison.Ordinal));
        Assert.Contains(rows, r => r["submission"].Contains("exit", StringComparison.Ordinal) && r["message"].Contains("ended the grading process", StringComparison.Ordinal));
        var page = File.ReadAllText(Directory.GetFiles(grades, "*exit*.html").Single());
        Assert.Contains("2 of 4 points", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--cell-timeout", "0", "--cell-timeout 0")]
    [InlineData("--key", "/no/such/folder", "--key /no/such/folder: no such folder")]
    [InlineData("--set", "notAParameter=1", "--set notAParameter")]
    public void A_bad_grading_argument_is_one_line_and_exit_code_2(string option, string value, string expected)
    {
        var submission = Path.Combine(_folder, "02-l1-penalty.ipynb");
        Copy(Path.Combine(CourseFiles.NotebooksFolder, "02-l1-penalty.ipynb"), submission);
        string[] key = option == "--key" ? [] : ["--key", CourseFiles.NotebooksFolder];

        var result = App.Run(["workshop", "grade", submission, "--out", Path.Combine(_folder, "grades"), .. key, option, value]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.False(Directory.Exists(Path.Combine(_folder, "grades")));
    }

    [Fact]
    public void Releasing_a_missing_notebook_is_one_line_and_exit_code_2()
    {
        var result = App.Run("workshop", "release", Path.Combine(_folder, "nothing.ipynb"), "--out", Path.Combine(_folder, "out"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"l1lab: notebook {Path.Combine(_folder, "nothing.ipynb")}: no such file", result.Error.Trim());
    }

    static void Copy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
    }

    static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [SkippableFact]
    public void Every_released_notebook_validates_against_the_nbformat_schema()
    {
        Skip.IfNot(File.Exists(PythonPath), $"{PythonPath} with nbformat is needed to validate the releases: apt-get install python3-nbformat");
        var notebooks = CourseFiles.Notebooks().Select(n => Path.Combine(CourseFiles.NotebooksFolder, n)).ToArray();
        var released = Path.Combine(_folder, "release");
        var release = App.Run(["workshop", "release", .. notebooks, "--out", released]);
        Assert.True(release.ExitCode == 0, release.Error + release.Out);
        AssertValidNbformat(Directory.GetFiles(released, "*.ipynb"));
    }

    static void AssertValidNbformat(string[] files)
    {
        var start = new ProcessStartInfo(PythonPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import nbformat, sys\nfor f in sys.argv[1:]: nbformat.validate(nbformat.read(f, as_version=4))");
        foreach (var f in files) start.ArgumentList.Add(f);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "python3 did not finish");
        Assert.True(process.ExitCode == 0, $"a release does not validate against the nbformat schema:\n{output.Result}{error.Result}");
    }

    /// <summary>grades.csv as rows keyed by column name (RFC 4180 quoting).</summary>
    internal static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var records = new List<List<string>>();
        var text = File.ReadAllText(path);
        var record = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\n') { record.Add(field.ToString()); field.Clear(); records.Add(record); record = []; }
            else field.Append(c);
        }
        var header = records[0];
        Assert.Equal(["submission", "notebook", "exercise", "points", "max_points", "status", "message"], header);
        return records.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
    }
}
