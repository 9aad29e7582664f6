namespace L1Lab.Experiments;

/// <summary>One row of the regularizer comparison: the final numbers of one run.</summary>
/// <param name="Regularizer">Which regularizer.</param>
/// <param name="Settings">Its strength in words, e.g. "λ=0.001, λ₂=0.01" or "p=0.5".</param>
/// <param name="TrainAccuracy">Final accuracy on the training images.</param>
/// <param name="TestAccuracy">Final accuracy on the test images.</param>
/// <param name="ZeroFraction">Fraction of weights exactly 0.</param>
/// <param name="NearZeroFraction">Fraction of weights with |w| below the near-zero tolerance.</param>
/// <param name="Seconds">Training time summed over the epochs.</param>
public sealed record RegularizerResult(
    Regularizer Regularizer,
    string Settings,
    double TrainAccuracy,
    double TestAccuracy,
    double ZeroFraction,
    double NearZeroFraction,
    double Seconds)
{
    /// <summary>Train − test accuracy: the overfitting each regularizer is meant to reduce.</summary>
    public double Gap => TrainAccuracy - TestAccuracy;
}
