namespace L1Lab.Kernel.Tests;

public sealed class CodeCompletenessTests
{
    [Theory]
    [InlineData("var x = 1;")]
    [InlineData("x + 1")]
    [InlineData("")]
    [InlineData("// only a comment")]
    [InlineData("#r \"nuget: TorchSharp-cpu, 0.107.0\"\nvar x = 1;")]
    [InlineData("#r \"nuget: Tiny.Pkg, 1.0.0\"")]
    [InlineData("#!csharp\nvar x = 1;")]
    [InlineData("#region setup\nvar x = 1;\n#endregion")]
    [InlineData("xs.Select(x => x * 2)")]
    [InlineData("Func<int, int> f = x => x + 1;")]
    [InlineData("var s = @\"two\nlines\";")]
    [InlineData("var s = \"\"\"\n  raw\n  \"\"\";")]
    [InlineData("for (var i = 0; i < 3; i++)\n{\n    Console.WriteLine(i);\n}")]
    public void Finished_code_is_complete(string code) =>
        Assert.Equal("complete", CodeCompleteness.Check(code).Status);

    [Theory]
    [InlineData("for (var i = 0; i < 3; i++)\n{")]
    [InlineData("class Point\n{\n    public int X;")]
    [InlineData("var s = \"\"\"\nopen raw string")]
    [InlineData("var s = @\"open verbatim string")]
    [InlineData("var s = $\"\"\"\n{x} open interpolated raw string")]
    [InlineData("xs.Select(x =>")]
    [InlineData("Func<int, int> f = x =>")]
    [InlineData("var sum = xs.Where(x => x > 0)\n    .Select(x =>\n    {\n        return x * 2;")]
    [InlineData("/* an open comment")]
    [InlineData("if (x > 0)")]
    [InlineData("var y = x +")]
    [InlineData("int[] a = [1, 2,")]
    public void Unfinished_blocks_strings_lambdas_and_comments_are_incomplete(string code) =>
        Assert.Equal("incomplete", CodeCompleteness.Check(code).Status);

    [Theory]
    [InlineData("var = ;")]
    [InlineData("var s = \"a regular string cannot span lines\nvar t = 1;")]
    [InlineData("#r \"nuget: Tiny.Pkg, 1.0.0")]
    [InlineData("#r nuget: Tiny.Pkg")]
    [InlineData("#!fsharp\nlet x = 1")]
    [InlineData("var x = 1;\n#!csharp")]
    public void Finished_code_that_cannot_run_and_malformed_directives_are_invalid(string code) =>
        Assert.Equal("invalid", CodeCompleteness.Check(code).Status);

    [Theory]
    [InlineData("for (var i = 0; i < 3; i++)\n{", "    ")]
    [InlineData("if (ok)\n{\n    var a = 1;\n    if (a > 0)\n    {", "        ")]
    [InlineData("var y = Compute(1,\n        2,", "        ")]
    public void Incomplete_code_suggests_the_next_lines_indent(string code, string indent) =>
        Assert.Equal(indent, CodeCompleteness.Check(code).Indent);
}
