using L1Lab.Models;
using static TorchSharp.torch;

namespace L1Lab.Sparse;

/// <summary>
/// An <see cref="Mlp"/> for inference only, with every weight matrix stored as a <see cref="CsrMatrix"/>:
/// Linear → ReLU … → Linear on plain float arrays, computing the same logits as the dense model.
/// </summary>
public sealed class SparseMlp
{
    readonly (CsrMatrix Weight, float[] Bias)[] _layers;

    SparseMlp((CsrMatrix, float[])[] layers) => _layers = layers;

    /// <summary>Copies a trained model's layers into CSR form (exact zeros dropped).</summary>
    public static SparseMlp From(Mlp model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new SparseMlp(model.Layers.Select(layer =>
        {
            using var bias = layer.bias!.detach().cpu().contiguous();
            return (CsrMatrix.FromDense(layer.weight!), bias.data<float>().ToArray());
        }).ToArray());
    }

    /// <summary>The layers' weight matrices, first layer first.</summary>
    public IReadOnlyList<CsrMatrix> Weights => _layers.Select(l => l.Weight).ToArray();

    /// <summary>Bytes of all weights and biases stored densely as float32.</summary>
    public long DenseBytes => _layers.Sum(l => l.Weight.DenseBytes + 4L * l.Bias.Length);

    /// <summary>Bytes of this form: the CSR weights plus the dense biases.</summary>
    public long StorageBytes => _layers.Sum(l => l.Weight.StorageBytes + 4L * l.Bias.Length);

    /// <summary>Logits for a row-major batch of inputs (<paramref name="batch"/> rows of the first layer's width).</summary>
    public float[] Forward(ReadOnlySpan<float> input, int batch)
    {
        float[] activations = input.ToArray();
        for (int i = 0; i < _layers.Length; i++)
        {
            var (weight, bias) = _layers[i];
            var output = new float[batch * weight.Rows];
            weight.Multiply(activations, batch, output);
            bool hidden = i < _layers.Length - 1;
            for (int j = 0; j < output.Length; j++)
            {
                float z = output[j] + bias[j % weight.Rows];
                output[j] = hidden && z < 0f ? 0f : z;
            }
            activations = output;
        }
        return activations;
    }

    /// <summary>Logits for a batch tensor <c>[batch, features]</c>, returned as a tensor <c>[batch, classes]</c>.</summary>
    public Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        int batch = (int)input.shape[0];
        float[] x;
        using (var cpu = input.detach().to(ScalarType.Float32).cpu().contiguous())
            x = cpu.data<float>().ToArray();
        return tensor(Forward(x, batch), [batch, _layers[^1].Weight.Rows]);
    }
}
