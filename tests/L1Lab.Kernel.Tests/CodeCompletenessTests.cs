namespace L1Lab.Kernel.Tests;

public sealed class CodeCompletenessTests
{
    [Theory]
    [InlineData("var x = 1;", "complete")]
    [InlineData("x + 1", "complete")]
    [InlineData("", "complete")]
    [InlineData("#r \"nuget: TorchSharp-cpu, 0.107.0\"\nvar x = 1;", "complete")]
    [InlineData("for (var i = 0; i < 3; i++)\n{", "incomplete")]
    [InlineData("var s = \"\"\"\nopen raw string", "incomplete")]
    [InlineData("var = ;", "invalid")]
    public void Submissions_are_complete_incomplete_or_invalid(string code, string expected) =>
        Assert.Equal(expected, CodeCompleteness.Check(code));
}
