namespace L1Lab.Experiments;

/// <summary>How <see cref="CrossValidation"/> picks λ from the per-λ mean validation accuracies.</summary>
public enum LambdaSelectionRule
{
    /// <summary>
    /// The λ with the highest mean validation accuracy. Ties (equal means) go to the larger λ: the stronger
    /// regularizer gives a sparser, simpler model at no measured cost.
    /// </summary>
    HighestMean,

    /// <summary>
    /// The one-standard-error rule (Hastie, Tibshirani and Friedman, ESL §7.10): the largest λ whose mean is at least
    /// the best mean minus the best λ's standard error (sample standard deviation over folds / √K). It prefers the
    /// simplest model that is statistically indistinguishable from the best.
    /// </summary>
    OneStandardError,
}
