using L1Lab.Selection;

namespace L1Lab.Tests.Selection;

public sealed class StabilitySelectionTests
{
    [Fact]
    public void Half_samples_keep_half_of_each_class_without_repeats_and_depend_only_on_the_seed()
    {
        // Given 10 positives and 31 negatives
        var isPositive = Enumerable.Range(0, 41).Select(i => i % 4 == 0 && i < 40).ToArray();

        var first = StabilitySelection.HalfSamples(isPositive, 20, seed: 7);
        var again = StabilitySelection.HalfSamples(isPositive, 20, seed: 7);
        var other = StabilitySelection.HalfSamples(isPositive, 20, seed: 8);

        Assert.All(first, s =>
        {
            Assert.Equal(s.Length, s.Distinct().Count());
            Assert.Equal(5, s.Count(i => isPositive[i]));
            Assert.Equal(15, s.Count(i => !isPositive[i]));
        });
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.True(first.Distinct(new SequenceComparer()).Count() > 15, "the half-samples should differ from each other");
    }

    sealed class SequenceComparer : IEqualityComparer<long[]>
    {
        public bool Equals(long[]? a, long[]? b) => a!.SequenceEqual(b!);
        public int GetHashCode(long[] s) => s.Aggregate(17, (h, v) => h * 31 + v.GetHashCode());
    }

    [Fact]
    public void Frequencies_count_the_resamples_that_select_each_feature()
    {
        // Given a selector that always picks feature 1 and picks feature 2 only when row 0 is in the half-sample
        var isPositive = Enumerable.Range(0, 20).Select(i => i < 10).ToArray();
        var options = new StabilitySelectionOptions { Resamples = 40, Threshold = 0.6, Seed = 3 };
        var samples = StabilitySelection.HalfSamples(isPositive, options.Resamples, options.Seed);
        int withRowZero = samples.Count(s => s.Contains(0));

        var result = StabilitySelection.Run(4, isPositive, rows => rows.Contains(0) ? [1, 2] : [1], options);

        Assert.Equal([0, 40, withRowZero, 0], result.SelectionCounts);
        Assert.Equal([0.0, 1, withRowZero / 40.0, 0], result.Frequencies);
        Assert.Equal(withRowZero >= 24 ? [1, 2] : [1], result.Stable);
        Assert.Equal(1 + withRowZero / 40.0, result.MeanSelected, 12);
        Assert.Equal(Math.Pow(1 + withRowZero / 40.0, 2) / (0.2 * 4), result.ExpectedFalseSelectionsBound, 12);
    }

    [Fact]
    public void The_logistic_lasso_finds_the_true_features_stable_and_the_noise_unstable()
    {
        // Given 300 rows where only features 0 and 1 carry signal (strongly), 20 features in all
        var generator = new Generator(21);
        var x = randn(300, 20, dtype: ScalarType.Float64, generator: generator);
        var y = (x.select(1, 0) * 3 - x.select(1, 1) * 3 + randn(300, dtype: ScalarType.Float64, generator: generator) * 0.5).gt(0).to_type(ScalarType.Float64);
        double lambda = 0.2 * L1Lab.Models.LogisticLasso.LambdaMax(x, y);

        var result = StabilitySelection.LogisticLasso(x, y, lambda, new StabilitySelectionOptions { Resamples = 30, Threshold = 0.8, Seed = 1 });

        Assert.Equal([0, 1], result.Stable);
        Assert.Equal(1.0, result.Frequencies[0]);
        Assert.True(result.Frequencies.Skip(2).Max() < 0.8);
    }

    [Fact]
    public void A_threshold_of_one_half_or_less_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => StabilitySelection.Run(2, [true, true, false, false], _ => [], new StabilitySelectionOptions { Threshold = 0.5 }));
        Assert.Contains("(0.5, 1]", e.Message, StringComparison.Ordinal);
    }
}
