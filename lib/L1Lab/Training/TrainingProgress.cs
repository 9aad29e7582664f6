namespace L1Lab.Training;

/// <summary>Reported while training: where the run is, for progress bars.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Step">Steps done in this epoch.</param>
/// <param name="StepsPerEpoch">Steps in one epoch.</param>
/// <param name="Completed">Set once an epoch finishes: its metrics.</param>
public sealed record TrainingProgress(int Epoch, int Step, int StepsPerEpoch, EpochMetrics? Completed = null);
