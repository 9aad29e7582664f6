namespace L1Lab.Diagnostics;

/// <summary>
/// A receiver operating characteristic curve: one point per distinct score (thresholds from the highest
/// score down), plus (0, 0) at threshold +∞. The last point is always (1, 1). Tied scores move the curve
/// diagonally, which is what makes the trapezoid area equal the Mann–Whitney probability with ties counted ½.
/// </summary>
/// <param name="Points">The points in order of decreasing threshold, from (0, 0) to (1, 1).</param>
public sealed record RocCurve(IReadOnlyList<RocPoint> Points)
{
    /// <summary>
    /// Area under the curve by the trapezoid rule: the probability that a random positive scores above a random
    /// negative (ties count ½). 1 is a perfect ranking, 0.5 a coin, 0 a perfectly inverted one.
    /// </summary>
    public double Auc
    {
        get
        {
            double area = 0;
            for (int i = 1; i < Points.Count; i++)
                area += (Points[i].FalsePositiveRate - Points[i - 1].FalsePositiveRate)
                        * (Points[i].TruePositiveRate + Points[i - 1].TruePositiveRate) / 2;
            return area;
        }
    }
}
