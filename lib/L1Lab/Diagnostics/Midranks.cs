namespace L1Lab.Diagnostics;

/// <summary>
/// Ranks with ties sharing their average rank (1-based), the building block of the Mann–Whitney AUC and of DeLong's
/// structural components in O(N log N) (Sun and Xu 2014) instead of comparing every (positive, negative) pair.
/// </summary>
static class Midranks
{
    /// <summary>The midrank of each value: 1 for the smallest, tied values all get the mean of the ranks they span.</summary>
    public static double[] Of(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).ToArray();
        Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
        var ranks = new double[values.Count];
        for (int i = 0; i < order.Length;)
        {
            int j = i;
            while (j + 1 < order.Length && values[order[j + 1]] == values[order[i]]) j++;
            double mid = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) ranks[order[k]] = mid;
            i = j + 1;
        }
        return ranks;
    }

    /// <summary>
    /// For each positive, the share of negatives it outscores (ties ½), V₁₀; for each negative, the share of positives
    /// that outscore it (ties ½), V₀₁. Their means are both the AUC.
    /// </summary>
    public static (double[] PositiveComponents, double[] NegativeComponents) StructuralComponents(IReadOnlyList<double> scores, IReadOnlyList<bool> isPositive)
    {
        var positives = new List<double>();
        var negatives = new List<double>();
        for (int i = 0; i < scores.Count; i++) (isPositive[i] ? positives : negatives).Add(scores[i]);
        int m = positives.Count, n = negatives.Count;
        var all = Of(positives.Concat(negatives).ToArray());
        var withinPositives = Of(positives);
        var withinNegatives = Of(negatives);
        var v10 = new double[m];
        var v01 = new double[n];
        // A positive's rank among all, minus its rank among the positives, counts the negatives below it (ties ½).
        for (int i = 0; i < m; i++) v10[i] = (all[i] - withinPositives[i]) / n;
        for (int j = 0; j < n; j++) v01[j] = 1 - (all[m + j] - withinNegatives[j]) / m;
        return (v10, v01);
    }
}
