using Xunit.Abstractions;

namespace L1Lab.Interactive.Tests;

/// <summary>
/// Microsoft's dotnet-interactive, driven over stdio as VS Code drives it, finds formatters by convention in an
/// assembly that does not reference it (<see cref="ConventionAssembly"/>): the contract L1Lab's figures rely on.
/// </summary>
[Collection(DotnetInteractiveCollection.Name)]
public sealed class FormatterConventionTests(DotnetInteractiveTool tool, SessionPerClass kernel, ITestOutputHelper output)
    : IClassFixture<SessionPerClass>
{
    static readonly TimeSpan CellTimeout = TimeSpan.FromMinutes(2);

    InteractiveSession Session => kernel.Get(tool, session =>
    {
        output.WriteLine($"tool install {tool.InstallTime.TotalSeconds:F1} s; kernel ready after {session.StartupTime.TotalSeconds:F1} s; kernels: {string.Join(", ", session.KernelNames)}");
        var probe = ConventionAssembly.Build(kernel.Folder);
        var reference = session.Submit($"#r \"{Path.GetFileName(probe)}\"", CellTimeout);
        Assert.True(reference.Succeeded, $"#r of the probe assembly failed: {reference.FailureMessage}");
    });

    [SkippableFact]
    public void A_value_whose_type_carries_the_convention_comes_back_in_its_preferred_MIME_types_in_order()
    {
        var cell = Session.Submit($"new {ConventionAssembly.Namespace}.Picture()", CellTimeout);

        Assert.True(cell.Succeeded, cell.FailureMessage);
        var value = Assert.IsAssignableFrom<IReadOnlyList<FormattedValue>>(cell.ReturnValue);
        output.WriteLine($"returned: {PictureCheck.Describe(value)}");
        Assert.Equal([new("image/svg+xml", ConventionAssembly.Svg), new("text/html", ConventionAssembly.Html)], value);
        Assert.True(PictureCheck.IsPicture(value));
        Assert.Null(PictureCheck.NotAPicture(value));
    }

    [SkippableFact]
    public void A_displayed_value_without_preferred_MIME_types_comes_back_as_its_own_text_html()
    {
        var cell = Session.Submit($"display(new {ConventionAssembly.Namespace}.PlainPicture());", CellTimeout);

        Assert.True(cell.Succeeded, cell.FailureMessage);
        var shown = Assert.Single(cell.Outputs);
        output.WriteLine($"displayed: {PictureCheck.Describe(shown)}");
        Assert.Equal([new("text/html", ConventionAssembly.Html)], shown);
        Assert.True(PictureCheck.IsPicture(shown));
    }

    [SkippableFact]
    public void The_same_shape_without_the_attribute_comes_back_as_an_object_table_the_check_rejects()
    {
        var cell = Session.Submit($"new {ConventionAssembly.Namespace}.Unformatted()", CellTimeout);

        Assert.True(cell.Succeeded, cell.FailureMessage);
        var value = Assert.IsAssignableFrom<IReadOnlyList<FormattedValue>>(cell.ReturnValue);
        output.WriteLine($"returned: {PictureCheck.Describe(value)}");
        Assert.True(PictureCheck.IsObjectTable(value));
        Assert.False(PictureCheck.IsPicture(value));
        Assert.Equal(["Height", "PlotlySrc"], PictureCheck.RowNames(value.Single(v => v.MimeType == "text/html").Value).Order());
        Assert.StartsWith("an object table mentioning PlotlySrc", PictureCheck.NotAPicture(value));
    }

    [SkippableFact]
    public void Console_output_and_a_failing_cell_come_back_as_their_own_events()
    {
        var printed = Session.Submit("Console.WriteLine(\"λ = 0.01\");", CellTimeout);
        var failed = Session.Submit("throw new InvalidOperationException(\"probe failure\");", CellTimeout);
        var next = Session.Submit("6 * 7", CellTimeout);

        Assert.True(printed.Succeeded, printed.FailureMessage);
        Assert.Equal("λ = 0.01\n", printed.StandardOutput.ReplaceLineEndings("\n"));
        Assert.False(failed.Succeeded);
        Assert.Contains("probe failure", failed.FailureMessage);
        Assert.True(next.Succeeded, next.FailureMessage);
        Assert.Contains("42", next.ReturnValue!.Single(v => v.MimeType == "text/html").Value);
    }
}
