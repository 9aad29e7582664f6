using L1Lab.Training;

namespace L1Lab.Experiments;

/// <summary>
/// Settings of <see cref="RegularizerComparison"/>. The defaults are meant for a small training set (1,000 MNIST images,
/// 30 epochs of SGD with lr 0.05, batch 32, 784-256-10), where the unregularized network overfits, and are strong enough
/// that each regularizer visibly acts without wrecking the fit: L1 λ = 1e-3 (a proximal threshold of η·λ per step),
/// L2 λ₂ = 1e-2, elastic net with the same two, dropout p = 0.5 (the classic choice for hidden units).
/// They are starting points for the exercises, not tuned optima: use <see cref="CrossValidation"/> to tune.
/// Notebook 06-l1-l2-dropout runs the comparison and prints what these defaults give.
/// </summary>
public sealed record RegularizerComparisonOptions
{
    /// <summary>The regularizers to run, in table order.</summary>
    public IReadOnlyList<Regularizer> Regularizers { get; init; } =
        [Regularizer.None, Regularizer.L1Penalty, Regularizer.L1Proximal, Regularizer.L2, Regularizer.ElasticNet, Regularizer.Dropout];

    /// <summary>λ for L1 (penalty, proximal and the L1 part of elastic net).</summary>
    public double L1Lambda { get; init; } = 1e-3;

    /// <summary>λ₂ for L2 (and the L2 part of elastic net).</summary>
    public double L2Lambda { get; init; } = 1e-2;

    /// <summary>Dropout probability for <see cref="Regularizer.Dropout"/>.</summary>
    public double DropoutProbability { get; init; } = 0.5;

    /// <summary>Hidden layer widths of the MLP (input and output sizes come from the data).</summary>
    public IReadOnlyList<int> HiddenSizes { get; init; } = [256];

    /// <summary>
    /// Shared training settings; its <c>L1Lambda</c>, <c>L1Mode</c> and <c>L2Lambda</c> are set per regularizer.
    /// Default: 30 epochs, lr 0.05 (a small training set needs more passes to fit, which is when regularizers matter).
    /// </summary>
    public TrainingOptions Training { get; init; } = new() { Epochs = 30, LearningRate = 0.05 };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public RegularizerComparisonOptions Validate()
    {
        if (Regularizers is null || Regularizers.Count == 0) throw new ArgumentException("give at least one regularizer.");
        if (!double.IsFinite(L1Lambda) || L1Lambda <= 0) throw new ArgumentException($"L1 lambda must be positive (got {L1Lambda}).");
        if (!double.IsFinite(L2Lambda) || L2Lambda <= 0) throw new ArgumentException($"L2 lambda must be positive (got {L2Lambda}).");
        if (DropoutProbability is not (> 0 and < 1)) throw new ArgumentException($"dropout probability must be in (0, 1) (got {DropoutProbability}).");
        ExperimentRun.CheckHidden(HiddenSizes);
        Training.Validate();
        return this;
    }
}
