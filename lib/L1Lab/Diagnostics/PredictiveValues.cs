using System.Globalization;

namespace L1Lab.Diagnostics;

/// <summary>
/// Positive and negative predictive value at a stated prevalence, from a test's sensitivity and specificity by Bayes'
/// rule. A sample's own PPV holds only at the sample's case mix (BreastMNIST: about 27 % malignant, a diagnostic
/// series); a screening population has far fewer cancers, and the same test's PPV falls with them. Notebook 07
/// reports both.
/// </summary>
/// <param name="Prevalence">The stated prevalence π, the share of positives in the population the values are for.</param>
/// <param name="Sensitivity">The sensitivity they were computed from, with its Wilson interval.</param>
/// <param name="Specificity">The specificity they were computed from, with its Wilson interval.</param>
/// <param name="PositivePredictiveValue">P(disease | positive call) = se·π / (se·π + (1 − sp)(1 − π)).</param>
/// <param name="NegativePredictiveValue">P(no disease | negative call) = sp(1 − π) / (sp(1 − π) + (1 − se)π).</param>
public sealed record PredictiveValues(double Prevalence, ProportionInterval Sensitivity, ProportionInterval Specificity,
    ConfidenceInterval PositivePredictiveValue, ConfidenceInterval NegativePredictiveValue)
{
    /// <summary>The method named in the intervals: the Wilson limits of sensitivity and specificity pushed through Bayes' rule.</summary>
    public const string Method = "Wilson limits of sens/spec";

    /// <summary>
    /// PPV and NPV at <paramref name="prevalence"/> for the sensitivity and specificity of <paramref name="matrix"/>.
    /// Interval: PPV rises with both sensitivity and specificity, and so does NPV, so each limit is Bayes' rule applied
    /// to the two Wilson limits on the same side (lower PPV from lower sensitivity and lower specificity). Sensitivity
    /// and specificity come from different patients, so both Wilson intervals hold together with probability at least
    /// 0.95² ≈ 0.90; moving both limits at once makes the result conservative in practice. The prevalence is taken as
    /// known (stated, not estimated), so it adds no uncertainty.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="prevalence"/> is not strictly between 0 and 1.</exception>
    public static PredictiveValues At(ConfusionMatrix matrix, double prevalence, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (!(prevalence > 0 && prevalence < 1))
            throw new ArgumentOutOfRangeException(nameof(prevalence), prevalence, "a prevalence must be strictly between 0 and 1 (e.g. 0.005 for 5 per 1,000).");
        var se = matrix.SensitivityInterval(level);
        var sp = matrix.SpecificityInterval(level);
        var ppv = new ConfidenceInterval(Ppv(se.Estimate, sp.Estimate, prevalence), Ppv(se.Lower, sp.Lower, prevalence), Ppv(se.Upper, sp.Upper, prevalence), Method, level);
        var npv = new ConfidenceInterval(Npv(se.Estimate, sp.Estimate, prevalence), Npv(se.Lower, sp.Lower, prevalence), Npv(se.Upper, sp.Upper, prevalence), Method, level);
        return new PredictiveValues(prevalence, se, sp, ppv, npv);
    }

    /// <summary>Bayes' rule for PPV: se·π / (se·π + (1 − sp)(1 − π)); NaN when nothing is called positive (se = 0 and sp = 1).</summary>
    public static double Ppv(double sensitivity, double specificity, double prevalence)
    {
        double truePositive = sensitivity * prevalence, falsePositive = (1 - specificity) * (1 - prevalence);
        return truePositive + falsePositive == 0 ? double.NaN : truePositive / (truePositive + falsePositive);
    }

    /// <summary>Bayes' rule for NPV: sp(1 − π) / (sp(1 − π) + (1 − se)π); NaN when nothing is called negative.</summary>
    public static double Npv(double sensitivity, double specificity, double prevalence)
    {
        double trueNegative = specificity * (1 - prevalence), falseNegative = (1 - sensitivity) * prevalence;
        return trueNegative + falseNegative == 0 ? double.NaN : trueNegative / (trueNegative + falseNegative);
    }

    /// <summary>"at prevalence 0.50 %: PPV 0.02 (Wilson limits of sens/spec 0.01–0.03), NPV 1.00 (… 0.99–1.00)".</summary>
    public override string ToString() =>
        $"at prevalence {Prevalence.ToString("P2", CultureInfo.InvariantCulture)}: PPV {PositivePredictiveValue.Format("F3")}, NPV {NegativePredictiveValue.Format("F3")}";
}
