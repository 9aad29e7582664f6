using L1Lab.Models;
using static TorchSharp.torch;

namespace L1Lab.Selection;

/// <summary>
/// Stability selection (Meinshausen and Bühlmann, JRSS B 72, 2010; notebook 09-which-pixels): run a selection method on
/// many random halves of the data and keep the features it selects in most of them. A feature the lasso picks on one
/// sample may be an accident of that sample; one it picks on 80 % of the halves is not. The halves are drawn within each
/// class (stratified), so every half keeps the class share of the whole, which matters when one class is rare.
/// </summary>
public static class StabilitySelection
{
    /// <summary>
    /// <paramref name="count"/> seeded half-samples of the rows: each holds ⌊m/2⌋ rows, drawn without replacement, of every
    /// class's m rows (classes given by <paramref name="isPositive"/>), sorted ascending.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two rows of either class.</exception>
    public static IReadOnlyList<long[]> HalfSamples(IReadOnlyList<bool> isPositive, int count, long seed)
    {
        ArgumentNullException.ThrowIfNull(isPositive);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var classes = new[] { true, false }
            .Select(c => Enumerable.Range(0, isPositive.Count).Where(i => isPositive[i] == c).Select(i => (long)i).ToArray())
            .ToArray();
        if (classes.Any(rows => rows.Length < 2))
            throw new ArgumentException("half-samples need at least two rows of each class.", nameof(isPositive));
        var random = new Random(unchecked((int)(seed ^ (seed >> 32))));
        var samples = new List<long[]>(count);
        for (int r = 0; r < count; r++)
        {
            var half = new List<long>();
            foreach (var rows in classes)
            {
                var shuffled = rows.ToArray();
                random.Shuffle(shuffled);
                half.AddRange(shuffled.Take(rows.Length / 2));
            }
            half.Sort();
            samples.Add(half.ToArray());
        }
        return samples;
    }

    /// <summary>
    /// Runs <paramref name="select"/> (which returns the features it selects when fitted on the given rows) on every
    /// half-sample and counts how often each of the <paramref name="features"/> features was selected.
    /// </summary>
    /// <exception cref="ArgumentException">Invalid options, or a selector that returns a feature outside 0 … features − 1.</exception>
    public static StabilitySelectionResult Run(int features, IReadOnlyList<bool> isPositive, Func<long[], IEnumerable<int>> select, StabilitySelectionOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        ArgumentNullException.ThrowIfNull(select);
        var o = (options ?? new StabilitySelectionOptions()).Validate();
        var counts = new int[features];
        foreach (var rows in HalfSamples(isPositive, o.Resamples, o.Seed))
            foreach (var j in select(rows).Distinct())
            {
                if (j < 0 || j >= features) throw new ArgumentException($"the selector returned feature {j}, outside 0..{features - 1}.", nameof(select));
                counts[j]++;
            }
        return new StabilitySelectionResult(counts, o.Resamples, o.Threshold);
    }

    /// <summary>
    /// Stability selection of the <see cref="LogisticLasso"/> at a fixed <paramref name="lambda"/>: on every half-sample,
    /// the features with a nonzero weight. <paramref name="y"/> holds 0/1 labels (1 = positive).
    /// </summary>
    public static StabilitySelectionResult LogisticLasso(Tensor x, Tensor y, double lambda, StabilitySelectionOptions? options = null, LogisticLassoOptions? lasso = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var labels = y.to_type(ScalarType.Float64).data<double>().Select(v => v == 1).ToArray();
        return Run((int)x.shape[1], labels, rows =>
        {
            using var scope = NewDisposeScope();
            using var index = tensor(rows);
            return Models.LogisticLasso.Fit(x.index_select(0, index), y.index_select(0, index), lambda, lasso).Selected;
        }, options);
    }
}
