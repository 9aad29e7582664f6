namespace L1Lab.Training;

/// <summary>
/// Model selection with a sparsity target (notebook 10-chest-xray-cnn): among the epochs whose weights are at least
/// <c>targetZeros</c> exactly zero, keep the one with the best validation AUC. The target is stated before training,
/// like the architecture, and every epoch is judged on the validation split only, so the choice never sees the test
/// split. When no epoch reaches the target, the plain best epoch is kept and the result says so.
/// </summary>
public static class SparsityTarget
{
    /// <summary>
    /// Chooses the epoch to keep from a training history: the highest validation AUC among the epochs with
    /// <see cref="EarlyStoppingEpoch.ZeroFraction"/> ≥ <paramref name="targetZeros"/> (the earliest on a tie), or,
    /// when none reaches it or no target is given, the highest validation AUC of all.
    /// </summary>
    /// <param name="epochs">The epochs trained so far, in order; at least one.</param>
    /// <param name="targetZeros">Smallest share of weights exactly zero, in [0, 1]; <c>null</c> for none.</param>
    public static EpochChoice Choose(IReadOnlyList<EarlyStoppingEpoch> epochs, double? targetZeros)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        if (epochs.Count == 0) throw new ArgumentException("the training history has no epochs to choose from", nameof(epochs));
        Validate(targetZeros);
        var plainBest = Best(epochs);
        if (targetZeros is not { } target) return new EpochChoice(plainBest.Epoch, plainBest.ValidationAuc, null, TargetMet: true);
        var sparse = epochs.Where(e => Meets(e, target)).ToList();
        return sparse.Count == 0
            ? new EpochChoice(plainBest.Epoch, plainBest.ValidationAuc, target, TargetMet: false)
            : new EpochChoice(Best(sparse).Epoch, Best(sparse).ValidationAuc, target, TargetMet: true);
    }

    /// <summary>
    /// Whether training should stop after the last epoch of <paramref name="epochs"/>: <paramref name="patience"/>
    /// epochs have run since the epoch <see cref="Choose"/> keeps. While a target is set and no epoch has reached it
    /// yet, training goes on (L1 and group lasso make the weights sparser epoch by epoch).
    /// </summary>
    /// <param name="epochs">The epochs trained so far, in order; at least one.</param>
    /// <param name="targetZeros">Smallest share of weights exactly zero, in [0, 1]; <c>null</c> for none.</param>
    /// <param name="patience">Epochs without a better kept epoch before stopping; at least 1.</param>
    public static bool ShouldStop(IReadOnlyList<EarlyStoppingEpoch> epochs, double? targetZeros, int patience)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(patience, 1);
        var choice = Choose(epochs, targetZeros);
        return choice.TargetMet && epochs[^1].Epoch - choice.Epoch >= patience;
    }

    /// <summary>Whether <paramref name="epoch"/> has at least <paramref name="targetZeros"/> of its weights exactly zero.</summary>
    public static bool Meets(EarlyStoppingEpoch epoch, double targetZeros)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        return epoch.ZeroFraction >= targetZeros;
    }

    /// <summary>Refuses a target outside [0, 1] (or NaN) with one line naming it.</summary>
    public static void Validate(double? targetZeros)
    {
        if (targetZeros is { } t && !(t >= 0 && t <= 1))
            throw new ArgumentOutOfRangeException(nameof(targetZeros), t, $"targetZeros must be a share of weights in [0, 1], got {t}");
    }

    static EarlyStoppingEpoch Best(IEnumerable<EarlyStoppingEpoch> epochs) =>
        epochs.Aggregate((best, e) => e.ValidationAuc > best.ValidationAuc ? e : best);
}
