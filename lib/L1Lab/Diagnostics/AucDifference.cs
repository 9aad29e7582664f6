using System.Globalization;

namespace L1Lab.Diagnostics;

/// <summary>
/// The difference between two models' AUCs on the same cases, AUC(A) − AUC(B), with a paired interval and a two-sided
/// p-value (<see cref="DeLong.Compare"/>, <see cref="Bootstrap.PairedAucDifference"/>). Paired, because both models see
/// the same images: an image that is hard for one is usually hard for the other, and ignoring that correlation would
/// make the difference look noisier than it is.
/// </summary>
/// <param name="AucA">AUC of the first model.</param>
/// <param name="AucB">AUC of the second model.</param>
/// <param name="StandardError">Standard error of the difference.</param>
/// <param name="Interval">Interval for AUC(A) − AUC(B); its <see cref="ConfidenceInterval.Method"/> says how it was made.</param>
/// <param name="PValue">Two-sided p-value for "no difference".</param>
public sealed record AucDifference(double AucA, double AucB, double StandardError, ConfidenceInterval Interval, double PValue)
{
    /// <summary>AUC(A) − AUC(B).</summary>
    public double Difference => AucA - AucB;

    /// <summary>
    /// Whether the interval excludes 0: the difference is distinguishable from the noise of this test set at the
    /// interval's level. False does not mean the models are equal, only that this many cases cannot tell them apart.
    /// </summary>
    public bool IsDistinguishableFromNoise => !Interval.Contains(0);

    /// <summary>"−0.060 (95 % CI −0.120 to 0.010, DeLong; p = 0.081)".</summary>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        return $"{Difference.ToString("+0.000;-0.000;0.000", c)} ({Interval.Level.ToString("P0", c)} CI {Interval.Lower.ToString("+0.000;-0.000;0.000", c)} to {Interval.Upper.ToString("+0.000;-0.000;0.000", c)}, {Interval.Method}; p = {PValue.ToString("0.000", c)})";
    }
}
