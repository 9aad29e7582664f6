using L1Lab.Experiments;

namespace L1Lab.Tests.Experiments;

public sealed class StratifiedFoldsTests
{
    // 42 of 156 positive (class 0), as in BreastMNIST's test split, in a scrambled order.
    static readonly long[] Labels = Enumerable.Range(0, 156).Select(i => (i * 37 % 156) < 42 ? 0L : 1L).ToArray();

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(10)]
    public void Every_index_is_in_exactly_one_fold_and_every_fold_has_each_class_within_one(int k)
    {
        var folds = StratifiedFolds.Split(Labels, k, seed: 1);

        Assert.Equal(k, folds.Count);
        Assert.Equal(Enumerable.Range(0, Labels.Length).Select(i => (long)i), folds.SelectMany(f => f).Order());
        foreach (var label in new[] { 0L, 1L })
        {
            var perFold = folds.Select(f => f.Count(i => Labels[i] == label)).ToArray();
            Assert.True(perFold.Max() - perFold.Min() <= 1, $"class {label}: {string.Join(", ", perFold)}");
        }
        Assert.True(folds.Max(f => f.Length) - folds.Min(f => f.Length) <= 1);
        Assert.All(folds, f => Assert.Equal(f.Order(), f));
    }

    [Fact]
    public void The_same_seed_gives_the_same_folds_and_another_seed_others()
    {
        var first = StratifiedFolds.Split(Labels, 5, seed: 7);

        Assert.Equal(first, StratifiedFolds.Split(Labels, 5, seed: 7));
        Assert.NotEqual(first[0], StratifiedFolds.Split(Labels, 5, seed: 8)[0]);
    }

    [Fact]
    public void Fewer_than_two_folds_or_more_folds_than_labels_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedFolds.Split(Labels, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedFolds.Split([0L, 1L], 3, 0));
    }
}
