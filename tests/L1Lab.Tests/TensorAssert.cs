namespace L1Lab.Tests;

/// <summary>
/// micrograd's <c>cmp(name, ours, reference)</c>: compares our tensor with a reference implementation
/// and puts the exact-equality flag and the max-abs difference in the assertion message.
/// </summary>
static class TensorAssert
{
    /// <summary>One line: name, whether the tensors are bit-for-bit equal, and the largest |ours − reference|.</summary>
    public static string Describe(string name, Tensor ours, Tensor reference)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var sameShape = ours.shape.SequenceEqual(reference.shape);
        var exact = sameShape && ours.dtype == reference.dtype && ours.eq(reference).all().item<bool>();
        var maxDiff = sameShape ? MaxAbsDifference(ours, reference) : double.NaN;
        return $"{name,-28} | exact: {exact,-5} | maxdiff: {maxDiff:E3} | shapes [{string.Join(", ", ours.shape)}] vs [{string.Join(", ", reference.shape)}]";
    }

    /// <summary>Asserts same shape and |ours − reference| ≤ atol + rtol·|reference| everywhere (NaN fails).</summary>
    public static void Close(string name, Tensor ours, Tensor reference, double atol = 1e-6, double rtol = 0)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var message = Describe(name, ours, reference);
        Assert.True(ours.shape.SequenceEqual(reference.shape), message);
        var a = ours.detach().to(float64);
        var b = reference.detach().to(float64);
        var ok = ((a - b).abs() <= atol + rtol * b.abs()).all().item<bool>();
        Assert.True(ok, message);
    }

    /// <summary>Asserts the tensors are bit-for-bit equal (same shape, dtype and values).</summary>
    public static void Exact(string name, Tensor ours, Tensor reference)
    {
        using var scope = NewDisposeScope();
        var exact = ours.shape.SequenceEqual(reference.shape) && ours.dtype == reference.dtype && ours.eq(reference).all().item<bool>();
        Assert.True(exact, Describe(name, ours, reference));
    }

    /// <summary>Scalar version: asserts |ours − reference| ≤ atol (NaN fails).</summary>
    public static void Close(string name, double ours, double reference, double atol = 1e-6)
    {
        var diff = Math.Abs(ours - reference);
        Assert.True(diff <= atol, $"{name,-28} | exact: {ours == reference,-5} | maxdiff: {diff:E3} | ours {ours:R} vs reference {reference:R}");
    }

    static double MaxAbsDifference(Tensor ours, Tensor reference) =>
        ours.numel() == 0 ? 0 : (ours.detach().to(float64) - reference.detach().to(float64)).abs().max().item<double>();
}
