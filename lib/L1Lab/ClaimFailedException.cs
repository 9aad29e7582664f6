namespace L1Lab;

/// <summary>A claim a notebook's text makes did not hold for the numbers of this run (see <see cref="Check.That"/>).</summary>
public sealed class ClaimFailedException : Exception
{
    /// <summary>The claim, in the prose's words.</summary>
    public string Claim { get; }

    /// <summary>Creates the exception for <paramref name="claim"/>.</summary>
    public ClaimFailedException(string claim) : base($"The text claims that {claim}, but this run does not show it.") =>
        Claim = claim;
}
