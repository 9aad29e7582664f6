using static TorchSharp.torch;

namespace L1Lab.Sparse;

/// <summary>
/// A weight matrix in compressed sparse row (CSR) form: only the nonzero weights are stored, each with its column,
/// and <see cref="RowStart"/> says where every row's run begins. This is what exact zeros from proximal L1 buy
/// at inference: less to store and, when few enough weights are left, less to multiply (notebook 08).
/// </summary>
public sealed class CsrMatrix
{
    /// <summary>Rows of the matrix (output features of a linear layer).</summary>
    public int Rows { get; }
    /// <summary>Columns of the matrix (input features of a linear layer).</summary>
    public int Columns { get; }
    /// <summary>The nonzero weights, row by row.</summary>
    public float[] Values { get; }
    /// <summary>The column of each value in <see cref="Values"/>.</summary>
    public int[] ColumnIndex { get; }
    /// <summary>Row r's values are <c>Values[RowStart[r] .. RowStart[r + 1]]</c>; length <see cref="Rows"/> + 1.</summary>
    public int[] RowStart { get; }

    CsrMatrix(int rows, int columns, float[] values, int[] columnIndex, int[] rowStart) =>
        (Rows, Columns, Values, ColumnIndex, RowStart) = (rows, columns, values, columnIndex, rowStart);

    /// <summary>Keeps the entries of a 2-D float tensor that are not exactly zero.</summary>
    public static CsrMatrix FromDense(Tensor weight)
    {
        ArgumentNullException.ThrowIfNull(weight);
        if (weight.dim() != 2) throw new ArgumentException($"A CSR matrix needs a 2-D tensor (got {weight.dim()}-D).", nameof(weight));
        int rows = (int)weight.shape[0], columns = (int)weight.shape[1];
        float[] dense;
        using (var cpu = weight.detach().to(ScalarType.Float32).cpu().contiguous())
            dense = cpu.data<float>().ToArray();

        var values = new List<float>();
        var columnIndex = new List<int>();
        var rowStart = new int[rows + 1];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                float w = dense[r * columns + c];
                if (w == 0f) continue;
                values.Add(w);
                columnIndex.Add(c);
            }
            rowStart[r + 1] = values.Count;
        }
        return new CsrMatrix(rows, columns, values.ToArray(), columnIndex.ToArray(), rowStart);
    }

    /// <summary>Number of stored (nonzero) weights.</summary>
    public int NonZeros => Values.Length;

    /// <summary>Fraction of the matrix that is exactly zero.</summary>
    public double Sparsity => 1.0 - (double)NonZeros / ((long)Rows * Columns);

    /// <summary>Bytes of the dense float32 matrix: 4 per entry.</summary>
    public long DenseBytes => 4L * Rows * Columns;

    /// <summary>Bytes of this form: 4 per value, 4 per column index, 4 per row start.</summary>
    public long StorageBytes => 4L * Values.Length + 4L * ColumnIndex.Length + 4L * RowStart.Length;

    /// <summary>
    /// <c>output = input · Wᵀ</c> for a row-major batch, as a linear layer computes it (bias not added):
    /// <paramref name="input"/> holds <paramref name="batch"/> rows of <see cref="Columns"/> values,
    /// <paramref name="output"/> receives <paramref name="batch"/> rows of <see cref="Rows"/>. Only stored
    /// weights are touched, so the work is proportional to <see cref="NonZeros"/> × batch.
    /// </summary>
    public void Multiply(ReadOnlySpan<float> input, int batch, Span<float> output)
    {
        if (input.Length != batch * Columns) throw new ArgumentException($"input must hold {batch} × {Columns} values (got {input.Length}).", nameof(input));
        if (output.Length != batch * Rows) throw new ArgumentException($"output must hold {batch} × {Rows} values (got {output.Length}).", nameof(output));
        for (int b = 0; b < batch; b++)
        {
            var x = input.Slice(b * Columns, Columns);
            var y = output.Slice(b * Rows, Rows);
            for (int r = 0; r < Rows; r++)
            {
                float sum = 0f;
                for (int k = RowStart[r]; k < RowStart[r + 1]; k++)
                    sum += Values[k] * x[ColumnIndex[k]];
                y[r] = sum;
            }
        }
    }
}
