namespace L1Lab.Tests;

public sealed class CheckTests
{
    [Fact]
    public void That_passes_silently_when_the_claim_holds() =>
        Check.That(2 + 2 == 4, "two and two make four");

    [Fact]
    public void That_throws_naming_the_claim_when_it_does_not_hold()
    {
        var failure = Assert.Throws<ClaimFailedException>(() => Check.That(1 > 2, "one is more than two"));
        Assert.Equal("one is more than two", failure.Claim);
        Assert.Contains("one is more than two", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void That_refuses_a_claim_without_words(string claim) =>
        Assert.ThrowsAny<ArgumentException>(() => Check.That(true, claim));
}
