namespace L1Lab.Diagnostics;

/// <summary>One point of a ROC curve: calling every score ≥ <paramref name="Threshold"/> positive gives these rates.</summary>
/// <param name="Threshold">The decision threshold (+∞ for the (0, 0) point where nothing is called positive).</param>
/// <param name="FalsePositiveRate">FP / negatives, the x coordinate (1 − specificity).</param>
/// <param name="TruePositiveRate">TP / positives, the y coordinate (sensitivity).</param>
public sealed record RocPoint(double Threshold, double FalsePositiveRate, double TruePositiveRate);
