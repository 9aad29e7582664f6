namespace L1Lab.Diagnostics;

/// <summary>One point of a precision–recall curve: calling every score ≥ <paramref name="Threshold"/> positive gives these rates.</summary>
/// <param name="Threshold">The decision threshold.</param>
/// <param name="Recall">TP / positives (sensitivity), the x coordinate.</param>
/// <param name="Precision">TP / (TP + FP) (PPV at the sample's prevalence), the y coordinate.</param>
public sealed record PrecisionRecallPoint(double Threshold, double Recall, double Precision);
