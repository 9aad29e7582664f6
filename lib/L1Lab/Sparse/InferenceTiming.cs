namespace L1Lab.Sparse;

/// <summary>
/// Median time of one forward pass over a batch, dense (TorchSharp) and sparse: CSR (<see cref="SparseMlp"/>) for an MLP,
/// the rebuilt smaller network (<see cref="Models.Cnn.Pruned"/>) for a CNN.
/// </summary>
/// <param name="Batch">Images per forward pass.</param>
/// <param name="Sparsity">Fraction of the model's weights that are exactly zero.</param>
/// <param name="DenseMicroseconds">Median µs of the dense model's forward pass.</param>
/// <param name="SparseMicroseconds">Median µs of the sparse (CSR or pruned) model's forward pass.</param>
public sealed record InferenceTiming(int Batch, double Sparsity, double DenseMicroseconds, double SparseMicroseconds)
{
    /// <summary>How many times faster the sparse pass is (below 1: slower).</summary>
    public double Speedup => DenseMicroseconds / SparseMicroseconds;
}
