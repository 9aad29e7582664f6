namespace L1Lab.Diagnostics;

/// <summary>An AUC with DeLong's variance (<see cref="DeLong.Auc"/>) and the normal-approximation interval built from it.</summary>
/// <param name="Auc">The Mann–Whitney AUC (ties ½), the same number as <see cref="RocCurve.Auc"/>.</param>
/// <param name="Variance">DeLong's estimate of the AUC's variance, S₁₀/m + S₀₁/n.</param>
/// <param name="Positives">m, the number of positive cases.</param>
/// <param name="Negatives">n, the number of negative cases.</param>
/// <param name="Level">The confidence level of <see cref="Interval"/>.</param>
public sealed record DeLongAuc(double Auc, double Variance, long Positives, long Negatives, double Level = 0.95)
{
    /// <summary>The standard error √Variance.</summary>
    public double StandardError => Math.Sqrt(Variance);

    /// <summary>AUC ± z·SE, clipped to 0–1 (the normal approximation can step outside near a perfect score).</summary>
    public ConfidenceInterval Interval
    {
        get
        {
            double half = StandardNormal.TwoSidedZ(Level) * StandardError;
            return new ConfidenceInterval(Auc, Math.Max(0, Auc - half), Math.Min(1, Auc + half), "DeLong", Level);
        }
    }

    /// <summary>"0.82 (DeLong 0.75–0.89)".</summary>
    public override string ToString() => Interval.ToString();
}
