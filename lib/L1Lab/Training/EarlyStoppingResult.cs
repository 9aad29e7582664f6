namespace L1Lab.Training;

/// <summary>What <see cref="EarlyStopping.Fit"/> did: every epoch, and which one the model was left at.</summary>
/// <param name="Epochs">The epochs trained, in order.</param>
/// <param name="BestEpoch">
/// The epoch kept: the highest validation AUC (among the epochs that met the sparsity target, when one was set and
/// met); the model holds its weights.
/// </param>
/// <param name="BestValidationAuc">That epoch's validation AUC.</param>
/// <param name="Patience">Epochs without improvement that stopped training.</param>
/// <param name="Choice">How the epoch was chosen, and whether the sparsity target was met or the plain best kept instead.</param>
public sealed record EarlyStoppingResult(
    IReadOnlyList<EarlyStoppingEpoch> Epochs, int BestEpoch, double BestValidationAuc, int Patience, EpochChoice Choice)
{
    /// <summary>Training seconds summed over all epochs run (evaluation excluded).</summary>
    public double TrainingSeconds => Epochs.Sum(e => e.Seconds);
}
