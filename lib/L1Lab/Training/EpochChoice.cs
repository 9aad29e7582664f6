namespace L1Lab.Training;

/// <summary>The epoch <see cref="SparsityTarget.Choose"/> keeps, and whether it met the sparsity target.</summary>
/// <param name="Epoch">The 1-based epoch kept.</param>
/// <param name="ValidationAuc">Its validation AUC.</param>
/// <param name="TargetZeros">The share of exact zeros asked for; <c>null</c> when no target was set.</param>
/// <param name="TargetMet"><c>false</c> when a target was set, no epoch reached it, and the plain best epoch was kept instead.</param>
public sealed record EpochChoice(int Epoch, double ValidationAuc, double? TargetZeros, bool TargetMet)
{
    /// <summary>One line for the reader: which rule chose the epoch, and the fallback when the target was missed.</summary>
    public override string ToString() => TargetZeros switch
    {
        null => $"epoch {Epoch}: best validation AUC {ValidationAuc:F4}",
        { } t when TargetMet => $"epoch {Epoch}: best validation AUC {ValidationAuc:F4} among epochs with ≥ {t:P0} of weights exactly 0",
        { } t => $"epoch {Epoch}: no epoch reached {t:P0} of weights exactly 0, so fell back to the best validation AUC {ValidationAuc:F4} of all epochs",
    };
}
