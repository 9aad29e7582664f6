using L1Lab.Training;

namespace L1Lab.Experiments;

/// <summary>
/// Settings of K-fold cross-validation for choosing λ: the candidates, K, the seed of the fold split, the rule,
/// and how each fold's model is trained (<see cref="Training"/>, whose <c>L1Lambda</c> is replaced by each candidate).
/// </summary>
public sealed record CrossValidationOptions
{
    /// <summary>The candidate L1 strengths.</summary>
    public IReadOnlyList<double> Lambdas { get; init; } = [0, 1e-5, 1e-4, 1e-3, 1e-2];

    /// <summary>K, the number of folds (at least 2).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Seeds the random assignment of training images to folds (the models use <c>Training.Seed</c>).</summary>
    public long FoldSeed { get; init; } = 42;

    /// <summary>How λ is picked from the scores.</summary>
    public LambdaSelectionRule Rule { get; init; } = LambdaSelectionRule.HighestMean;

    /// <summary>Hidden layer widths of the MLP (input and output sizes come from the data).</summary>
    public IReadOnlyList<int> HiddenSizes { get; init; } = [256];

    /// <summary>How each fold's model is trained, including the L1 mode.</summary>
    public TrainingOptions Training { get; init; } = new() { L1Mode = L1Mode.Proximal };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public CrossValidationOptions Validate()
    {
        ExperimentRun.CheckLambdas(Lambdas);
        if (Folds < 2) throw new ArgumentException($"cross-validation needs at least 2 folds (got {Folds}).");
        ExperimentRun.CheckHidden(HiddenSizes);
        Training.Validate();
        return this;
    }
}
