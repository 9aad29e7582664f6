using L1Lab.Training;

namespace L1Lab.Experiments;

/// <summary>
/// The grid of a λ sweep: every λ × every L1 mode × every seed, each a fresh MLP trained with <see cref="Training"/>
/// (whose own <c>L1Lambda</c>, <c>L1Mode</c> and <c>Seed</c> are replaced by the grid's values).
/// </summary>
public sealed record SweepOptions
{
    /// <summary>The L1 strengths to try; 0 is the unregularized baseline (trained once per seed, whatever the modes).</summary>
    public IReadOnlyList<double> Lambdas { get; init; } = [0, 1e-5, 1e-4, 1e-3, 1e-2];

    /// <summary>How L1 is applied; each mode is run at every positive λ.</summary>
    public IReadOnlyList<L1Mode> Modes { get; init; } = [L1Mode.Proximal];

    /// <summary>Seeds for the initial weights and the shuffling; one run per seed, to see the spread.</summary>
    public IReadOnlyList<long> Seeds { get; init; } = [42];

    /// <summary>Hidden layer widths of the MLP (input and output sizes come from the data).</summary>
    public IReadOnlyList<int> HiddenSizes { get; init; } = [256];

    /// <summary>Everything else about training: epochs, batch size, learning rate, any L2, the near-zero tolerance.</summary>
    public TrainingOptions Training { get; init; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public SweepOptions Validate()
    {
        ExperimentRun.CheckLambdas(Lambdas);
        if (Modes is null || Modes.Count == 0) throw new ArgumentException("give at least one L1 mode.");
        if (Modes.Distinct().Count() != Modes.Count) throw new ArgumentException("the L1 mode list has duplicates.");
        if (Seeds is null || Seeds.Count == 0) throw new ArgumentException("give at least one seed.");
        if (Seeds.Distinct().Count() != Seeds.Count) throw new ArgumentException("the seed list has duplicates.");
        ExperimentRun.CheckHidden(HiddenSizes);
        Training.Validate();
        return this;
    }
}
