using L1Lab.Data;
using static TorchSharp.torch;

namespace L1Lab.Training;

/// <summary>
/// Measuring a trained model, apart from training it: the trainer reports these after every epoch, and notebooks
/// call them on held-out data (notebook 05 looks at the test set once, through <see cref="Accuracy"/>).
/// </summary>
public static class Evaluation
{
    /// <summary>Images per forward pass while evaluating; bounds memory on large sets.</summary>
    const int EvaluationBatch = 2000;

    /// <summary>Fraction of <paramref name="data"/> the model classifies correctly (evaluation mode, no gradients).</summary>
    public static double Accuracy(nn.Module<Tensor, Tensor> model, ImageDataset data, Device? device = null)
    {
        model.eval();
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        long correct = 0, n = data.Count;
        for (long start = 0; start < n; start += EvaluationBatch)
        {
            long length = Math.Min(EvaluationBatch, n - start);
            var x = data.Images.narrow(0, start, length);
            var y = data.Labels.narrow(0, start, length);
            if (device is not null) { x = x.to(device); y = y.to(device); }
            correct += model.forward(x).argmax(1).eq(y).sum().item<long>();
        }
        return n == 0 ? 0 : (double)correct / n;
    }
}
