using System.Text.Json;

namespace L1Lab.Cli.Tests;

/// <summary>
/// <c>l1lab notebooks export --to cs</c> as a user runs it: on the course (the committed lessons/ must equal a fresh
/// export) and on a small repository of the test's own whose notebook holds each thing a script allows and a C#
/// program does not.
/// </summary>
public sealed class ExportCommandTests : IDisposable
{
    readonly TempDirectory _repo = new("export");

    public void Dispose() => _repo.Dispose();

    string Notebooks => Path.Combine(_repo.Path, "notebooks");

    string Lessons => Path.Combine(_repo.Path, "lessons");

    /// <summary>A repository with the library project's path and one notebook (plus its edition copy).</summary>
    void Repository()
    {
        Directory.CreateDirectory(Path.Combine(_repo.Path, "lib", "L1Lab"));
        File.WriteAllText(Path.Combine(_repo.Path, "lib", "L1Lab", "L1Lab.csproj"), "<Project />");
        Directory.CreateDirectory(Path.Combine(Notebooks, "xx"));
        var cells = new object[]
        {
            Markdown("# 01 — Demo\n\nAfter this you can demo.\n\n**Prerequisites:** [00](00-setup.ipynb)."),
            Code("#r \"nuget: TorchSharp-cpu, 0.107.0\"\n#r \"../lib/L1Lab/bin/notebooks/L1Lab.dll\""),
            Code("using System.Text;\nusing L1Lab;\n\nvar greeting = new StringBuilder(\"hi\");\ngreeting"),
            new
            {
                cell_type = "code", id = "c-parameters", execution_count = (int?)null, outputs = Array.Empty<object>(),
                metadata = new Dictionary<string, object> { ["tags"] = new[] { "parameters" }, ["l1lab"] = new { quick = new { epochs = "1" } } },
                source = "var epochs = 10;   // passes over the data\nvar rate = -0.5;\nvar label = \"run\";",
            },
            Markdown("## 1. Twice\n\nThe same name again, as a script allows."),
            Code("var total = epochs * 2;\ndisplay(total);\nforeach (var k in new[] { 1, 2 }) Console.WriteLine(k);\nrecord Point(double X, double Y);"),
            Code("var total = $\"{label}: {rate}\";\nvar k = 3;\nPoint Half(Point p) => new(p.X / 2, p.Y / 2);\nHalf(new Point(k, total.Length))"),
        };
        File.WriteAllText(Path.Combine(Notebooks, "01-demo.ipynb"), JsonSerializer.Serialize(new { cells, metadata = new { }, nbformat = 4, nbformat_minor = 5 }));
        File.Copy(Path.Combine(Notebooks, "01-demo.ipynb"), Path.Combine(Notebooks, "xx", "01-demo.ipynb"));
    }

    static object Markdown(string source) => new { cell_type = "markdown", id = $"m{source.Length}", metadata = new { }, source };

    static object Code(string source) => new { cell_type = "code", id = $"c{source.Length}", metadata = new { }, execution_count = (int?)null, outputs = Array.Empty<object>(), source };

    App.Result Export(params string[] extra) =>
        App.Run(["notebooks", "export", "--to", "cs", "--notebooks", Notebooks, "--out", Lessons, .. extra]);

    [Fact]
    public void The_committed_lessons_equal_a_fresh_export_of_the_course()
    {
        var result = App.Run("notebooks", "export", "--to", "cs", "--check",
            "--notebooks", TestPaths.Notebooks, "--out", Path.Combine(TestPaths.RepoRoot, "lessons"));

        Assert.True(result.ExitCode == 0, $"lessons/ is stale; run `dotnet run --project lib/L1Lab.Cli -- notebooks export --to cs`:\n{result.Out}{result.Error}");
        Assert.True(File.Exists(Path.Combine(TestPaths.RepoRoot, "lessons", "04-mnist-experiment.cs")));
        Assert.True(File.Exists(Path.Combine(TestPaths.RepoRoot, "lessons", "zh-CN", "04-mnist-experiment.cs")));
    }

