using static TorchSharp.torch;

namespace L1Lab.Explain;

/// <summary>
/// Occlusion saliency (Zeiler and Fergus, 2014; notebook 10-chest-xray-cnn): cover one square patch of the image at a
/// time with a fill value and measure how much the model's probability for a class drops. A pixel's saliency is the
/// mean drop over the patches that cover it: large where hiding the pixel changes the answer, zero where it does not.
/// It needs nothing but forward passes, so it works for any model, dense or pruned.
/// </summary>
public static class Occlusion
{
    /// <summary>
    /// The occlusion map of one image: a (side, side) tensor whose pixel (r, c) is the mean, over the
    /// <paramref name="patch"/>×<paramref name="patch"/> patches placed every <paramref name="stride"/> pixels that cover
    /// (r, c), of p(<paramref name="targetClass"/> | image) − p(<paramref name="targetClass"/> | image with the patch
    /// set to <paramref name="fill"/>). Pixels no patch covers get 0. All occluded images go through the model in one batch.
    /// </summary>
    /// <param name="model">Any classifier taking flattened images (1, side·side) and returning logits.</param>
    /// <param name="image">One image, (side·side) or (side, side), values as the model was trained on.</param>
    /// <param name="side">Side of the square image in pixels.</param>
    /// <param name="targetClass">The class whose probability is watched.</param>
    /// <param name="patch">Side of the occluding square.</param>
    /// <param name="stride">Step between patch positions.</param>
    /// <param name="fill">Value the covered pixels are set to (0 = black).</param>
    public static Tensor Map(nn.Module<Tensor, Tensor> model, Tensor image, int side, int targetClass, int patch = 4, int stride = 2, float fill = 0f)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(side, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(targetClass);
        if (patch < 1 || patch > side) throw new ArgumentOutOfRangeException(nameof(patch), patch, $"The patch side must be in 1…{side}.");
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1);
        if (image.numel() != (long)side * side)
            throw new ArgumentException($"image has {image.numel()} pixels; a {side}×{side} image has {side * side}.", nameof(image));

        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var flat = image.detach().reshape(1, side * side).to(ScalarType.Float32);
        var positions = new List<(int Row, int Column)>();
        for (int r = 0; r + patch <= side; r += stride)
            for (int c = 0; c + patch <= side; c += stride)
                positions.Add((r, c));

        var occluded = flat.repeat(positions.Count, 1).view(positions.Count, side, side);
        for (int i = 0; i < positions.Count; i++)
            occluded[i, TensorIndex.Slice(positions[i].Row, positions[i].Row + patch), TensorIndex.Slice(positions[i].Column, positions[i].Column + patch)] = fill;

        var original = nn.functional.softmax(model.forward(flat), 1)[0, targetClass].item<float>();
        var drops = (original - nn.functional.softmax(model.forward(occluded.view(positions.Count, side * side)), 1).select(1, targetClass))
            .to(ScalarType.Float64).data<double>().ToArray();

        var sum = new double[side * side];
        var count = new int[side * side];
        for (int i = 0; i < positions.Count; i++)
            for (int r = positions[i].Row; r < positions[i].Row + patch; r++)
                for (int c = positions[i].Column; c < positions[i].Column + patch; c++)
                {
                    sum[r * side + c] += drops[i];
                    count[r * side + c]++;
                }
        var map = sum.Select((s, i) => count[i] == 0 ? 0f : (float)(s / count[i])).ToArray();
        return tensor(map, [side, side]).MoveToOuterDisposeScope();
    }
}
