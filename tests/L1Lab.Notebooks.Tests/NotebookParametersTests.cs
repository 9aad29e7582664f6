using System.Text.Json.Nodes;

namespace L1Lab.Notebooks.Tests;

/// <summary>The one rule for the values a notebook's parameters cell runs with: quick values, then <c>--set</c>.</summary>
public sealed class NotebookParametersTests : IDisposable
{
    readonly TempNotebook _folder = new();

    public void Dispose() => _folder.Dispose();

    string WithQuick(string name, string parameters, JsonNode? quick)
    {
        var cell = TempNotebook.Code(parameters, "parameters");
        if (quick is not null) cell["metadata"]!["l1lab"] = new JsonObject { ["quick"] = quick };
        return _folder.Write(name, cell, TempNotebook.Code("epochs"));
    }

    [Fact]
    public void Quick_values_come_from_the_parameters_cell_metadata_and_set_wins()
    {
        var a = WithQuick("a.ipynb", "var epochs = 10;\nvar steps = 300;", new JsonObject { ["epochs"] = "1", ["steps"] = "200" });
        var b = WithQuick("b.ipynb", "var epochs = 10;", null);

        var values = NotebookParameters.Resolve([a, b], new Dictionary<string, string> { ["steps"] = "7" }, quick: true);

        Assert.Equal(new Dictionary<string, string> { ["epochs"] = "1", ["steps"] = "7" }, values[a]);
        Assert.Empty(values[b]);
    }

    [Fact]
    public void Without_quick_only_the_overrides_a_notebook_declares_apply()
    {
        var a = WithQuick("a.ipynb", "var epochs = 10;", new JsonObject { ["epochs"] = "1" });
        var b = WithQuick("b.ipynb", "var steps = 5;", null);

        var values = NotebookParameters.Resolve([a, b], new Dictionary<string, string> { ["steps"] = "2" }, quick: false);

        Assert.Empty(values[a]);
        Assert.Equal(new Dictionary<string, string> { ["steps"] = "2" }, values[b]);
    }

    [Fact]
    public void An_override_that_no_notebook_declares_is_an_error_naming_it_and_what_they_declare()
    {
        var a = WithQuick("a.ipynb", "var epochs = 10;", null);

        var e = Assert.Throws<NotebookParameterException>(() => NotebookParameters.Resolve([a], new Dictionary<string, string> { ["epohcs"] = "1" }, quick: false));

        Assert.Equal("--set epohcs: no notebook given declares 'epohcs' in its parameters cell (they declare epochs)", e.Reason);
    }

    [Fact]
    public void A_quick_value_for_an_undeclared_variable_names_the_file_the_cell_and_the_name()
    {
        var a = WithQuick("a.ipynb", "var epochs = 10;", new JsonObject { ["epoch"] = "1" });

        var e = Assert.Throws<NotebookFormatException>(() => NotebookParameters.Quick(a));

        Assert.Equal(a, e.NotebookPath);
        Assert.Equal("cell 1: metadata l1lab.quick names 'epoch', which the parameters cell does not declare (it declares epochs)", e.Reason);
    }

    [Fact]
    public void A_quick_value_that_is_not_a_string_is_a_format_error()
    {
        var a = WithQuick("a.ipynb", "var epochs = 10;", new JsonObject { ["epochs"] = 1 });

        var e = Assert.Throws<NotebookFormatException>(() => NotebookParameters.Quick(a));

        Assert.Contains("l1lab.quick.epochs is not a string (write it as \"1\")", e.Reason);
    }
}
