using System.Diagnostics;
using System.Globalization;
using L1Lab.Experiments;
using L1Lab.Visuals;

namespace L1Lab.Training;

/// <summary>
/// Progress drawn in place in a notebook cell: one <see cref="ProgressLine"/> (run, epoch, loss, train accuracy, time
/// left) and a loss/accuracy figure redrawn at each epoch's end, which stays as the cell's output when the run ends.
/// <see cref="Trainer.Fit"/>, <see cref="Sweep"/>, <see cref="CrossValidation"/> and <see cref="RegularizerComparison"/>
/// attach one by themselves when they run inside a notebook cell (<see cref="AmbientDisplay"/>), so every long cell shows
/// its progress without the notebook asking; in a terminal nothing is drawn and the CLI keeps its own progress bars.
/// The figure shows training-set numbers only: the test split is never looked at while training.
/// </summary>
public sealed class LiveProgress : IProgress<TrainingProgress>, IProgress<ExperimentProgress>
{
    static readonly AsyncLocal<LiveProgress?> Active = new();

    readonly object _gate = new();
    readonly int _epochs;
    readonly int _runs;
    readonly Action<object?> _line;
    readonly Stopwatch _clock = Stopwatch.StartNew();
    readonly List<(string Label, List<double> Epochs, List<double> Loss, List<double> Accuracy)> _curves = [];
    Action<object?>? _figure;
    string _last = "";
    string? _lastMetrics;
    bool _finished;

    LiveProgress(int epochs, int runs, Action<object?> line)
    {
        _epochs = Math.Max(1, epochs);
        _runs = Math.Max(1, runs);
        _line = line;
    }

    /// <summary>
    /// Starts drawing progress for <paramref name="runs"/> training runs of <paramref name="epochs"/> epochs each, when
    /// running inside a notebook cell and no outer call (a sweep around this training) draws already; null otherwise.
    /// Call <see cref="Finish"/> at the end, in a <c>finally</c>.
    /// </summary>
    public static LiveProgress? Start(int epochs, int runs = 1)
    {
        if (Active.Value is not null || !AmbientDisplay.IsAvailable) return null;
        var text = runs > 1 ? $"run 1/{runs} · starting" : "starting";
        if (AmbientDisplay.Show(new ProgressLine(0, text)) is not { } line) return null;
        var live = new LiveProgress(epochs, runs, line);
        Active.Value = live;
        return live;
    }

    /// <summary>Both the caller's progress (if any) and <paramref name="live"/> (if any), as one.</summary>
    public static IProgress<T>? Combine<T>(IProgress<T>? progress, IProgress<T>? live) =>
        progress is null ? live : live is null ? progress : new SyncProgress<T>(p => { progress.Report(p); live.Report(p); });

    /// <inheritdoc />
    public void Report(TrainingProgress value) => Report(1, null, value);

    /// <inheritdoc />
    public void Report(ExperimentProgress value) => Report(value.Run, value.Label, value.Training);

    void Report(int run, string? label, TrainingProgress p)
    {
        lock (_gate)
        {
            if (_finished) return;
            if (_curves.Count < run) _curves.Add((label ?? $"run {run}", [], [], []));
            var done = ((run - 1) + ((p.Epoch - 1) + (double)p.Step / Math.Max(1, p.StepsPerEpoch)) / _epochs) / _runs;
            var curve = _curves[^1];
            var text = new List<string>();
            if (_runs > 1) text.Add($"run {run}/{_runs}{(label is null ? "" : $" ({label})")}");
            text.Add($"epoch {p.Epoch}/{_epochs}");
            if (p.Completed is { } m)
            {
                curve.Epochs.Add(m.Epoch);
                curve.Loss.Add(m.DataLoss);
                curve.Accuracy.Add(m.TrainAccuracy);
            }
            if (curve.Loss.Count > 0)
            {
                _lastMetrics = string.Create(CultureInfo.InvariantCulture, $"loss {curve.Loss[^1]:F4} · train accuracy {100 * curve.Accuracy[^1]:F2} %");
                text.Add(_lastMetrics);
            }
            else
                text.Add($"step {p.Step}/{p.StepsPerEpoch}");
            var elapsed = _clock.Elapsed.TotalSeconds;
            if (done > 0) text.Add($"{Seconds(elapsed * (1 - done) / done)} left");
            _last = string.Join(" · ", text);
            _line(new ProgressLine(done, _last));
            if (p.Completed is not null)
            {
                var picture = new FigurePicture(Curves());
                if (_figure is null) _figure = AmbientDisplay.Show(picture);
                else _figure(picture);
            }
        }
    }

    /// <summary>
    /// Ends the drawing: the line says how the run ended and how long it took, and the figure becomes the full
    /// <see cref="Figure"/> (interactive where the front end can). <paramref name="completed"/> is false when training
    /// stopped early (an error or an interrupt).
    /// </summary>
    public void Finish(bool completed)
    {
        lock (_gate)
        {
            if (_finished) return;
            _finished = true;
            Active.Value = null;
            var took = Seconds(_clock.Elapsed.TotalSeconds);
            _line(completed
                ? new ProgressLine(1, $"done in {took}{(_lastMetrics is { } m ? " · " + m : "")}")
                : new ProgressLine(0, $"stopped after {took} · {_last}"));
            if (_figure is not null) _figure(Curves());
        }
    }

    /// <summary>Loss and train accuracy per epoch; for several runs, each run's loss (copies: the lists keep growing).</summary>
    Figure Curves()
    {
        var axis = Axis.Linear("epoch");
        if (_runs == 1 && _curves.Count == 1)
        {
            var c = _curves[0];
            return new Figure("Training: data loss and train accuracy per epoch", axis, Axis.Linear("loss (nats) · accuracy (fraction)"),
                new LineSeries("data loss", [.. c.Epochs], [.. c.Loss]) { Markers = true },
                new LineSeries("train accuracy", [.. c.Epochs], [.. c.Accuracy]) { Markers = true, Dash = LineDash.Dash });
        }
        return new Figure($"Training: data loss per epoch, {_curves.Count} of {_runs} runs", axis, Axis.Linear("data loss (nats)"),
            _curves.Where(c => c.Epochs.Count > 0).Select(c => (Series)new LineSeries(c.Label, [.. c.Epochs], [.. c.Loss]) { Markers = true }).DefaultIfEmpty(new LineSeries("no epoch finished", [], [])));
    }

    static string Seconds(double seconds) => seconds switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds:F0} s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)(seconds / 60)} min {seconds % 60:F0} s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)(seconds / 3600)} h {(int)(seconds % 3600 / 60)} min"),
    };
}
