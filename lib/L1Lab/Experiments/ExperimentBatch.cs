using L1Lab.Training;

namespace L1Lab.Experiments;

/// <summary>
/// Several training runs reported as one: each run's epochs go to the caller's progress as run r of n with its label,
/// and in a notebook cell one live progress line and one figure follow all the runs. Dispose it after the last run;
/// the live line says "done" only when <see cref="Complete"/> was called first (not after a failure or cancellation).
/// </summary>
sealed class ExperimentBatch : IDisposable
{
    readonly LiveProgress? _live;
    readonly IProgress<ExperimentProgress>? _progress;
    readonly int _runs;
    bool _completed;

    ExperimentBatch(LiveProgress? live, IProgress<ExperimentProgress>? progress, int runs)
    {
        _live = live;
        _progress = progress;
        _runs = runs;
    }

    /// <summary>Starts a batch of <paramref name="runs"/> runs of <paramref name="epochs"/> epochs each.</summary>
    public static ExperimentBatch Start(int epochs, int runs, IProgress<ExperimentProgress>? progress)
    {
        var live = LiveProgress.Start(epochs, runs);
        return new ExperimentBatch(live, LiveProgress.Combine<ExperimentProgress>(progress, live), runs);
    }

    /// <summary>The epoch callback of run number <paramref name="run"/> (from 1), shown as <paramref name="label"/>; null when nothing listens.</summary>
    public Action<TrainingProgress>? Reporter(int run, string label) =>
        _progress is null ? null : p => _progress.Report(new ExperimentProgress(run, _runs, label, p));

    /// <summary>Marks every run as finished.</summary>
    public void Complete() => _completed = true;

    public void Dispose() => _live?.Finish(_completed);
}
