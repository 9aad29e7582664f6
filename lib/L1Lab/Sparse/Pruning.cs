using L1Lab.Models;
using static TorchSharp.torch;

namespace L1Lab.Sparse;

/// <summary>
/// Magnitude pruning: set the smallest |w| of each weight matrix to exactly zero. It makes sparse models of any
/// chosen sparsity, so inference speed can be measured as a function of sparsity (notebook 08).
/// </summary>
public static class Pruning
{
    /// <summary>
    /// A new model with the same layers as <paramref name="model"/>, in which each weight matrix keeps only its
    /// entries with |w| above the <paramref name="fraction"/>-quantile of its magnitudes; biases are copied as they are.
    /// </summary>
    public static Mlp ByMagnitude(Mlp model, double fraction)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!(fraction >= 0 && fraction < 1)) throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The pruned fraction must be in [0, 1).");
        var copy = Mlp.Create(model.Sizes, seed: 0, model.DropoutProbability);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        for (int i = 0; i < model.Layers.Count; i++)
        {
            var (source, target) = (model.Layers[i].weight!, copy.Layers[i].weight!);
            copy.Layers[i].bias!.copy_(model.Layers[i].bias!);
            var magnitude = source.abs();
            long k = (long)(fraction * magnitude.numel());
            if (k == 0) { target.copy_(source); continue; }
            var threshold = magnitude.flatten().sort().Values[k - 1];
            target.copy_(source.mul(magnitude.gt(threshold)));
        }
        return copy;
    }
}
