using L1Lab.Training;

namespace L1Lab.Tests.Training;

/// <summary>
/// <see cref="TrainingOptions.FirstProblem"/> is the one home of the option rules: the trainer, <see cref="TrainingOptions.Validate"/>
/// and the CLI report the same line for the same bad value.
/// </summary>
public sealed class TrainingOptionsTests
{
    public static TheoryData<TrainingOptions, string> Invalid() => new()
    {
        { new() { Epochs = 0 }, "epochs must be at least 1 (got 0)." },
        { new() { BatchSize = -3 }, "batch size must be at least 1 (got -3)." },
        { new() { LearningRate = double.NaN }, "learning rate must be a positive number (got NaN)." },
        { new() { L1Lambda = -0.5 }, "lambda must be zero or positive (got -0.5)." },
        { new() { L2Lambda = -1 }, "L2 lambda must be zero or positive (got -1)." },
        { new() { NearZeroTolerance = 0 }, "near-zero tolerance must be positive (got 0)." },
        { new() { Device = "gpu" }, "device must be cpu or cuda (got 'gpu')." },
    };

    [Fact]
    public void The_defaults_have_no_problem()
    {
        var options = new TrainingOptions();

        Assert.Null(options.FirstProblem());
        Assert.Same(options, options.Validate());
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void A_bad_setting_is_one_line_naming_it_and_the_trainer_and_Validate_report_the_same_line(TrainingOptions options, string expected)
    {
        var problem = options.FirstProblem();

        Assert.NotNull(problem);
        Assert.Equal(expected, problem);
        Assert.DoesNotContain('\n', problem);
        Assert.Equal(expected, Assert.Throws<ArgumentException>(() => options.Validate()).Message);
        Assert.Equal(expected, Assert.Throws<ArgumentException>(() => new Trainer(options)).Message);
    }

    [Fact]
    public void The_first_of_several_problems_is_reported()
    {
        var options = new TrainingOptions { Epochs = 0, BatchSize = 0 };

        Assert.StartsWith("epochs", options.FirstProblem());
    }
}
