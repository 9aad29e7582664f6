namespace L1Lab.Training;

/// <summary>
/// Everything a training run depends on. The defaults are the articles' experiment:
/// SGD with learning rate 0.01, batch 32, 10 epochs (λ is 0 here; the article's run sets 0.01).
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>Passes over the training set.</summary>
    public int Epochs { get; init; } = 10;
    /// <summary>Examples per gradient step.</summary>
    public int BatchSize { get; init; } = 32;
    /// <summary>The step size η in w ← w − η·∇.</summary>
    public double LearningRate { get; init; } = 0.01;
    /// <summary>Seeds the shuffling (and, through the caller, the initial weights).</summary>
    public long Seed { get; init; } = 42;
    /// <summary>How L1 is applied when <see cref="L1Lambda"/> is above zero.</summary>
    public L1Mode L1Mode { get; init; } = L1Mode.Penalty;
    /// <summary>λ in λ·Σ|w|; 0 switches L1 off.</summary>
    public double L1Lambda { get; init; }
    /// <summary>λ₂ in (λ₂/2)·Σw² (weight decay); 0 switches L2 off.</summary>
    public double L2Lambda { get; init; }
    /// <summary>
    /// λ_g in λ_g·Σ_j ‖W₁[:, j]‖₂, the group lasso on the first weight matrix's columns (each input pixel's outgoing
    /// weights, notebook 09): after every update those columns are block soft-thresholded by η·λ_g
    /// (<see cref="GroupLasso.SoftThresholdColumnsInPlace"/>), so whole pixels switch off. 0 switches it off. It combines
    /// with proximal L1 (soft-threshold, then block soft-threshold: the proximal step of the sparse group lasso).
    /// </summary>
    public double InputGroupLambda { get; init; }
    /// <summary>
    /// λ_g of the group lasso on whole convolution filters, λ_g·Σ_filters ‖(kernel, bias)‖₂, applied as a proximal
    /// step (<see cref="GroupLasso.ProximalFilterStep"/>) after every update; 0 switches it off. Models without
    /// convolutions are unaffected.
    /// </summary>
    public double FilterGroupLambda { get; init; }
    /// <summary>Also regularize biases and other 1-D parameters (off by default).</summary>
    public bool RegularizeBiases { get; init; }
    /// <summary>|w| below this counts as "near zero" in the sparsity metrics.</summary>
    public double NearZeroTolerance { get; init; } = 1e-3;
    /// <summary>"cpu", or "cuda" where a CUDA build of TorchSharp and a GPU are present.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>
    /// Use the hand-derived, allocation-free step (<see cref="HandDerivedStep"/>) where it applies — a dropout-free
    /// <see cref="Models.Mlp"/> on the CPU — and autograd elsewhere. Both give the same updates; this one is faster.
    /// </summary>
    public bool UseHandDerivedStep { get; init; } = true;

    /// <summary>True when training applies any L1 at all.</summary>
    public bool UsesL1 => L1Lambda > 0;

    /// <summary>
    /// The first invalid setting as one line (e.g. "epochs must be at least 1 (got 0)."), or null when the options
    /// can train here. The one home of these rules: <see cref="Validate"/>, <see cref="Trainer"/> and the CLI's option
    /// checks all ask it, so a bad value is reported the same way before any work starts.
    /// </summary>
    public string? FirstProblem()
    {
        if (Epochs < 1) return $"epochs must be at least 1 (got {Epochs}).";
        if (BatchSize < 1) return $"batch size must be at least 1 (got {BatchSize}).";
        if (!(double.IsFinite(LearningRate) && LearningRate > 0)) return $"learning rate must be a positive number (got {LearningRate}).";
        if (!(double.IsFinite(L1Lambda) && L1Lambda >= 0)) return $"lambda must be zero or positive (got {L1Lambda}).";
        if (!(double.IsFinite(InputGroupLambda) && InputGroupLambda >= 0)) return $"input group lambda must be zero or positive (got {InputGroupLambda}).";
        if (!(double.IsFinite(FilterGroupLambda) && FilterGroupLambda >= 0)) return $"filter group lambda must be zero or positive (got {FilterGroupLambda}).";
        if (!(double.IsFinite(L2Lambda) && L2Lambda >= 0)) return $"L2 lambda must be zero or positive (got {L2Lambda}).";
        if (!(NearZeroTolerance > 0)) return $"near-zero tolerance must be positive (got {NearZeroTolerance}).";
        if (Device is not ("cpu" or "cuda")) return $"device must be cpu or cuda (got '{Device}').";
        if (Device == "cuda" && !TorchSharp.torch.cuda.is_available())
            return "device cuda was requested but CUDA is not available here (no GPU, or the TorchSharp-cpu package); use cpu, or see environment.md on GPUs.";
        return null;
    }

    /// <summary>Returns these options, or throws <see cref="ArgumentException"/> with <see cref="FirstProblem"/>.</summary>
    public TrainingOptions Validate() => FirstProblem() is { } problem ? throw new ArgumentException(problem) : this;
}
