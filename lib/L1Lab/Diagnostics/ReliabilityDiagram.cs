namespace L1Lab.Diagnostics;

/// <summary>
/// The reliability diagram of predicted probabilities (<see cref="Calibration.Reliability"/>): the non-empty bins, and
/// the expected calibration error that summarises them.
/// </summary>
/// <param name="Bins">The non-empty bins, in order of their edges (the same bins as sklearn's <c>calibration_curve</c>).</param>
/// <param name="BinCount">How many equal-width bins 0–1 was cut into (empty ones are left out of <paramref name="Bins"/>).</param>
public sealed record ReliabilityDiagram(IReadOnlyList<ReliabilityBin> Bins, int BinCount)
{
    /// <summary>
    /// Expected calibration error Σ_b (n_b / N)·|observed_b − predicted_b| (Naeini et al. 2015): the average distance
    /// from the diagonal, weighted by how many cases each bin holds. 0 for a perfectly calibrated model; it depends on
    /// the number of bins, so report that with it.
    /// </summary>
    public double ExpectedCalibrationError
    {
        get
        {
            double total = Bins.Sum(b => (double)b.Count);
            return Bins.Sum(b => b.Count / total * Math.Abs(b.Gap));
        }
    }

    /// <summary>The largest distance of a bin from the diagonal, max_b |observed_b − predicted_b|.</summary>
    public double MaximumCalibrationError => Bins.Max(b => Math.Abs(b.Gap));
}
