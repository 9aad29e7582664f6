using System.Text.Json.Nodes;
using L1Lab.Authoring.Translation;

namespace L1Lab.Notebooks.Tests;

/// <summary>The edition generator and its translation files, on small notebooks written by the test.</summary>
public sealed class EditionTests : IDisposable
{
    readonly TempNotebook _temp = new();

    public void Dispose() => _temp.Dispose();

    static JsonObject Markdown(string id, string source)
    {
        var cell = TempNotebook.Markdown(source);
        cell["id"] = id;
        return cell;
    }

    static JsonObject Code(string id, string source)
    {
        var cell = TempNotebook.Code(source);
        cell["id"] = id;
        return cell;
    }

    string English(string title = "# Title") => _temp.Write("01-demo.ipynb",
        Markdown("m-title", title),
        Code("c-refs", "#r \"nuget: TorchSharp-cpu, 0.107.0\"\n#r \"../lib/L1Lab/bin/notebooks/L1Lab.dll\"\nvar x = 1; // \"../not/a/reference\""),
        Markdown("m-body", "Some text with a [link](02-next.ipynb)."));

    string TranslationPath(string english) => Edition.TranslationPathFor(english, "xx");

    void WriteTranslation(string english, params TranslationEntry[] entries)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(TranslationPath(english))!);
        TranslationFile.Save(TranslationPath(english), "test", entries);
    }

    NotebookTranslation Translate(string english) =>
        Edition.Translate(english, TranslationPath(english), Edition.OutputPathFor(english, "xx"));

    [Fact]
    public void Translated_cells_take_their_text_by_id_and_code_moves_only_the_relative_library_path()
    {
        var english = English();
        WriteTranslation(english,
            new TranslationEntry("m-body", SourceHash.Of("Some text with a [link](02-next.ipynb)."), "正文，[链接](02-next.ipynb)。", false),
            new TranslationEntry("m-title", SourceHash.Of("# Title"), "# 标题", false));

        var plan = Translate(english);
        Edition.Write(plan);

        var cells = JsonNode.Parse(File.ReadAllText(Path.Combine(_temp.Directory, "xx", "01-demo.ipynb")))!["cells"]!.AsArray();
        Assert.Equal(["m-title", "c-refs", "m-body"], cells.Select(c => (string?)c!["id"]));
        Assert.Equal("# 标题", string.Concat(cells[0]!["source"]!.AsArray().Select(n => (string?)n)));
        Assert.Equal("#r \"nuget: TorchSharp-cpu, 0.107.0\"\n#r \"../../lib/L1Lab/bin/notebooks/L1Lab.dll\"\nvar x = 1; // \"../not/a/reference\"",
            string.Concat(cells[1]!["source"]!.AsArray().Select(n => (string?)n)));
        Assert.All(plan.Cells, c => Assert.Equal(CellTranslationState.Translated, c.State));
        Assert.True(Translate(english).UpToDate);
        Assert.True(Translate(english).Complete);
    }

    [Fact]
    public void The_words_setup_line_names_the_edition_language_and_nothing_else_changes()
    {
        var english = _temp.Write("01-demo.ipynb",
            Code("c-setup", "using L1Lab;\nvar words = Words.English;   // keep this comment\nvar other = Words.English;"));

        Edition.Write(Translate(english));

        var cells = JsonNode.Parse(File.ReadAllText(Path.Combine(_temp.Directory, "xx", "01-demo.ipynb")))!["cells"]!.AsArray();
        Assert.Equal("using L1Lab;\nvar words = Words.For(\"xx\");   // keep this comment\nvar other = Words.English;",
            string.Concat(cells[0]!["source"]!.AsArray().Select(n => (string?)n)));
    }

    [Fact]
    public void An_edited_English_cell_makes_its_translation_stale_and_the_committed_notebook_out_of_date()
    {
        var english = English();
        WriteTranslation(english,
            new TranslationEntry("m-title", SourceHash.Of("# Title"), "# 标题", false),
            new TranslationEntry("m-body", SourceHash.Of("Some text with a [link](02-next.ipynb)."), "正文。", false));
        Edition.Write(Translate(english));

        English("# A new title");
        var plan = Translate(english);

        Assert.False(plan.Complete);
        Assert.Equal([("m-title", CellTranslationState.Stale)], plan.Pending.Select(c => (c.CellId, c.State)));
        Assert.True(plan.UpToDate); // the stale translation is still what gets generated
    }

    [Fact]
    public void A_cell_without_an_entry_is_missing_and_keeps_its_English_text_and_an_orphan_entry_is_reported()
    {
        var english = English();
        WriteTranslation(english,
            new TranslationEntry("m-title", SourceHash.Of("# Title"), "# 标题", false),
            new TranslationEntry("m-gone", "0123456789ab", "旧的单元格", false));

        var plan = Translate(english);

        Assert.Equal([("m-body", CellTranslationState.Missing)], plan.Pending.Select(c => (c.CellId, c.State)));
        Assert.Equal(["m-gone"], plan.Orphans);
        Assert.Contains("Some text with a [link](02-next.ipynb).", plan.Json, StringComparison.Ordinal);
        Assert.False(plan.UpToDate);
    }

    [Fact]
    public void Update_adds_new_cells_and_marks_changed_ones_todo_with_the_new_hash()
    {
        var english = English("# A new title");
        WriteTranslation(english,
            new TranslationEntry("m-title", SourceHash.Of("# Title"), "# 标题", false),
            new TranslationEntry("m-gone", "0123456789ab", "旧的单元格", false));

        var todo = Edition.Update(english, TranslationPath(english), "xx");

        Assert.Equal([("m-title", CellTranslationState.Stale), ("m-body", CellTranslationState.Missing)], todo.Select(c => (c.CellId, c.State)));
        var entries = TranslationFile.Load(TranslationPath(english));
        Assert.Equal(
            [new TranslationEntry("m-title", SourceHash.Of("# A new title"), "# 标题", true),
             new TranslationEntry("m-body", SourceHash.Of("Some text with a [link](02-next.ipynb)."), "Some text with a [link](02-next.ipynb).", true)],
            entries);
        Assert.Equal([CellTranslationState.Todo, CellTranslationState.Todo], Translate(english).Cells.Select(c => c.State));
    }

    [Fact]
    public void A_translation_file_round_trips_and_keeps_blank_lines_inside_an_entry()
    {
        TranslationEntry[] entries =
        [
            new("a", "0123456789ab", "# 标题\n\n第一段。\n\n- 一\n- 二", false),
            new("b", "ba9876543210", "```csharp\nvar x = 1;\n```", true),
        ];

        var text = TranslationFile.Format("note", entries);

        Assert.Equal(entries, TranslationFile.Parse("t.md", text));
        Assert.Contains("<!-- cell: b | en: ba9876543210 | todo -->", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<!-- cell: a | en: 0123 -->\ntext", "line 1: expected a header")]
    [InlineData("<!-- cell: a | en: 0123456789ab -->\none\n<!-- cell: a | en: 0123456789ab -->\ntwo", "line 3: cell a already has an entry at line 1")]
    public void A_malformed_translation_file_is_one_error_naming_the_file_and_line(string text, string expected)
    {
        var error = Assert.Throws<TranslationFileException>(() => TranslationFile.Parse("notebooks/xx/translations/01-demo.md", text));

        Assert.StartsWith("notebooks/xx/translations/01-demo.md: " + expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_English_markdown_cell_without_an_id_cannot_be_translated()
    {
        var english = _temp.Write("01-demo.ipynb", TempNotebook.Markdown("# Title"));

        var error = Assert.Throws<NotebookFormatException>(() => Translate(english));

        Assert.Contains("markdown cell 1 has no id", error.Message, StringComparison.Ordinal);
    }
}
