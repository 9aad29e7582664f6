using L1Lab.Diagnostics;

namespace L1Lab.Tests.Diagnostics;

public sealed class PredictiveValuesTests
{
    static readonly ConfusionMatrix Matrix = new(TruePositives: 34, FalsePositives: 20, TrueNegatives: 94, FalseNegatives: 8);

    [Fact]
    public void At_the_sample_prevalence_Bayes_gives_back_the_observed_PPV_and_NPV()
    {
        var values = PredictiveValues.At(Matrix, Matrix.Prevalence);

        Assert.Equal(Matrix.PositivePredictiveValue, values.PositivePredictiveValue.Estimate, 12);
        Assert.Equal(Matrix.NegativePredictiveValue, values.NegativePredictiveValue.Estimate, 12);
    }

    [Fact]
    public void A_screening_prevalence_worked_by_hand()
    {
        // se = 0.9, sp = 0.8, π = 0.01: PPV = 0.009 / (0.009 + 0.198) = 0.04348; NPV = 0.792 / (0.792 + 0.001) = 0.99874.
        Assert.Equal(0.009 / 0.207, PredictiveValues.Ppv(0.9, 0.8, 0.01), 14);
        Assert.Equal(0.792 / 0.793, PredictiveValues.Npv(0.9, 0.8, 0.01), 14);
        Assert.True(double.IsNaN(PredictiveValues.Ppv(0, 1, 0.3)), "nothing called positive: PPV undefined");
    }

    [Fact]
    public void The_limits_are_the_extremes_of_Bayes_rule_over_the_two_Wilson_intervals_found_by_grid_search()
    {
        foreach (var prevalence in new[] { 0.005, 0.05, 0.27, 0.8 })
        {
            var values = PredictiveValues.At(Matrix, prevalence);
            var se = Matrix.SensitivityInterval();
            var sp = Matrix.SpecificityInterval();
            double ppvMin = double.MaxValue, ppvMax = double.MinValue, npvMin = double.MaxValue, npvMax = double.MinValue;
            for (int i = 0; i <= 200; i++)
                for (int j = 0; j <= 200; j++)
                {
                    double s = se.Lower + (se.Upper - se.Lower) * i / 200, p = sp.Lower + (sp.Upper - sp.Lower) * j / 200;
                    double ppv = PredictiveValues.Ppv(s, p, prevalence), npv = PredictiveValues.Npv(s, p, prevalence);
                    (ppvMin, ppvMax, npvMin, npvMax) = (Math.Min(ppvMin, ppv), Math.Max(ppvMax, ppv), Math.Min(npvMin, npv), Math.Max(npvMax, npv));
                }

            TensorAssert.Close($"PPV lower at {prevalence}", values.PositivePredictiveValue.Lower, ppvMin, atol: 1e-12);
            TensorAssert.Close($"PPV upper at {prevalence}", values.PositivePredictiveValue.Upper, ppvMax, atol: 1e-12);
            TensorAssert.Close($"NPV lower at {prevalence}", values.NegativePredictiveValue.Lower, npvMin, atol: 1e-12);
            TensorAssert.Close($"NPV upper at {prevalence}", values.NegativePredictiveValue.Upper, npvMax, atol: 1e-12);
            Assert.True(values.PositivePredictiveValue.Contains(values.PositivePredictiveValue.Estimate));
            Assert.Equal(PredictiveValues.Method, values.PositivePredictiveValue.Method);
        }
    }

    [Fact]
    public void PPV_falls_with_prevalence_and_NPV_rises()
    {
        var rare = PredictiveValues.At(Matrix, 0.005);
        var common = PredictiveValues.At(Matrix, 0.27);

        Assert.True(rare.PositivePredictiveValue.Estimate < common.PositivePredictiveValue.Estimate / 10);
        Assert.True(rare.NegativePredictiveValue.Estimate > common.NegativePredictiveValue.Estimate);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(27.0)]
    public void A_prevalence_outside_zero_one_is_refused(double prevalence)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PredictiveValues.At(Matrix, prevalence));
        Assert.Contains("strictly between 0 and 1", error.Message);
    }
}
