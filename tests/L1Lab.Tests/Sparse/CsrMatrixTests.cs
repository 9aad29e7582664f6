using L1Lab.Models;
using L1Lab.Sparse;

namespace L1Lab.Tests.Sparse;

public sealed class CsrMatrixTests
{
    [Fact]
    public void FromDense_keeps_exactly_the_nonzero_entries_row_by_row()
    {
        // Given [[0, 2, 0], [0, 0, 0], [-1, 0, 3]]
        using var weight = tensor(new float[] { 0, 2, 0, 0, 0, 0, -1, 0, 3 }).view(3, 3);

        // When
        var csr = CsrMatrix.FromDense(weight);

        // Then values, their columns and the row starts are the textbook CSR arrays
        Assert.Equal([2f, -1f, 3f], csr.Values);
        Assert.Equal([1, 0, 2], csr.ColumnIndex);
        Assert.Equal([0, 1, 1, 3], csr.RowStart);
        Assert.Equal(3, csr.NonZeros);
        TensorAssert.Close("sparsity", csr.Sparsity, 6.0 / 9.0);
    }

    [Fact]
    public void Storage_counts_4_bytes_per_value_column_index_and_row_start()
    {
        // Given a 256 × 784 matrix with exactly 1,000 nonzeros
        using var weight = zeros(256, 784);
        using (var flat = weight.view(-1)) flat.narrow(0, 0, 1000).fill_(0.5f);

        // When
        var csr = CsrMatrix.FromDense(weight);

        // Then dense is 4·256·784 bytes and CSR is 4·(1,000 + 1,000 + 257)
        Assert.Equal(4L * 256 * 784, csr.DenseBytes);
        Assert.Equal(4L * (1000 + 1000 + 257), csr.StorageBytes);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void Multiply_equals_the_dense_product_with_the_transposed_weight(int batch)
    {
        // Given a random 20 × 30 weight with about 80 % of its entries set to exact zero, and a random batch
        using var scope = NewDisposeScope();
        var generator = new Generator(7);
        var weight = randn(20, 30, generator: generator);
        weight.mul_(rand(20, 30, generator: generator).gt(0.8f));
        var input = randn(batch, 30, generator: generator);
        var csr = CsrMatrix.FromDense(weight);

        // When
        var output = new float[batch * 20];
        csr.Multiply(input.data<float>().ToArray(), batch, output);

        // Then it matches TorchSharp's dense x·Wᵀ
        TensorAssert.Close("csr product", tensor(output).view(batch, 20), input.matmul(weight.t()), atol: 1e-5);
    }

    [Fact]
    public void Multiply_names_the_expected_size_of_a_wrong_input()
    {
        using var weight = ones(2, 3);
        var csr = CsrMatrix.FromDense(weight);

        var error = Assert.Throws<ArgumentException>(() => csr.Multiply(new float[5], 2, new float[4]));

        Assert.Contains("2 × 3", error.Message);
    }

    [Fact]
    public void SparseMlp_gives_the_dense_models_logits_after_pruning()
    {
        // Given the articles' MLP with 90 % of every weight matrix zeroed
        using var scope = NewDisposeScope();
        using var model = Mlp.Create([784, 256, 10], seed: 3);
        using (no_grad())
        {
            var generator = new Generator(11);
            foreach (var layer in model.Layers)
                layer.weight!.mul_(rand(layer.weight.shape, generator: generator).gt(0.9f));
        }
        var input = rand(5, 784, generator: new Generator(5));

        // When
        var sparse = SparseMlp.From(model);
        model.eval();
        var dense = model.forward(input);

        // Then the logits agree and the CSR form is smaller than the dense one
        TensorAssert.Close("sparse logits", sparse.Forward(input), dense, atol: 1e-5);
        Assert.True(sparse.StorageBytes < sparse.DenseBytes / 3, $"{sparse.StorageBytes} vs {sparse.DenseBytes}");
        Assert.InRange(sparse.Weights[0].Sparsity, 0.88, 0.92);
    }
}
