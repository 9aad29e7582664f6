namespace L1Lab.Diagnostics;

/// <summary>
/// One bin of a reliability diagram: the cases whose predicted probability falls in (<paramref name="Lower"/>,
/// <paramref name="Upper"/>] (the first bin also takes 0), their mean prediction and the share that were actually
/// positive, with its Wilson interval. A calibrated model's bins lie on the diagonal: of the cases it gives 0.3,
/// about 30 % are positive.
/// </summary>
/// <param name="Lower">Lower edge of the bin.</param>
/// <param name="Upper">Upper edge of the bin.</param>
/// <param name="MeanPredicted">Mean predicted probability of the cases in the bin.</param>
/// <param name="Observed">Positives among the cases in the bin, with counts and Wilson interval.</param>
public sealed record ReliabilityBin(double Lower, double Upper, double MeanPredicted, ProportionInterval Observed)
{
    /// <summary>Number of cases in the bin.</summary>
    public long Count => Observed.Total;

    /// <summary>Observed share of positives minus mean prediction: positive when the model under-predicts.</summary>
    public double Gap => Observed.Estimate - MeanPredicted;
}
