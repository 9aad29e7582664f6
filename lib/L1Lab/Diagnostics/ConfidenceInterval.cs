using System.Globalization;

namespace L1Lab.Diagnostics;

/// <summary>
/// An estimate with a confidence interval and the name of the method that produced it ("DeLong", "bootstrap",
/// "Wilson limits"), so a reader of "0.82 (DeLong 0.75–0.89)" knows what the interval claims.
/// </summary>
/// <param name="Estimate">The point estimate.</param>
/// <param name="Lower">Lower limit.</param>
/// <param name="Upper">Upper limit.</param>
/// <param name="Method">How the interval was computed, in a few words.</param>
/// <param name="Level">The confidence level, 0.95 for a 95 % interval.</param>
public sealed record ConfidenceInterval(double Estimate, double Lower, double Upper, string Method, double Level = 0.95)
{
    /// <summary>Whether <paramref name="value"/> lies within the interval (limits included).</summary>
    public bool Contains(double value) => Lower <= value && value <= Upper;

    /// <summary>Upper − Lower.</summary>
    public double Width => Upper - Lower;

    /// <summary>"0.82 (DeLong 0.75–0.89)"; a level other than 95 % is named.</summary>
    public override string ToString() => Format("F2");

    /// <summary>As <see cref="ToString()"/> with the numbers in <paramref name="numberFormat"/> (e.g. "F3", "P1").</summary>
    public string Format(string numberFormat)
    {
        var c = CultureInfo.InvariantCulture;
        string level = Math.Abs(Level - 0.95) < 1e-12 ? "" : $"{Level.ToString("P0", c).Replace(" ", "")} ";
        return $"{Estimate.ToString(numberFormat, c)} ({Method} {level}{Lower.ToString(numberFormat, c)}–{Upper.ToString(numberFormat, c)})";
    }
}
