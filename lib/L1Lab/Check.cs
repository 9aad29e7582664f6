namespace L1Lab;

/// <summary>
/// One short, readable form for the checks that keep a notebook's prose honest: a cell of its own, tagged
/// <c>hide-input</c> so Jupyter and the book can fold it, holding lines such as
/// <c>Check.That(zeros &gt; 0.9, "more than 90 % of the weights are exactly zero")</c>.
/// </summary>
public static class Check
{
    /// <summary>Throws <see cref="ClaimFailedException"/> naming <paramref name="claim"/> when <paramref name="holds"/> is false.</summary>
    /// <param name="holds">Whether the text's claim holds for the numbers this run computed.</param>
    /// <param name="claim">The claim in the words the prose uses, so a failing run says which sentence is now wrong.</param>
    public static void That(bool holds, string claim)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claim);
        if (!holds)
            throw new ClaimFailedException(claim);
    }
}
