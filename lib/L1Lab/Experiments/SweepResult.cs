using L1Lab.Training;

namespace L1Lab.Experiments;

/// <summary>One cell of a λ sweep: the final-epoch numbers of one run.</summary>
/// <param name="Lambda">λ of the run (0 = no L1).</param>
/// <param name="Mode">How L1 was applied; null for λ = 0, where no L1 was applied at all.</param>
/// <param name="Seed">Seed of the initial weights and the shuffling.</param>
/// <param name="TrainAccuracy">Final accuracy on the training images.</param>
/// <param name="TestAccuracy">Final accuracy on the test images.</param>
/// <param name="ZeroFraction">Fraction of weights exactly 0 at the end.</param>
/// <param name="NearZeroFraction">Fraction of weights with |w| below the near-zero tolerance at the end.</param>
/// <param name="Seconds">Training time summed over the epochs (evaluation excluded).</param>
public sealed record SweepResult(
    double Lambda,
    L1Mode? Mode,
    long Seed,
    double TrainAccuracy,
    double TestAccuracy,
    double ZeroFraction,
    double NearZeroFraction,
    double Seconds)
{
    /// <summary>Train − test accuracy: how much the model overfits; regularization should shrink it.</summary>
    public double Gap => TrainAccuracy - TestAccuracy;

    /// <summary>The mode as written in sweep.csv: "none", "penalty", "subgradient" or "proximal".</summary>
    public string ModeName => L1ModeName.Of(Mode);
}
