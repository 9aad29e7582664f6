using System.Text.Json;

namespace L1Lab.Cli.Tests;

public sealed class NotebooksCommandTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("l1lab-notebooks-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    string Notebook(string name, string? parameters, string code)
    {
        var cells = new List<object>();
        if (parameters is not null)
            cells.Add(new { cell_type = "code", id = "p", metadata = new { tags = new[] { "parameters" } }, execution_count = (int?)null, outputs = Array.Empty<object>(), source = parameters });
        cells.Add(new { cell_type = "code", id = "c", metadata = new { }, execution_count = (int?)null, outputs = Array.Empty<object>(), source = code });
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, JsonSerializer.Serialize(new { cells, metadata = new { }, nbformat = 4, nbformat_minor = 5 }));
        return path;
    }

    [Fact]
    public void One_set_of_overrides_applies_to_each_notebook_that_declares_them()
    {
        var withEpochs = Notebook("a.ipynb", "var epochs = 10;", "Console.WriteLine($\"epochs={epochs}\");");
        var without = Notebook("b.ipynb", "var steps = 5;", "Console.WriteLine($\"steps={steps}\");");

        var result = App.Run("notebooks", "run", withEpochs, without, "--set", "epochs=1");

        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        Assert.Contains("epochs=1", result.Out);
        Assert.Contains("steps=5", result.Out);
    }

    [Fact]
    public void Quick_runs_each_notebook_with_the_values_its_parameters_cell_declares_and_set_still_wins()
    {
        var a = Notebook("a.ipynb", "var epochs = 10;\nvar steps = 300;", "Console.WriteLine($\"epochs={epochs} steps={steps}\");");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(a))!;
        json["cells"]![0]!["metadata"]!["l1lab"] = new System.Text.Json.Nodes.JsonObject { ["quick"] = new System.Text.Json.Nodes.JsonObject { ["epochs"] = "1", ["steps"] = "200" } };
        File.WriteAllText(a, json.ToJsonString());

        var result = App.Run("notebooks", "run", a, "--quick", "--set", "steps=7");

        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        Assert.Contains("epochs=1 steps=7", result.Out);
    }

    [Fact]
    public void An_override_no_notebook_declares_is_one_line_and_exit_code_2()
    {
        var path = Notebook("a.ipynb", "var epochs = 10;", "Console.WriteLine(epochs);");

        var result = App.Run("notebooks", "run", path, "--set", "epohcs=1");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains("epohcs", result.Error);
        Assert.DoesNotContain("10", result.Out); // nothing ran
    }

    [Fact]
    public void A_failing_notebook_exits_with_1_and_names_cell_and_line_and_the_file_is_unchanged()
    {
        var path = Notebook("fails.ipynb", null, "var x = 1;\nthrow new InvalidOperationException(\"boom\");");
        var before = File.ReadAllBytes(path);

        var result = App.Run("notebooks", "run", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("fails.ipynb", result.Error);
        Assert.Contains("line 2", result.Error);
        Assert.Contains("boom", result.Error);
        Assert.Equal(before, File.ReadAllBytes(path));
    }
}