    [Fact]
    public void A_lesson_hoists_usings_reads_parameters_displays_closing_values_renames_repeats_and_moves_types_last()
    {
        Repository();

        var result = Export();

        Assert.True(result.ExitCode == 0, result.Error);
        var lesson = File.ReadAllText(Path.Combine(Lessons, "01-demo.cs")).Split('\n');
        int Line(string text)
        {
            var index = Array.FindIndex(lesson, l => l == text);
            Assert.True(index >= 0, $"no line '{text}' in:\n{string.Join('\n', lesson)}");
            return index;
        }
        Assert.Equal("#:project ../lib/L1Lab/L1Lab.csproj", lesson[0]);
        Assert.Equal("// # 01 — Demo", lesson[1]);
        Assert.Contains("// **Prerequisites:** [00](00-setup.cs).", lesson);
        Assert.DoesNotContain(lesson, l => l.StartsWith("#r", StringComparison.Ordinal));
        var usings = new[] { Line("using System.Text;"), Line("using L1Lab;"), Line("using L1Lab.Lessons;") };
        var start = Line("var lesson = Lesson.Start(args, parameters: [\"epochs\", \"rate\", \"label\"], quick: [\"epochs=1\"]);");
        var parameters = new[]
        {
            Line("var epochs = lesson.Parameter(\"epochs\", 10);   // passes over the data"),
            Line("var rate = lesson.Parameter(\"rate\", -0.5);"),
            Line("var label = lesson.Parameter(\"label\", \"run\");"),
        };
        var body = new[]
        {
            Line("lesson.Display(greeting);"),
            Line("// ## 1. Twice"),
            Line("lesson.Display(total);"),
            Line("foreach (var k2 in new[] { 1, 2 }) Console.WriteLine(k2);"),
            Line("var total2 = $\"{label}: {rate}\";"),
            Line("var k = 3;"),
            Line("lesson.Display(Half(new Point(k, total2.Length)));"),
        };
        var type = Line("record Point(double X, double Y);");
        Assert.True(usings.Max() < start && start < parameters.Min() && parameters.Max() < body.Min(), "usings, then the parameters, then the cells");
        Assert.Equal(body.Order(), body);
        Assert.True(type > body.Max(), "type declarations come after the top-level statements");
        Assert.True(File.Exists(Path.Combine(Lessons, "xx", "01-demo.cs")), "the edition's notebook goes to the edition's sub-folder");
        Assert.Contains("#:project ../../lib/L1Lab/L1Lab.csproj", File.ReadAllText(Path.Combine(Lessons, "xx", "01-demo.cs")), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_prints_one_line_per_stale_or_orphan_lesson_and_exits_1_without_writing()
    {
        Repository();
        Assert.Equal(0, Export().ExitCode);
        var stale = Path.Combine(Lessons, "01-demo.cs");
        File.AppendAllText(stale, "// edited by hand\n");
        var orphan = Path.Combine(Lessons, "02-gone.cs");
        File.WriteAllText(orphan, "// no notebook\n");
        var current = Path.Combine(Lessons, "xx", "01-demo.cs");

        var result = Export("--check");

        Assert.Equal(1, result.ExitCode);
        var lines = result.Out.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{stale}: differs", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{orphan}: no notebook", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(current, result.Out, StringComparison.Ordinal);
        Assert.EndsWith("// edited by hand\n", File.ReadAllText(stale), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_passes_right_after_an_export_and_a_second_export_changes_nothing()
    {
        Repository();

        var first = Export();
        var second = Export();
        var check = Export("--check");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("01-demo.cs: written", first.Out, StringComparison.Ordinal);
        Assert.Contains("01-demo.cs: unchanged", second.Out, StringComparison.Ordinal);
        Assert.True(check.ExitCode == 0, check.Out);
    }

    [Theory]
    [InlineData("--to", "py")]
    [InlineData("--bogus", "1")]
    public void An_unknown_format_or_option_is_one_line_exit_2_and_nothing_written(string option, string value)
    {
        Repository();

        var result = App.Run(["notebooks", "export", "--notebooks", Notebooks, "--out", Lessons, .. option == "--to" ? new[] { "--to", value } : ["--to", "cs", option, value]]);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains(option, result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Lessons));
    }

    [Fact]
    public void A_missing_notebook_is_one_line_exit_2_and_nothing_written()
    {
        Repository();
        var missing = Path.Combine(Notebooks, "07-missing.ipynb");

        var result = Export(Path.Combine(Notebooks, "01-demo.ipynb"), missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains("07-missing.ipynb: no such file", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Lessons));
    }

    [Fact]
    public void An_out_folder_that_cannot_be_written_is_one_line_exit_2_and_nothing_written()
    {
        Repository();
        File.WriteAllText(Lessons, "a file where the folder should be");

        var result = Export();

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains("--out", result.Error, StringComparison.Ordinal);
        Assert.Equal("a file where the folder should be", File.ReadAllText(Lessons));
    }
}
