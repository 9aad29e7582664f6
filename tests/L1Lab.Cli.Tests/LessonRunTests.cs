namespace L1Lab.Cli.Tests;

/// <summary>
/// Two committed lessons run as a learner runs them, <c>dotnet run lessons/NN-name.cs -- --quick</c> (a .NET 10
/// file-based app that builds the course library through its <c>#:project</c> line), checked by what they print and
/// the figure files they write. One class, so the lessons' builds of the library never run at the same time.
/// </summary>
public sealed class LessonRunTests : IDisposable
{
    static readonly TimeSpan Budget = TimeSpan.FromMinutes(8); // the first run builds the library and the lesson

    readonly TempDirectory _figures = new("lesson-figures");

    public void Dispose() => _figures.Dispose();

    /// <summary>Runs a lesson in the tests' own configuration, so its build of the library is the one already there.</summary>
    ChildProcess.Result Lesson(string name, params string[] args) =>
        ChildProcess.Run(TestPaths.Dotnet, ["run", "-c", TestPaths.Configuration, Path.Combine("lessons", name), "--", .. args],
            workingDirectory: TestPaths.RepoRoot, timeout: Budget);

    void FigureWritten(ChildProcess.Result result, string file, string title)
    {
        var path = Path.Combine(_figures.Path, file);
        Assert.Contains($"figure \"{title}\" → {path}\n", result.Stdout, StringComparison.Ordinal);
        var svg = File.ReadAllText(path);
        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Contains($"<title>{System.Net.WebUtility.HtmlEncode(title)}</title>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Lesson_01_runs_with_quick_values_prints_its_results_and_writes_its_two_figures()
    {
        var result = Lesson("01-loss.cs", "--quick", "--figures", _figures.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("testSamples = 1000 (quick)\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n0.375\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("untrained model on 1000 test images: cross-entropy ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("uniform over 10 classes: 2.302585 = ln 10", result.Stdout, StringComparison.Ordinal);
        FigureWritten(result, "01-loss-fig1.svg", "Loss vs predicted probability of the correct class");
        FigureWritten(result, "01-loss-fig2.svg", "Size of the gradient with respect to the logit");
        Assert.Equal(2, Directory.GetFiles(_figures.Path).Length);
    }

    [Fact]
    public void Lesson_02_runs_with_a_value_set_on_the_command_line_and_writes_its_figures()
    {
        var result = Lesson("02-l1-penalty.cs", "--quick", "--set", "gridPoints=20001", "--figures", _figures.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("steps = 200 (quick)\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("gridPoints = 20001\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("grid spacing 0.0003\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("v = 0.8: the proximal iteration ends at 0.300000", result.Stdout, StringComparison.Ordinal);
        FigureWritten(result, "02-l1-penalty-fig7.svg", "Minimising ½(w − 0.3)² + 0.5|w| (minimiser: exactly 0)");
        Assert.Equal(7, Directory.GetFiles(_figures.Path, "02-l1-penalty-fig*.svg").Length);
    }

    [Fact]
    public void A_lesson_given_an_unknown_parameter_says_so_in_one_line_and_exits_2_before_any_work()
    {
        var result = Lesson("01-loss.cs", "--set", "epochs=1", "--figures", _figures.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("01-loss: --set epochs: this lesson has no such parameter (it has batchSize, testSamples)", result.Stderr.Trim());
        Assert.DoesNotContain("ready", result.Stdout, StringComparison.Ordinal);
    }
}
