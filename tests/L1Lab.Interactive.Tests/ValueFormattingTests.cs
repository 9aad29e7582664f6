using Xunit.Abstractions;

namespace L1Lab.Interactive.Tests;

/// <summary>
/// Tensors and DataFrames under Microsoft's .NET Interactive look as they do in L1Lab's own kernel: the course library,
/// loaded by a notebook's bare <c>#r</c>, brings its value formatters with it. Without them a tensor comes back as an
/// object table of its properties (shape, dtype, device…) and never shows its values.
/// </summary>
[Collection(DotnetInteractiveCollection.Name)]
public sealed class ValueFormattingTests(DotnetInteractiveTool tool, ValueFormattingTests.NotebookSession kernel, ITestOutputHelper output)
    : IClassFixture<ValueFormattingTests.NotebookSession>
{
    static readonly TimeSpan CellTimeout = TimeSpan.FromMinutes(10);

    /// <summary>One dotnet-interactive process in the notebooks folder, set up by notebook 02's first two code cells (its <c>#r</c> lines and usings).</summary>
    public sealed class NotebookSession : IDisposable
    {
        InteractiveSession? _session;

        public InteractiveSession Get(DotnetInteractiveTool tool)
        {
            if (_session is not null) return _session;
            var session = tool.Start(TestPaths.Notebooks);
            foreach (var (id, source) in CourseNotebook.LoadQuick(Path.Combine(TestPaths.Notebooks, "02-l1-penalty.ipynb")).Cells.Take(2))
            {
                var cell = session.Submit(source, CellTimeout);
                if (!cell.Succeeded)
                {
                    session.Dispose();
                    Assert.Fail($"notebook 02's cell {id} failed under dotnet-interactive: {cell.FailureMessage}");
                }
            }
            return _session = session;
        }

        public void Dispose() => _session?.Dispose();
    }

    [SkippableFact]
    public void A_tensor_comes_back_as_its_values_in_the_preferred_MIME_type()
    {
        var cell = kernel.Get(tool).Submit("torch.tensor(new float[] { 0.8f, -0.05f, 0f, -1.5f })", CellTimeout);

        Assert.True(cell.Succeeded, cell.FailureMessage);
        var value = Assert.IsAssignableFrom<IReadOnlyList<FormattedValue>>(cell.ReturnValue);
        output.WriteLine($"returned: {PictureCheck.Describe(value)}");
        var first = value[0];
        Assert.Equal("text/plain", first.MimeType);
        Assert.Equal("[0.8, -0.05, 0, -1.5]", first.Value.Trim());
        Assert.False(PictureCheck.IsObjectTable(value), "the tensor came back as an object table");
    }

    [SkippableFact]
    public void A_DataFrame_comes_back_as_the_course_table_of_its_rows()
    {
        var cell = kernel.Get(tool).Submit(
            "new DataFrame(new DoubleDataFrameColumn(\"lambda\", new double[] { 0, 0.001 }), new Int32DataFrameColumn(\"zeros\", new[] { 3, 41 }))",
            CellTimeout);

        Assert.True(cell.Succeeded, cell.FailureMessage);
        var value = Assert.IsAssignableFrom<IReadOnlyList<FormattedValue>>(cell.ReturnValue);
        output.WriteLine($"returned: {PictureCheck.Describe(value)}");
        var html = Assert.Single(value, v => v.MimeType == "text/html").Value;
        Assert.Contains("<th><i>index</i></th><th>lambda</th><th>zeros</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td><i>1</i></td><td>0.001</td><td>41</td>", html, StringComparison.Ordinal);
        Assert.False(PictureCheck.IsObjectTable(value), "the DataFrame came back as an object table");
    }
}
