namespace L1Lab.Training;

/// <summary>What one epoch of training produced.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="DataLoss">Mean cross-entropy over the epoch's training steps (the penalty not included).</param>
/// <param name="Penalty">The regularization term λ·Σ|w| + (λ₂/2)·Σw² at the end of the epoch.</param>
/// <param name="TrainAccuracy">Accuracy on the whole training set at the end of the epoch.</param>
/// <param name="TestAccuracy">Accuracy on the test set at the end of the epoch.</param>
/// <param name="ZeroFraction">Fraction of weights that are exactly 0.</param>
/// <param name="NearZeroFraction">Fraction of weights with |w| below the near-zero tolerance.</param>
/// <param name="Seconds">Wall time of the epoch's training steps (evaluation excluded).</param>
public sealed record EpochMetrics(
    int Epoch,
    double DataLoss,
    double Penalty,
    double TrainAccuracy,
    double TestAccuracy,
    double ZeroFraction,
    double NearZeroFraction,
    double Seconds)
{
    /// <summary>One line for logs and progress output: data loss, test accuracy, exact zeros and time.</summary>
    public string Summary => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"loss {DataLoss:F4}, test accuracy {100 * TestAccuracy:F2} %, zeros {100 * ZeroFraction:F2} %, {Seconds:F1} s");
}
