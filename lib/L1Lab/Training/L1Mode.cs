namespace L1Lab.Training;

/// <summary>How the trainer applies the L1 penalty λ·Σ|w| (notebooks 02 and 03 derive all three).</summary>
public enum L1Mode
{
    /// <summary>Add λ·Σ|w| to the loss and let autograd differentiate it (what the articles describe).</summary>
    Penalty,
    /// <summary>After the gradient step, move each weight by −η·λ·sign(w) (the subgradient step, done by hand).</summary>
    Subgradient,
    /// <summary>After the gradient step, soft-threshold each weight by η·λ (proximal gradient, ISTA): gives exact zeros.</summary>
    Proximal,
}
