using System.Text.Json.Nodes;

namespace L1Lab.Notebooks.Tests;

/// <summary>
/// The one notebook model reads and writes every .ipynb the tools touch (engine, book, translation, workshop), so
/// loading and saving must change nothing in a course notebook, and what it writes must be valid nbformat by the
/// reference implementation (Debian's python3-nbformat).
/// </summary>
public sealed class NotebookRoundTripTests
{
    static List<string> CoursePaths() =>
        [.. Directory.EnumerateFiles(TestPaths.Notebooks, "*.ipynb", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(TestPaths.RepoRoot, path)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> CourseNotebooks() => new(CoursePaths());

    [Theory]
    [MemberData(nameof(CourseNotebooks))]
    public void Loading_and_saving_a_course_notebook_gives_the_same_bytes(string relativePath)
    {
        var path = Path.Combine(TestPaths.RepoRoot, relativePath);
        var original = File.ReadAllBytes(path);
        using var temp = new TempNotebook();
        var copy = Path.Combine(temp.Directory, Path.GetFileName(path));

        Notebook.Load(path).Save(copy);

        Assert.True(original.AsSpan().SequenceEqual(File.ReadAllBytes(copy)),
            $"{relativePath} changed on a load and save; first difference at byte {FirstDifference(original, File.ReadAllBytes(copy))}");
    }

    [Fact]
    public void Both_editions_of_the_course_are_round_tripped()
    {
        var paths = CoursePaths();

        Assert.Contains(paths, p => p.StartsWith(Path.Combine("notebooks", "zh-CN"), StringComparison.Ordinal));
        Assert.Contains(paths, p => Path.GetDirectoryName(p) == "notebooks");
    }

    [Fact]
    public void A_notebook_with_outputs_is_written_back_unchanged_and_its_outputs_are_read()
    {
        var text = ExecutedNotebook();

        var notebook = Notebook.Parse("executed.ipynb", text);

        Assert.Equal(text, notebook.ToJson());
        Assert.Equal(3, notebook.Cells[1].Outputs.Count);
        Assert.Equal("1\n2\n", MultilineString.Join(notebook.Cells[1].Outputs[0]["text"]));
    }

    [Fact]
    public void Source_id_tags_and_metadata_are_read_and_unknown_fields_survive_an_edit()
    {
        var notebook = Notebook.Parse("n.ipynb", ExecutedNotebook());
        var cell = notebook.Cells[1];

        cell.SetSource("var changed = 1;\nchanged");
        cell.ClearOutputs();
        var again = Notebook.Parse("n.ipynb", notebook.ToJson());

        Assert.Equal("code-1", again.Cells[1].Id);
        Assert.Equal(["hide-input"], again.Cells[1].Tags);
        Assert.Equal("kept", (string?)again.Cells[1].Metadata["custom"]);
        Assert.Equal("var changed = 1;\nchanged", again.Cells[1].Source);
        Assert.Empty(again.Cells[1].Outputs);
        Assert.Equal("""{"keep":[1,2]}""", again.Metadata["custom"]!.ToJsonString());
        Assert.Contains("\"attachments\"", again.ToJson());
    }

    [Fact]
    public void A_created_notebook_copies_its_cells_and_numbers_them_from_one()
    {
        var source = Notebook.Parse("n.ipynb", ExecutedNotebook());

        var created = Notebook.Create("new.ipynb", source.Metadata, source.Cells.Reverse().Select(c => c.CleanCopy()));
        created.Cells[0].SetSource("edited");

        Assert.Equal([1, 2], created.Cells.Select(c => c.Number));
        Assert.Equal(["code", "markdown"], created.Cells.Select(c => c.CellType));
        Assert.Empty(created.Cells[0].Outputs);
        Assert.NotEqual("edited", source.Cells[1].Source);
        Assert.Equal("code-1", created.Cells[0].Id);
    }

    [SkippableFact]
    public void A_notebook_the_model_writes_is_valid_nbformat_laid_out_as_Jupyter_writes_it()
    {
        SkipWithoutNbformat();
        using var temp = new TempNotebook();
        var written = Path.Combine(temp.Directory, "written.ipynb");
        var notebook = Notebook.Parse("n.ipynb", ExecutedNotebook());
        var fresh = Notebook.Create(written, notebook.Metadata, notebook.Cells.Select(c => c.CleanCopy()));
        fresh.Cells[1].SetSource("1 + 1");
        fresh.Save(written);
        var executed = Path.Combine(temp.Directory, "executed.ipynb");
        notebook.Save(executed);

        foreach (var path in new[] { written, executed })
        {
            // nbformat.writes lays a notebook out as Jupyter saves it (indent 1, sorted keys, no ASCII escaping).
            var result = Nbformat("import sys, nbformat; nb = nbformat.read(sys.argv[1], as_version=4); nbformat.validate(nb); sys.stdout.write(nbformat.writes(nb) + '\\n')", path);
            Assert.True(result.ExitCode == 0, $"{Path.GetFileName(path)}: {result}");
            Assert.Equal(File.ReadAllText(path), result.Stdout);
        }
    }

    [SkippableFact]
    public void A_notebook_the_model_breaks_is_rejected_by_nbformat_too()
    {
        SkipWithoutNbformat();
        using var temp = new TempNotebook();
        var path = Path.Combine(temp.Directory, "broken.ipynb");
        var notebook = Notebook.Parse("n.ipynb", ExecutedNotebook());
        notebook.Cells[1].Metadata["tags"] = 42;
        notebook.Save(path);

        var result = Nbformat("import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))", path);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("ValidationError", result.Stderr);
    }

    static void SkipWithoutNbformat() =>
        Skip.IfNot(File.Exists(TestPaths.Python) && ChildProcess.Run(TestPaths.Python, ["-c", "import nbformat"]).ExitCode == 0,
            "Debian's python3-nbformat is not installed (apt-get install python3-nbformat)");

    static ChildProcess.Result Nbformat(string script, string path) =>
        ChildProcess.Run(TestPaths.Python, ["-c", script, path], environment: new Dictionary<string, string> { ["PYTHONIOENCODING"] = "utf-8" });

    static int FirstDifference(byte[] a, byte[] b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
            if (a[i] != b[i]) return i;
        return n;
    }

    /// <summary>An executed notebook as Jupyter writes it: ids, attachments, stream, display and result outputs, unknown metadata.</summary>
    static string ExecutedNotebook()
    {
        var root = new JsonObject
        {
            ["cells"] = new JsonArray(
                new JsonObject
                {
                    ["attachments"] = new JsonObject(),
                    ["cell_type"] = "markdown",
                    ["id"] = "intro",
                    ["metadata"] = new JsonObject(),
                    ["source"] = new JsonArray("# Title ✓ with 𝓛 (beyond the BMP) and a backslash-u: \\uD835\\uDCDB\n", "\n", "Text with \"quotes\" and <tags> & ünïcode."),
                },
                new JsonObject
                {
                    ["cell_type"] = "code",
                    ["execution_count"] = 1,
                    ["id"] = "code-1",
                    ["metadata"] = new JsonObject { ["custom"] = "kept", ["tags"] = new JsonArray("hide-input") },
                    ["outputs"] = new JsonArray(
                        new JsonObject { ["name"] = "stdout", ["output_type"] = "stream", ["text"] = new JsonArray("1\n", "2\n") },
                        new JsonObject
                        {
                            ["data"] = new JsonObject { ["text/html"] = new JsonArray("<b>x</b>"), ["text/plain"] = new JsonArray("x") },
                            ["metadata"] = new JsonObject(),
                            ["output_type"] = "display_data",
                        },
                        new JsonObject
                        {
                            ["data"] = new JsonObject { ["text/plain"] = new JsonArray("3") },
                            ["execution_count"] = 1,
                            ["metadata"] = new JsonObject(),
                            ["output_type"] = "execute_result",
                        }),
                    ["source"] = new JsonArray("Console.WriteLine(1);\n", "Console.WriteLine(2);\n", "1 + 2"),
                }),
            ["metadata"] = new JsonObject
            {
                ["custom"] = new JsonObject { ["keep"] = new JsonArray(1, 2) },
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "C#" },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return Notebook.Parse("executed.ipynb", root.ToJsonString()).ToJson();
    }
}
