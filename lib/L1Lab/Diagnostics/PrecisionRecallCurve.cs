namespace L1Lab.Diagnostics;

/// <summary>
/// A precision–recall curve: one point per distinct score from the highest down (all cases with that score switch to
/// "positive" together). Where positives are rare it shows what the ROC curve hides: how many false alarms come with
/// each cancer found. Its chance level is the prevalence, not 0.5.
/// </summary>
/// <param name="Points">The points in order of decreasing threshold (increasing recall).</param>
/// <param name="Prevalence">The share of positives, the precision of a score that knows nothing.</param>
public sealed record PrecisionRecallCurve(IReadOnlyList<PrecisionRecallPoint> Points, double Prevalence)
{
    /// <summary>
    /// Average precision Σₖ (Rₖ − Rₖ₋₁)·Pₖ over the points (R₀ = 0): the precision at each threshold weighted by the
    /// recall it adds, a step function with no interpolation, as sklearn's <c>average_precision_score</c> defines it
    /// (trapezoids would be optimistic for a PR curve).
    /// </summary>
    public double AveragePrecision
    {
        get
        {
            double ap = 0, previousRecall = 0;
            foreach (var point in Points)
            {
                ap += (point.Recall - previousRecall) * point.Precision;
                previousRecall = point.Recall;
            }
            return ap;
        }
    }
}
