using L1Lab.Training;

namespace L1Lab.Tests.Training;

public sealed class L1ModeNameTests
{
    [Theory]
    [InlineData(null, "none")]
    [InlineData(L1Mode.Penalty, "penalty")]
    [InlineData(L1Mode.Subgradient, "subgradient")]
    [InlineData(L1Mode.Proximal, "proximal")]
    public void Every_mode_has_one_name_that_parses_back(L1Mode? mode, string name)
    {
        Assert.Equal(name, L1ModeName.Of(mode));
        Assert.Equal(mode, L1ModeName.Parse(name));
    }

    [Fact]
    public void An_unknown_name_is_a_FormatException_naming_it()
    {
        var error = Assert.Throws<FormatException>(() => L1ModeName.Parse("lasso"));

        Assert.Contains("'lasso'", error.Message);
    }
}
