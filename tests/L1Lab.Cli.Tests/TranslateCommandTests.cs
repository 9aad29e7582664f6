using System.Text.Json;

namespace L1Lab.Cli.Tests;

/// <summary><c>l1lab notebooks translate</c> as a user runs it, on a small notebooks folder of the test's own.</summary>
public sealed class TranslateCommandTests : IDisposable
{
    readonly string _notebooks = Directory.CreateTempSubdirectory("l1lab-translate-cli-").FullName;

    public void Dispose() => Directory.Delete(_notebooks, recursive: true);

    string Translations => Path.Combine(_notebooks, "xx", "translations");

    void English()
    {
        var cells = new object[]
        {
            new { cell_type = "markdown", id = "m-title", metadata = new { }, source = "# Title" },
            new { cell_type = "code", id = "c-refs", metadata = new { }, execution_count = (int?)null, outputs = Array.Empty<object>(), source = "#r \"../lib/L1Lab/bin/notebooks/L1Lab.dll\"" },
        };
        File.WriteAllText(Path.Combine(_notebooks, "01-demo.ipynb"), JsonSerializer.Serialize(new { cells, metadata = new { }, nbformat = 4, nbformat_minor = 5 }));
        Directory.CreateDirectory(Translations);
    }

    [Fact]
    public void An_unknown_edition_is_one_line_and_exit_code_2()
    {
        English();

        var result = App.Run("notebooks", "translate", "--lang", "yy", "--notebooks", _notebooks);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith("--lang yy:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_lists_the_untranslated_cell_exits_1_and_writes_nothing()
    {
        English();

        var result = App.Run("notebooks", "translate", "--lang", "xx", "--check", "--notebooks", _notebooks);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("missing m-title", result.Out, StringComparison.Ordinal);
        Assert.Contains("OUT OF DATE", result.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_notebooks, "xx", "01-demo.ipynb")));
    }

    [Fact]
    public void Update_then_translate_then_check_passes()
    {
        English();

        var update = App.Run("notebooks", "translate", "--lang", "xx", "--update", "--notebooks", _notebooks);
        var file = Path.Combine(Translations, "01-demo.md");
        Assert.True(update.ExitCode == 0, update.Error);
        Assert.Contains("| todo -->\n# Title", File.ReadAllText(file), StringComparison.Ordinal);

        File.WriteAllText(file, File.ReadAllText(file).Replace(" | todo -->\n# Title", " -->\n# 标题", StringComparison.Ordinal));
        var generate = App.Run("notebooks", "translate", "--lang", "xx", "--notebooks", _notebooks);
        var check = App.Run("notebooks", "translate", "--lang", "xx", "--check", "--notebooks", _notebooks);

        Assert.True(generate.ExitCode == 0, generate.Error);
        Assert.True(check.ExitCode == 0, check.Out + check.Error);
        var written = File.ReadAllText(Path.Combine(_notebooks, "xx", "01-demo.ipynb"));
        Assert.Contains("# 标题", written, StringComparison.Ordinal);
        Assert.Contains("../../lib/L1Lab/bin/notebooks/L1Lab.dll", written, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_translation_file_is_one_line_naming_file_and_line_and_exit_code_1()
    {
        English();
        File.WriteAllText(Path.Combine(Translations, "01-demo.md"), "note\n<!-- cell: m-title en: 123 -->\n# 标题\n");

        var result = App.Run("notebooks", "translate", "--lang", "xx", "--notebooks", _notebooks);

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains("01-demo.md: line 2:", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_notebooks, "xx", "01-demo.ipynb")));
    }
}
