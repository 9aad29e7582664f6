namespace L1Lab.Notebooks.Tests;

public sealed class NotebookTests
{
    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("[1, 2]", "the JSON is not an object")]
    [InlineData("""{"nbformat": 3, "cells": []}""", "nbformat 3 is not supported")]
    [InlineData("""{"nbformat": 4, "metadata": {}}""", "no \"cells\" array")]
    [InlineData("""{"cells": []}""", "no \"nbformat\" number")]
    public void A_file_that_is_not_an_nbformat_4_notebook_is_a_one_line_error_naming_it(string text, string reason)
    {
        using var temp = new TempNotebook();
        var path = temp.WriteText("broken.ipynb", text);

        var error = Assert.Throws<NotebookFormatException>(() => Notebook.Load(path));

        Assert.StartsWith($"{path}: ", error.Message);
        Assert.Contains(reason, error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }

    [Fact]
    public void Source_as_a_string_or_as_a_list_of_lines_reads_the_same()
    {
        var notebook = Notebook.Parse("n.ipynb", """
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
              {"cell_type": "code", "metadata": {"tags": ["parameters"]}, "outputs": [], "execution_count": null, "source": ["var a = 1;\n", "var b = 2;"]},
              {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null, "source": "var a = 1;\nvar b = 2;"}
            ]}
            """);

        Assert.Equal(notebook.Cells[0].Source, notebook.Cells[1].Source);
        Assert.Equal(["parameters"], notebook.Cells[0].Tags);
        Assert.Empty(notebook.Cells[1].Tags);
    }

    [Fact]
    public void Writing_back_keeps_fields_the_engine_does_not_know()
    {
        var notebook = Notebook.Parse("n.ipynb", """
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {"custom": {"keep": [1, 2]}}, "cells": [
              {"cell_type": "markdown", "id": "abc", "metadata": {}, "attachments": {}, "source": "# Title"}
            ]}
            """);

        var json = notebook.ToJson();

        Assert.Contains("\"keep\"", json);
        Assert.Contains("\"id\": \"abc\"", json);
        Assert.Contains("\"attachments\"", json);
    }

    [Theory]
    [InlineData("""{"polyglot_notebook": {"kernelName": "csharp"}}""", "csharp")]
    [InlineData("""{"dotnet_interactive": {"language": "fsharp"}}""", "fsharp")]
    [InlineData("""{}""", null)]
    public void A_cells_language_comes_from_polyglot_or_dotnet_interactive_metadata(string metadata, string? language)
    {
        var notebook = Notebook.Parse("n.ipynb", $$"""{"nbformat": 4, "cells": [{"cell_type": "code", "metadata": {{metadata}}, "source": ""}]}""");

        Assert.Equal(language, notebook.Cells[0].Language);
    }
}
