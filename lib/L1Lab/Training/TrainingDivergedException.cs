namespace L1Lab.Training;

/// <summary>The loss became NaN or infinite: the learning rate is usually too large.</summary>
public sealed class TrainingDivergedException(int epoch, int step, double loss)
    : Exception($"Training diverged at epoch {epoch}, step {step}: the loss is {loss}. Try a smaller learning rate.")
{
    /// <summary>1-based epoch where the loss stopped being finite.</summary>
    public int Epoch { get; } = epoch;
    /// <summary>1-based step within that epoch.</summary>
    public int Step { get; } = step;
}
