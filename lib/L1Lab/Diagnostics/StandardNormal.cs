namespace L1Lab.Diagnostics;

/// <summary>
/// The standard normal distribution's cumulative distribution function and its inverse, which every interval here
/// needs: z = 1.96 for a 95 % Wilson or DeLong interval, and Φ(−|z|) for a two-sided p-value. Accurate to about
/// 1e−13 (relative), so the intervals match statsmodels and scipy to printing precision.
/// </summary>
public static class StandardNormal
{
    /// <summary>Φ(x) = P(Z ≤ x) for Z ~ N(0, 1).</summary>
    public static double Cdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    /// <summary>
    /// The quantile Φ⁻¹(p): the x with P(Z ≤ x) = p. <c>Quantile(0.975)</c> = 1.959963984540054, the z of a
    /// two-sided 95 % interval.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not strictly between 0 and 1.</exception>
    public static double Quantile(double p)
    {
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "a quantile needs a probability strictly between 0 and 1.");
        // Acklam's rational approximation (relative error 1.15e−9), then two Halley steps on the exact CDF.
        double x;
        const double low = 0.02425;
        if (p < low)
        {
            double q = Math.Sqrt(-2 * Math.Log(p));
            x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }
        else if (p <= 1 - low)
        {
            double q = p - 0.5, r = q * q;
            x = (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
        }
        else
        {
            double q = Math.Sqrt(-2 * Math.Log(1 - p));
            x = -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }
        for (int step = 0; step < 2; step++)
        {
            double e = Cdf(x) - p;
            double u = e * Math.Sqrt(2 * Math.PI) * Math.Exp(x * x / 2);
            x -= u / (1 + x * u / 2);
        }
        return x;
    }

    /// <summary>The z of a two-sided interval at <paramref name="level"/> (0.95 → 1.96).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not strictly between 0 and 1.</exception>
    public static double TwoSidedZ(double level)
    {
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "a confidence level must be strictly between 0 and 1 (e.g. 0.95).");
        return Quantile(1 - (1 - level) / 2);
    }

    /// <summary>The two-sided p-value of a standard normal statistic: 2·Φ(−|z|).</summary>
    public static double TwoSidedP(double z) => double.IsNaN(z) ? double.NaN : Math.Min(1, 2 * Cdf(-Math.Abs(z)));

    // erfc: the Maclaurin series of erf where it converges quickly, Lentz's continued fraction in the tails.
    static double Erfc(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x < 0) return 2 - Erfc(-x);
        if (x < 1.5)
        {
            double sum = x, term = x, x2 = x * x;
            for (int n = 1; n < 200; n++)
            {
                term *= -x2 / n;
                double add = term / (2 * n + 1);
                sum += add;
                if (Math.Abs(add) < 1e-17 * Math.Abs(sum)) break;
            }
            return 1 - 2 / Math.Sqrt(Math.PI) * sum;
        }
        if (x > 27) return 0;
        // erfc(x) = exp(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))).
        const double tiny = 1e-300;
        double f = x, c = x, d = 0;
        for (int k = 1; k < 500; k++)
        {
            double a = k / 2.0;
            d = x + a * d; if (Math.Abs(d) < tiny) d = tiny; d = 1 / d;
            c = x + a / c; if (Math.Abs(c) < tiny) c = tiny;
            double delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }
        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / f;
    }

    static readonly double[] A = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
    static readonly double[] B = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
    static readonly double[] C = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
    static readonly double[] D = [7.784695709100402e-03, 3.223907427300970e-01, 2.445134137142996e+00, 3.754408661907416e+00];
}
