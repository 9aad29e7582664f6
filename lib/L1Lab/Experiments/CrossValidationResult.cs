namespace L1Lab.Experiments;

/// <summary>The outcome of choosing λ by K-fold cross-validation.</summary>
/// <param name="Scores">One entry per candidate λ, in the order given.</param>
/// <param name="SelectedLambda">The λ the <paramref name="Rule"/> picked.</param>
/// <param name="Rule">The rule used.</param>
public sealed record CrossValidationResult(IReadOnlyList<LambdaScore> Scores, double SelectedLambda, LambdaSelectionRule Rule)
{
    /// <summary>The score of the selected λ.</summary>
    public LambdaScore Selected => Scores.First(s => s.Lambda == SelectedLambda);
}
