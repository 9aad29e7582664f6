namespace L1Lab.Experiments;

/// <summary>The regularizers <see cref="RegularizerComparison"/> puts side by side.</summary>
public enum Regularizer
{
    /// <summary>Plain SGD on the cross-entropy, the baseline.</summary>
    None,
    /// <summary>λ·Σ|w| added to the loss, differentiated by autograd (the articles' way): small weights, few exact zeros.</summary>
    L1Penalty,
    /// <summary>Soft-thresholding after each gradient step (proximal gradient): exact zeros.</summary>
    L1Proximal,
    /// <summary>(λ₂/2)·Σw² in the loss (weight decay): small weights, no zeros.</summary>
    L2,
    /// <summary>Elastic net: L1 by soft-thresholding plus L2 in the loss.</summary>
    ElasticNet,
    /// <summary>Dropout after each hidden ReLU during training; no penalty on the weights.</summary>
    Dropout,
}
