using L1Lab.Experiments;
using L1Lab.Models;
using L1Lab.Training;
using L1Lab.Visuals;

namespace L1Lab.Tests.Training;

/// <summary>
/// Inside a notebook cell (an <see cref="AmbientDisplay"/> scope) training draws one progress line and one figure,
/// updated in place; outside one it draws nothing.
/// </summary>
public sealed class LiveProgressTests(SmallMnist data) : IClassFixture<SmallMnist>
{
    static readonly TrainingOptions Quick = new() { Epochs = 3, BatchSize = 32, LearningRate = 0.05, Seed = 7 };

    /// <summary>What a notebook host saw: each display and the values it was updated to, in order.</summary>
    sealed class RecordingDisplay
    {
        public List<List<object?>> Displays { get; } = [];

        public Action<object?> Show(object? value)
        {
            var states = new List<object?> { value };
            Displays.Add(states);
            return states.Add;
        }
    }

    [Fact]
    public void Training_in_a_cell_shows_one_progress_line_and_one_figure_that_grows_each_epoch_and_ends_as_a_full_figure()
    {
        var host = new RecordingDisplay();
        var reported = new List<TrainingProgress>();
        using var model = Mlp.Create([784, 32, 10], Quick.Seed);

        using (AmbientDisplay.Enter(host.Show))
            new Trainer(Quick).Fit(model, data.Train, data.Test, new SyncProgress<TrainingProgress>(reported.Add));

        Assert.Equal(2, host.Displays.Count);
        var line = host.Displays[0];
        Assert.All(line, v => Assert.IsType<ProgressLine>(v));
        var lines = line.Cast<ProgressLine>().ToList();
        var fractions = lines.Select(l => l.Fraction).ToList();
        Assert.Equal(fractions.Order(), fractions);
        Assert.Equal(1.0, fractions[^1]);
        Assert.Contains(lines, l => l.Text.Contains("epoch 2/3", StringComparison.Ordinal) && l.Text.Contains("left", StringComparison.Ordinal));
        Assert.StartsWith("done in", lines[^1].Text, StringComparison.Ordinal);
        Assert.Contains("train accuracy", lines[^1].Text, StringComparison.Ordinal);
        // The caller's own progress still hears everything.
        Assert.Equal(3, reported.Count(p => p.Completed is not null));

        var figure = host.Displays[1];
        Assert.Equal(4, figure.Count); // shown after epoch 1, updated after epochs 2 and 3, then the full figure
        Assert.Equal([1, 2, 3], figure.Take(3).Select(f => ((FigurePicture)f!).Figure.Series[0]).Cast<LineSeries>().Select(s => s.X.Count));
        var final = Assert.IsType<Figure>(figure[^1]);
        Assert.Equal(["data loss", "train accuracy"], final.Series.Select(s => s.Name));
        Assert.Equal(3, ((LineSeries)final.Series[0]).Y.Count);
    }

    [Fact]
    public void A_sweep_in_a_cell_draws_one_line_and_one_figure_for_all_its_runs_not_one_per_training()
    {
        var host = new RecordingDisplay();
        var options = new SweepOptions { Lambdas = [0, 1e-3], Training = Quick with { Epochs = 1 }, HiddenSizes = [16] };

        using (AmbientDisplay.Enter(host.Show))
            Sweep.Run(data.Train, data.Test, options);

        Assert.Equal(2, host.Displays.Count);
        Assert.Contains(host.Displays[0].Cast<ProgressLine>(), l => l.Text.StartsWith("run 2/2", StringComparison.Ordinal));
        var final = Assert.IsType<Figure>(host.Displays[1][^1]);
        Assert.Equal(2, final.Series.Count);
    }

    [Fact]
    public void Training_that_stops_early_says_so_on_its_line()
    {
        var host = new RecordingDisplay();
        using var model = Mlp.Create([784, 32, 10], Quick.Seed);
        using var stop = new CancellationTokenSource();

        using (AmbientDisplay.Enter(host.Show))
            Assert.ThrowsAny<OperationCanceledException>(() => new Trainer(Quick).Fit(model, data.Train, data.Test,
                new SyncProgress<TrainingProgress>(p => { if (p.Completed is not null) stop.Cancel(); }), stop.Token));

        Assert.StartsWith("stopped after", ((ProgressLine)host.Displays[0][^1]!).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_a_notebook_cell_nothing_is_drawn()
    {
        Assert.False(AmbientDisplay.IsAvailable);
        Assert.Null(LiveProgress.Start(epochs: 3));
    }
}
