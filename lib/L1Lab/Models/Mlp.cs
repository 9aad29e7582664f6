using TorchSharp.Modules;
using static TorchSharp.torch;

namespace L1Lab.Models;

/// <summary>
/// A multilayer perceptron: Linear → ReLU (→ Dropout) … → Linear, returning logits.
/// <see cref="Article"/> is the articles' 784→256(ReLU)→10 network.
/// </summary>
public sealed class Mlp : nn.Module<Tensor, Tensor>
{
    readonly ModuleList<Linear> _layers;
    readonly Dropout? _dropout;

    /// <summary>Layer widths from input to output, e.g. [784, 256, 10].</summary>
    public IReadOnlyList<int> Sizes { get; }

    /// <summary>The dropout probability that means "no dropout layer".</summary>
    public const double NoDropout = 0;

    /// <summary>Dropout probability after each hidden ReLU (<see cref="NoDropout"/> = none).</summary>
    public double DropoutProbability { get; }

    /// <summary>
    /// Creates an MLP with the given layer widths and optional dropout after every hidden layer. Initial weights are
    /// drawn from torch's global random generator, as <c>nn.Linear</c> would; <see cref="Create"/> takes a seed instead.
    /// </summary>
    public Mlp(IReadOnlyList<int> sizes, double dropout = NoDropout) : this(sizes, dropout, generator: null)
    {
    }

    Mlp(IReadOnlyList<int> sizes, double dropout, Generator? generator) : base(nameof(Mlp))
    {
        if (sizes.Count < 2 || sizes.Any(s => s < 1))
            throw new ArgumentException($"An MLP needs at least two positive layer widths; got [{string.Join(", ", sizes)}].", nameof(sizes));
        if (dropout is < 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "Dropout probability must be in [0, 1).");
        Sizes = sizes.ToArray();
        DropoutProbability = dropout;
        _layers = new ModuleList<Linear>(Enumerable.Range(0, sizes.Count - 1).Select(i => Layer(sizes[i], sizes[i + 1], generator)).ToArray());
        _dropout = dropout > 0 ? nn.Dropout(dropout) : null;
        // Registered by hand under the names the parameters have always had ("layers.0.weight", …).
        register_module("layers", _layers);
        if (_dropout is not null) register_module("dropout", _dropout);
    }

    /// <summary>The articles' network: 784 inputs, 256 ReLU units, 10 logits.</summary>
    public static Mlp Article() => new([784, 256, 10]);

    /// <summary>
    /// Creates an MLP whose initial weights depend only on <paramref name="seed"/>. They come from a private generator,
    /// never torch's global one, so creating a model neither changes nor is changed by other random numbers, even
    /// on other threads. The weights equal those of <c>manual_seed(seed)</c> followed by the constructor.
    /// </summary>
    public static Mlp Create(IReadOnlyList<int> sizes, long seed, double dropout = NoDropout)
    {
        using var generator = new Generator(unchecked((ulong)seed));
        return new Mlp(sizes, dropout, generator);
    }

    /// <summary>
    /// A linear layer with PyTorch's default initialization: weights and biases uniform in ±1/√inputs
    /// (what <c>kaiming_uniform_</c> with a = √5 gives), drawn weights first, from <paramref name="generator"/>
    /// or, when it is null, the global generator.
    /// </summary>
    internal static Linear Layer(long inputs, long outputs, Generator? generator)
    {
        double bound = 1 / Math.Sqrt(inputs);
        var weight = empty(outputs, inputs).uniform_(-bound, bound, generator);
        var bias = empty(outputs).uniform_(-bound, bound, generator);
        return nn.Linear(new Parameter(weight), new Parameter(bias));
    }

    /// <summary>The linear layers, input first.</summary>
    public IReadOnlyList<Linear> Layers => _layers.ToList();

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input;
        for (int i = 0; i < _layers.Count; i++)
        {
            x = _layers[i].forward(x);
            if (i < _layers.Count - 1)
            {
                x = nn.functional.relu(x);
                if (_dropout is not null) x = _dropout.forward(x);
            }
        }
        return x.MoveToOuterDisposeScope();
    }
}
