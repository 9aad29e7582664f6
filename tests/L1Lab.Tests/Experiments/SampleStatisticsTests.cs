using L1Lab.Experiments;

namespace L1Lab.Tests.Experiments;

public sealed class SampleStatisticsTests
{
    [Fact]
    public void StandardDeviation_divides_by_n_minus_one()
    {
        // Given 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32
        double[] values = [2, 4, 4, 4, 5, 5, 7, 9];

        // Then the sample standard deviation is √(32 / 7), not √(32 / 8) = 2
        Assert.Equal(Math.Sqrt(32.0 / 7), SampleStatistics.StandardDeviation(values), 1e-12);
    }

    [Fact]
    public void StandardDeviation_of_fewer_than_two_values_is_zero()
    {
        Assert.Equal(0, SampleStatistics.StandardDeviation([]));
        Assert.Equal(0, SampleStatistics.StandardDeviation([0.9]));
    }
}
