using static TorchSharp.torch;

namespace L1Lab;

/// <summary>
/// The check every notebook makes after building something by hand: "ours equals the reference" (micrograd's
/// <c>cmp(name, ours, reference)</c>). It reports whether two tensors are bit-for-bit equal and their largest absolute
/// difference, and stops the notebook when that difference is larger than the tolerance, so a wrong formula cannot
/// pass unnoticed. Notebooks 01 and 02 introduce it.
/// </summary>
public static class Compare
{
    /// <summary>
    /// Compares <paramref name="ours"/> with <paramref name="reference"/> in float64 and returns the comparison (its
    /// <see cref="TensorComparison.ToString"/> is the one line a notebook prints). Neither tensor is modified.
    /// </summary>
    /// <exception cref="InvalidOperationException">The shapes differ, or max |ours − reference| exceeds
    /// <paramref name="tolerance"/> (NaN always does).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tolerance"/> is negative or NaN.</exception>
    public static TensorComparison Tensors(string name, Tensor ours, Tensor reference, double tolerance = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(reference);
        if (!(tolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance must be zero or positive.");
        if (!ours.shape.SequenceEqual(reference.shape))
            throw new InvalidOperationException(
                $"{name}: shapes differ, [{string.Join(", ", ours.shape)}] (ours) vs [{string.Join(", ", reference.shape)}] (reference)");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        bool exact = ours.dtype == reference.dtype && ours.eq(reference).all().item<bool>();
        double maxDifference = ours.numel() == 0 ? 0 : (ours.detach().to(float64) - reference.detach().to(float64)).abs().max().item<double>();
        if (!(maxDifference <= tolerance))
            throw new InvalidOperationException($"{name}: max |ours − reference| = {maxDifference:g3} exceeds {tolerance:g3}");
        return new TensorComparison(name, exact, maxDifference, tolerance);
    }
}
