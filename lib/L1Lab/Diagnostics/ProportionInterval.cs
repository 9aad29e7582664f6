using System.Globalization;

namespace L1Lab.Diagnostics;

/// <summary>
/// A proportion with the counts behind it and its 95 % (or other) interval, the way a diagnostic measure is reported:
/// "0.81 (34/42; Wilson 0.67–0.90)". <see cref="Wilson.Interval"/> builds it; <see cref="ConfusionMatrix"/> gives one
/// for sensitivity, specificity, PPV, NPV and accuracy.
/// </summary>
/// <param name="Successes">The numerator (e.g. cancers found).</param>
/// <param name="Total">The denominator (e.g. all cancers). With 0 the estimate is NaN and the interval is 0–1: no information.</param>
/// <param name="Estimate">Successes / Total.</param>
/// <param name="Lower">Lower limit of the interval.</param>
/// <param name="Upper">Upper limit of the interval.</param>
/// <param name="Level">The confidence level, 0.95 for a 95 % interval.</param>
public sealed record ProportionInterval(long Successes, long Total, double Estimate, double Lower, double Upper, double Level = 0.95)
{
    /// <summary>"0.81 (34/42; Wilson 0.67–0.90)"; a level other than 95 % is named ("Wilson 90 % …").</summary>
    public override string ToString() => Format("F2");

    /// <summary>As <see cref="ToString()"/> with the numbers in <paramref name="numberFormat"/> (e.g. "F3", "P1").</summary>
    public string Format(string numberFormat)
    {
        var c = CultureInfo.InvariantCulture;
        string level = Math.Abs(Level - 0.95) < 1e-12 ? "" : $"{Level.ToString("P0", c).Replace(" ", "")} ";
        return $"{Estimate.ToString(numberFormat, c)} ({Successes}/{Total}; Wilson {level}{Lower.ToString(numberFormat, c)}–{Upper.ToString(numberFormat, c)})";
    }
}
