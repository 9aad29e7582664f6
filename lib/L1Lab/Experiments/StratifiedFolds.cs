namespace L1Lab.Experiments;

/// <summary>
/// Stratified K-fold splitting: each fold gets the same share of every class (up to one image), so every fold of a
/// data set with about a quarter malignant images also has about a quarter malignant. With plain random folds
/// (<see cref="CrossValidation.Folds"/>) a small fold can hold too few cancers to estimate sensitivity or AUC.
/// Notebook 07 chooses λ and the decision threshold with it.
/// </summary>
public static class StratifiedFolds
{
    /// <summary>
    /// Splits indices 0 … N − 1 of <paramref name="labels"/> into <paramref name="k"/> disjoint folds covering each index
    /// once. Each class's indices are shuffled (seeded) and dealt to the folds in turn, the deal carrying on across
    /// classes, so per class and in total fold sizes differ by at most one. Each fold's indices are sorted ascending;
    /// the same seed always gives the same folds.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> &lt; 2 or more folds than labels.</exception>
    public static IReadOnlyList<long[]> Split(IReadOnlyList<long> labels, int k, long seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(labels.Count, k, nameof(labels));
        var random = new Random(unchecked((int)(seed ^ (seed >> 32))));
        var folds = Enumerable.Range(0, k).Select(_ => new List<long>()).ToArray();
        int next = 0;
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            var members = group.Select(i => (long)i).ToArray();
            random.Shuffle(members);
            foreach (var index in members)
            {
                folds[next].Add(index);
                next = (next + 1) % k;
            }
        }
        return folds.Select(f => f.Order().ToArray()).ToArray();
    }
}
