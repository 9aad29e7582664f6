namespace L1Lab;

/// <summary>The outcome of <see cref="Compare.Tensors"/>: a comparison that passed its tolerance.</summary>
/// <param name="Name">What was compared, e.g. "by hand vs Losses.CrossEntropy".</param>
/// <param name="Exact">Whether the two tensors are bit-for-bit equal (same dtype and values).</param>
/// <param name="MaxAbsDifference">The largest |ours − reference|, computed in float64.</param>
/// <param name="Tolerance">The largest difference the comparison accepted.</param>
public sealed record TensorComparison(string Name, bool Exact, double MaxAbsDifference, double Tolerance)
{
    /// <summary>One line: the name, whether the tensors are exactly equal, and the largest difference.</summary>
    public override string ToString() => $"{Name,-46} exact: {Exact,-5}  max abs diff: {MaxAbsDifference:g3}";
}
