using static TorchSharp.torch;

namespace L1Lab.Training;

/// <summary>
/// The update <see cref="Trainer"/> applies to one parameter once its gradient is known, whichever way the gradient
/// was computed (autograd's <c>backward()</c> or <see cref="HandDerivedStep"/>'s hand-derived backward). It only picks
/// the <see cref="Updates"/> primitive that <see cref="TrainingOptions"/> asks for, so both paths run the same update code.
/// </summary>
static class ParameterUpdate
{
    /// <summary>
    /// Applies the configured step to <paramref name="parameter"/> given <paramref name="gradient"/>, the gradient of
    /// everything in the loss (data loss, plus the L2 penalty and, in <see cref="L1Mode.Penalty"/>, the L1 penalty).
    /// Regularized parameters get the L1 step of <see cref="TrainingOptions.L1Mode"/>; the rest a plain gradient step.
    /// When <paramref name="inputGroups"/> (the first weight matrix) and <see cref="TrainingOptions.InputGroupLambda"/> is set,
    /// its columns are then block soft-thresholded by η·λ_g (<see cref="GroupLasso.SoftThresholdColumnsInPlace"/>).
    /// </summary>
    public static void Apply(TrainingOptions options, Tensor parameter, Tensor gradient, bool regularized, Tensor? scratch = null, bool inputGroups = false)
    {
        Step(options, parameter, gradient, regularized, scratch);
        if (inputGroups && options.InputGroupLambda > 0)
            GroupLasso.SoftThresholdColumnsInPlace(parameter, options.LearningRate * options.InputGroupLambda);
    }

    static void Step(TrainingOptions options, Tensor parameter, Tensor gradient, bool regularized, Tensor? scratch)
    {
        var l1Mode = regularized && options.UsesL1 ? options.L1Mode : L1Mode.Penalty;
        switch (l1Mode)
        {
            case L1Mode.Subgradient:
                Updates.SubgradientStep(parameter, gradient, options.LearningRate, options.L1Lambda, scratch);
                break;
            case L1Mode.Proximal:
                Updates.ProximalStep(parameter, gradient, options.LearningRate, options.L1Lambda, scratch);
                break;
            default: // no L1, or L1 already in the loss and so in the gradient
                Updates.GradientStep(parameter, gradient, options.LearningRate);
                break;
        }
    }
}
