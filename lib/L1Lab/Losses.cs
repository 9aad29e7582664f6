using static TorchSharp.torch;

namespace L1Lab;

/// <summary>
/// The data losses the articles use, written from tensor primitives so the maths is visible
/// (derived in notebook 01-loss). Both return the mean over the batch, as TorchSharp's own do.
/// </summary>
public static class Losses
{
    /// <summary>Mean squared error: (1/n)·Σ(ŷᵢ − yᵢ)², averaged over every element.</summary>
    public static Tensor MeanSquaredError(Tensor prediction, Tensor target)
    {
        using var scope = NewDisposeScope();
        return (prediction - target).square().mean().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Log-softmax along the last dimension, computed stably as z − max(z) − log Σ exp(z − max(z)),
    /// so logits of ±1000 give finite values.
    /// </summary>
    public static Tensor LogSoftmax(Tensor logits)
    {
        using var scope = NewDisposeScope();
        var shifted = logits - logits.amax([-1], keepdim: true).detach();
        return (shifted - shifted.exp().sum(-1, keepdim: true).log()).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Cross-entropy for class indices: the mean over the batch of −log softmax(z)[y]
    /// (negative log-likelihood of the correct class).
    /// </summary>
    /// <param name="logits">Unnormalised scores, shape (batch, classes).</param>
    /// <param name="labels">Class indices, int64, shape (batch).</param>
    public static Tensor CrossEntropy(Tensor logits, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var picked = LogSoftmax(logits).gather(1, labels.unsqueeze(1));
        return (-picked.mean()).MoveToOuterDisposeScope();
    }
}
