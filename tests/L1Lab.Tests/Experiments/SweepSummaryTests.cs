using L1Lab.Experiments;
using L1Lab.Training;

namespace L1Lab.Tests.Experiments;

public sealed class SweepSummaryTests
{
    static readonly SweepResult[] Rows =
    [
        new(0, null, 1, 0.90, 0.80, 0, 0.02, 1),
        new(0, null, 2, 0.92, 0.84, 0, 0.02, 3),
        new(1e-3, L1Mode.Proximal, 1, 0.88, 0.82, 0.5, 0.6, 2),
        new(1e-3, L1Mode.Proximal, 2, 0.86, 0.82, 0.7, 0.8, 2),
    ];

    [Fact]
    public void The_summary_averages_each_lambda_and_mode_over_its_seeds()
    {
        var summary = SweepSummary.Of(Rows);

        Assert.Equal(2, summary.Count);
        Assert.Equal((0.0, "none", 2), (summary[0].Lambda, summary[0].ModeName, summary[0].Seeds));
        Assert.Equal(0.82, summary[0].TestAccuracy, 12);
        Assert.Equal(Math.Sqrt(0.0008), summary[0].TestAccuracyStd, 12); // sample sd of 0.80 and 0.84
        Assert.Equal(0.6, summary[1].ZeroFraction, 12);
        Assert.Equal(0.87 - 0.82, summary[1].Gap, 12);
    }
}
