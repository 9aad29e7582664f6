namespace L1Lab.Training;

/// <summary>What <see cref="EarlyStopping.Fit"/> did: every epoch, and which one the model was left at.</summary>
/// <param name="Epochs">The epochs trained, in order.</param>
/// <param name="BestEpoch">The epoch with the highest validation AUC; the model holds its weights.</param>
/// <param name="BestValidationAuc">That epoch's validation AUC.</param>
/// <param name="Patience">Epochs without improvement that stopped training.</param>
public sealed record EarlyStoppingResult(IReadOnlyList<EarlyStoppingEpoch> Epochs, int BestEpoch, double BestValidationAuc, int Patience)
{
    /// <summary>Training seconds summed over all epochs run (evaluation excluded).</summary>
    public double TrainingSeconds => Epochs.Sum(e => e.Seconds);
}
