using L1Lab.Diagnostics;
using L1Lab.Visuals;

namespace L1Lab.Tests.Visuals;

public sealed class DiagnosticChartsTests
{
    [Fact]
    public void The_precision_recall_chart_draws_the_steps_average_precision_sums_and_the_prevalence_line()
    {
        // Points (R ½, P 1), (R ½, P ½), (R 1, P ⅔), (R 1, P ½): steps 0→½ at 1, ½→½ at ½, ½→1 at ⅔, 1→1 at ½.
        var curve = BinaryMetrics.PrecisionRecall([0.9, 0.8, 0.7, 0.6], [true, false, true, false]);

        var figure = PrecisionRecallChart.Of("PR", ("model", curve));

        var steps = Assert.IsType<LineSeries>(figure.Series[0]);
        Assert.Equal([0, 0.5, 0.5, 0.5, 0.5, 1, 1, 1], steps.X);
        Assert.Equal([1, 1, 0.5, 0.5, 2 / 3.0, 2 / 3.0, 0.5, 0.5], steps.Y);
        Assert.Contains("AP 0.833", steps.Name);
        var chance = Assert.IsType<LineSeries>(figure.Series[1]);
        Assert.Equal([0.5, 0.5], chance.Y);
    }

    [Fact]
    public void The_reliability_chart_has_a_point_and_a_Wilson_bar_per_bin_and_the_diagonal()
    {
        var diagram = Calibration.Reliability(new BinaryScores([0.1, 0.3, 0.35, 0.8, 0.9], [false, false, true, true, true]), bins: 5);

        var figure = ReliabilityChart.Of("Calibration", ("model", diagram));

        var points = Assert.IsType<LineSeries>(figure.Series[0]);
        var bars = Assert.IsType<LineSeries>(figure.Series[1]);
        Assert.Equal(diagram.Bins.Count, points.X.Count);
        Assert.Equal(3 * diagram.Bins.Count, bars.X.Count);
        Assert.Equal(diagram.Bins[1].Observed.Lower, bars.Y[3]);
        Assert.Equal(diagram.Bins[1].Observed.Upper, bars.Y[4]);
        Assert.True(double.IsNaN(bars.Y[5]));
        Assert.Equal("perfect calibration", figure.Series[^1].Name);
        Assert.Contains("ECE", points.Name);
    }

    [Fact]
    public void A_chart_without_curves_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PrecisionRecallChart.Of("PR"));
        Assert.Throws<ArgumentException>(() => ReliabilityChart.Of("Calibration"));
    }
}
