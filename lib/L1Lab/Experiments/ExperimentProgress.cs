using L1Lab.Training;

namespace L1Lab.Experiments;

/// <summary>
/// Where a multi-run experiment (a sweep, cross-validation, a comparison) is: which run of how many, what that
/// run is, and the trainer's own progress within it.
/// </summary>
/// <param name="Run">1-based number of the current training run.</param>
/// <param name="Runs">Total number of training runs in the experiment.</param>
/// <param name="Label">What the run is, e.g. "λ=0.001 proximal seed 1" or "fold 2/5 λ=0.0001".</param>
/// <param name="Training">The trainer's progress in this run (its <see cref="TrainingProgress.Completed"/> is set at each epoch end).</param>
public sealed record ExperimentProgress(int Run, int Runs, string Label, TrainingProgress Training);
