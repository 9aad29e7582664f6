namespace L1Lab.Sparse;

/// <summary>Median time of one forward pass over a batch, dense (TorchSharp) and CSR (<see cref="SparseMlp"/>).</summary>
/// <param name="Batch">Images per forward pass.</param>
/// <param name="Sparsity">Fraction of the model's weights that are exactly zero.</param>
/// <param name="DenseMicroseconds">Median µs of the dense model's forward pass.</param>
/// <param name="SparseMicroseconds">Median µs of the CSR model's forward pass.</param>
public sealed record InferenceTiming(int Batch, double Sparsity, double DenseMicroseconds, double SparseMicroseconds)
{
    /// <summary>How many times faster the CSR pass is (below 1: slower).</summary>
    public double Speedup => DenseMicroseconds / SparseMicroseconds;
}
