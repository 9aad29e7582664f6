using TorchSharp.Modules;
using static TorchSharp.torch;

namespace L1Lab.Models;

/// <summary>
/// A small convolutional network for square grayscale images (notebook 10-chest-xray-cnn): blocks of
/// 3×3 convolution (padding 1) → ReLU → 2×2 max-pooling, then one linear layer to the logits. It takes images
/// flattened as the loaders give them, (N, side·side), or as (N, 1, side, side).
/// </summary>
/// <remarks>
/// With group lasso on whole filters (<see cref="GroupLasso"/>), filters become exactly zero; <see cref="Pruned"/>
/// rebuilds the network without them — a smaller dense network that computes the same function.
/// </remarks>
public sealed class Cnn : nn.Module<Tensor, Tensor>
{
    readonly ModuleList<Conv2d> _convolutions;
    readonly Linear _head;

    /// <summary>Output filters of each convolution, input side first, e.g. [16, 32].</summary>
    public IReadOnlyList<int> Channels { get; }

    /// <summary>Side of the square input images in pixels (28 for MedMNIST).</summary>
    public int ImageSide { get; }

    /// <summary>Number of classes: the width of the logits.</summary>
    public int ClassCount { get; }

    /// <summary>Side of the feature maps the head sees: the image side halved (rounding down) once per block.</summary>
    public int FeatureSide { get; }

    Cnn(IReadOnlyList<int> channels, int classCount, int imageSide, Generator? generator) : base(nameof(Cnn))
    {
        if (channels.Count < 1 || channels.Any(c => c < 1))
            throw new ArgumentException($"A CNN needs at least one convolution with a positive number of filters; got [{string.Join(", ", channels)}].", nameof(channels));
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        int featureSide = imageSide;
        for (int i = 0; i < channels.Count; i++) featureSide /= 2;
        if (featureSide < 1)
            throw new ArgumentException($"{channels.Count} pooling steps leave nothing of a {imageSide}×{imageSide} image; use fewer convolutions.", nameof(channels));
        Channels = channels.ToArray();
        ClassCount = classCount;
        ImageSide = imageSide;
        FeatureSide = featureSide;
        var inputs = new[] { 1 }.Concat(channels).ToArray();
        _convolutions = new ModuleList<Conv2d>(Enumerable.Range(0, channels.Count).Select(i => Convolution(inputs[i], inputs[i + 1], generator)).ToArray());
        _head = Mlp.Layer((long)channels[^1] * featureSide * featureSide, classCount, generator);
        register_module("convolutions", _convolutions);
        register_module("head", _head);
    }

    /// <summary>
    /// Creates a CNN whose initial weights depend only on <paramref name="seed"/>, drawn from a private generator (as
    /// <see cref="Mlp.Create"/> does) with PyTorch's default initialization: uniform in ±1/√fan-in.
    /// </summary>
    /// <param name="channels">Filters of each convolution block, e.g. [16, 32] for two blocks.</param>
    /// <param name="classCount">Number of classes.</param>
    /// <param name="seed">Seed of the initial weights.</param>
    /// <param name="imageSide">Side of the input images (28 for MedMNIST).</param>
    public static Cnn Create(IReadOnlyList<int> channels, int classCount, long seed, int imageSide = 28)
    {
        ArgumentNullException.ThrowIfNull(channels);
        using var generator = new Generator(unchecked((ulong)seed));
        return new Cnn(channels, classCount, imageSide, generator);
    }

    static Conv2d Convolution(long inputs, long outputs, Generator? generator)
    {
        var conv = nn.Conv2d(inputs, outputs, 3, padding: 1);
        double bound = 1 / Math.Sqrt(inputs * 9);
        using var noGrad = no_grad();
        conv.weight!.uniform_(-bound, bound, generator);
        conv.bias!.uniform_(-bound, bound, generator);
        return conv;
    }

    /// <summary>The convolutions, input side first.</summary>
    public IReadOnlyList<Conv2d> Convolutions => _convolutions.ToList();

    /// <summary>The linear layer from the last block's feature maps to the logits.</summary>
    public Linear Head => _head;

    /// <summary>Number of parameters (weights and biases).</summary>
    public long ParameterCount => parameters().Sum(p => p.numel());

    /// <summary>Bytes of the parameters stored densely as float32: the model's size on disk or in memory.</summary>
    public long ParameterBytes => ParameterCount * sizeof(float);

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = NewDisposeScope();
        var x = input.dim() == 2 ? input.view(-1, 1, ImageSide, ImageSide) : input;
        foreach (var conv in _convolutions)
            x = nn.functional.max_pool2d(nn.functional.relu(conv.forward(x)), 2);
        return _head.forward(x.flatten(1)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Which filters of each convolution can go without changing the network's output: a filter is removable when its
    /// kernel and bias are all zero (its feature map is then relu(0) = 0 everywhere), or when every weight that reads
    /// its feature map (the next convolution's input channel, or the head's columns) is zero.
    /// </summary>
    public IReadOnlyList<bool[]> RemovableFilters()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var result = new List<bool[]>();
        for (int l = 0; l < _convolutions.Count; l++)
        {
            var conv = _convolutions[l];
            var outgoing = l + 1 < _convolutions.Count
                ? _convolutions[l + 1].weight!.abs().sum([0, 2, 3])
                : _head.weight!.abs().view(ClassCount, Channels[l], -1).sum([0, 2]);
            var dead = GroupLasso.GroupNorms(conv.weight!, conv.bias).eq(0).logical_or(outgoing.eq(0));
            result.Add(dead.data<bool>().ToArray());
        }
        return result;
    }

    /// <summary>
    /// A new, smaller CNN without the filters of <see cref="RemovableFilters"/>: each convolution keeps its live filters,
    /// the next convolution keeps the matching input channels, the head keeps the matching columns. It computes the same
    /// logits as this network (up to float rounding in a different summation order). A layer whose filters are all
    /// removable keeps one zero filter, so the shapes stay valid.
    /// </summary>
    public Cnn Pruned()
    {
        using var noGrad = no_grad();
        var removable = RemovableFilters();
        var keep = removable.Select(dead =>
        {
            var live = Enumerable.Range(0, dead.Length).Where(i => !dead[i]).Select(i => (long)i).ToArray();
            return live.Length > 0 ? live : [-1L];
        }).ToArray();
        var pruned = new Cnn(keep.Select(k => k.Length).ToArray(), ClassCount, ImageSide, generator: null);
        using var scope = NewDisposeScope();
        long[] previous = [0];
        for (int l = 0; l < _convolutions.Count; l++)
        {
            var source = _convolutions[l];
            var target = pruned._convolutions[l];
            if (keep[l][0] < 0)
            {
                target.weight!.zero_();
                target.bias!.zero_();
            }
            else
            {
                var rows = tensor(keep[l]);
                var w = source.weight!.index_select(0, rows);
                target.weight!.copy_(previous[0] < 0 ? zeros_like(target.weight!) : w.index_select(1, tensor(previous)));
                target.bias!.copy_(source.bias!.index_select(0, rows));
            }
            previous = keep[l];
        }
        var cells = (long)FeatureSide * FeatureSide;
        if (previous[0] < 0)
            pruned._head.weight!.zero_();
        else
        {
            var columns = previous.SelectMany(c => Enumerable.Range(0, (int)cells).Select(j => c * cells + j)).ToArray();
            pruned._head.weight!.copy_(_head.weight!.index_select(1, tensor(columns)));
        }
        pruned._head.bias!.copy_(_head.bias!);
        return pruned;
    }
}
