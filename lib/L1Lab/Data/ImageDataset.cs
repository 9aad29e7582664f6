using static TorchSharp.torch;

namespace L1Lab.Data;

/// <summary>
/// A labelled set of square grayscale images, ready for an MLP: <see cref="Images"/> is float32
/// (N, side·side) with pixels in [0, 1], <see cref="Labels"/> is int64 (N) with classes
/// 0 … <see cref="ClassCount"/> − 1. The MNIST and BreastMNIST loaders both return this, so the
/// notebooks train on either without change.
/// </summary>
/// <remarks>
/// The dataset owns its two tensors: they are detached from any dispose scope and freed by
/// <see cref="Dispose"/>. Use <see cref="Take"/> or <see cref="Subset"/> for the small subsets
/// tests and notebooks use; they copy, so the full set can be disposed afterwards. It is a class, not a record:
/// a record's <c>with</c> copy would share the tensors and free them twice.
/// </remarks>
public sealed class ImageDataset : IDisposable
{
    /// <summary>
    /// Wraps <paramref name="images"/> and <paramref name="labels"/> after checking their shapes and
    /// dtypes agree, and takes ownership of both tensors.
    /// </summary>
    /// <param name="images">float32 (N, side·side), pixels in [0, 1].</param>
    /// <param name="labels">int64 (N), values in 0 … classCount − 1.</param>
    /// <param name="imageSide">Side length of the square images (28 for MNIST), to reshape for plots.</param>
    /// <param name="classCount">Number of classes (10 for MNIST, 2 for BreastMNIST), the model's output size.</param>
    public ImageDataset(Tensor images, Tensor labels, int imageSide, int classCount)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(imageSide, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        if (images.dtype != ScalarType.Float32 || images.dim() != 2 || images.shape[1] != (long)imageSide * imageSide)
            throw new ArgumentException($"images must be float32 (N, {imageSide * imageSide}); got {images.dtype} ({string.Join(", ", images.shape)})", nameof(images));
        if (labels.dtype != ScalarType.Int64 || labels.dim() != 1 || labels.shape[0] != images.shape[0])
            throw new ArgumentException($"labels must be int64 ({images.shape[0]}); got {labels.dtype} ({string.Join(", ", labels.shape)})", nameof(labels));

        Images = images.DetachFromDisposeScope();
        Labels = labels.DetachFromDisposeScope();
        ImageSide = imageSide;
        ClassCount = classCount;
    }

    /// <summary>The images, float32 (N, side·side) in [0, 1]: one flattened image per row, as an MLP takes them.</summary>
    public Tensor Images { get; }

    /// <summary>The class of each image, int64 (N), the target format of <c>cross_entropy</c>.</summary>
    public Tensor Labels { get; }

    /// <summary>Side length of each square image, to reshape a row back to side × side for display.</summary>
    public int ImageSide { get; }

    /// <summary>Number of classes, i.e. the size of the model's output layer.</summary>
    public int ClassCount { get; }

    /// <summary>Number of images N.</summary>
    public int Count => (int)Labels.shape[0];

    /// <summary>Pixels per image (side·side), the MLP's input size.</summary>
    public int PixelCount => ImageSide * ImageSide;

    /// <summary>
    /// A copy of the first <paramref name="n"/> images (all of them when there are fewer), for quick
    /// experiments and tests on a few hundred images. Dispose it separately.
    /// </summary>
    public ImageDataset Take(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var take = Math.Min(n, Count);
        using var scope = NewDisposeScope();
        return new ImageDataset(Images.narrow(0, 0, take).clone(), Labels.narrow(0, 0, take).clone(), ImageSide, ClassCount);
    }

    /// <summary>
    /// A copy of the images at <paramref name="indices"/>, in that order (repeats allowed), e.g. a
    /// seeded random sample or a class-balanced subset. Dispose it separately.
    /// </summary>
    public ImageDataset Subset(IReadOnlyList<long> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var index = new long[indices.Count];
        for (var i = 0; i < index.Length; i++)
        {
            if (indices[i] < 0 || indices[i] >= Count)
                throw new ArgumentOutOfRangeException(nameof(indices), $"index {indices[i]} at position {i} is outside 0..{Count - 1}");
            index[i] = indices[i];
        }
        using var scope = NewDisposeScope();
        using var idx = tensor(index, ScalarType.Int64);
        return new ImageDataset(Images.index_select(0, idx), Labels.index_select(0, idx), ImageSide, ClassCount);
    }

    /// <summary>How many images each class has (index = class), e.g. to show BreastMNIST's imbalance.</summary>
    public long[] ClassCounts()
    {
        using var scope = NewDisposeScope();
        var counts = Labels.bincount(null, ClassCount).data<long>().ToArray();
        return counts;
    }

    /// <summary>Frees both tensors now rather than at garbage collection (they can be hundreds of MB).</summary>
    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
