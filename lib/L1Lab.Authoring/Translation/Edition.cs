using System.Text.RegularExpressions;
using L1Lab.Notebooks;

namespace L1Lab.Authoring.Translation;

/// <summary>
/// Generates a translated edition of the course (<c>notebooks/&lt;lang&gt;/NN-name.ipynb</c>) from the English
/// notebooks and one translation file per notebook (<c>notebooks/&lt;lang&gt;/translations/NN-name.md</c>), so the
/// English notebooks stay the single source of every code cell. Markdown cells take their translation by cell id;
/// code cells are copied unchanged, except that a relative <c>#r "../…"</c> reference gains one <c>../</c> because
/// the edition sits one folder deeper, and the setup line <c>var words = Words.English;</c> names the edition's
/// language (<c>Words.For("zh-CN")</c>), so the sentences cells print with <c>words.Say</c> come out in it.
/// Everything else (ids, metadata, order) is the English notebook's.
/// </summary>
public static partial class Edition
{
    /// <summary>The folder, inside an edition's folder, that holds its translation files.</summary>
    public const string TranslationsFolderName = "translations";

    /// <summary>The edition's folder for <paramref name="language"/> (e.g. <c>notebooks/zh-CN</c>).</summary>
    public static string Folder(string notebooksFolder, string language) => Path.Combine(notebooksFolder, language);

    /// <summary>The translation file of <paramref name="englishPath"/> in the <paramref name="language"/> edition.</summary>
    public static string TranslationPathFor(string englishPath, string language) =>
        Path.Combine(Path.GetDirectoryName(englishPath) ?? ".", language, TranslationsFolderName,
            Path.GetFileNameWithoutExtension(englishPath) + ".md");

    /// <summary>Where the <paramref name="language"/> edition of <paramref name="englishPath"/> lives.</summary>
    public static string OutputPathFor(string englishPath, string language) =>
        Path.Combine(Path.GetDirectoryName(englishPath) ?? ".", language, Path.GetFileName(englishPath));

    /// <summary>The English notebooks of <paramref name="notebooksFolder"/> (<c>*.ipynb</c>), in course order.</summary>
    public static IReadOnlyList<string> EnglishNotebooks(string notebooksFolder) =>
        Directory.EnumerateFiles(notebooksFolder, "*.ipynb").Order(StringComparer.Ordinal).ToList();

    /// <summary>Plans every notebook of the <paramref name="language"/> edition without writing anything.</summary>
    /// <exception cref="NotebookException">An English notebook cannot be read or has a markdown cell without an id.</exception>
    /// <exception cref="TranslationFileException">A translation file is malformed.</exception>
    public static IReadOnlyList<NotebookTranslation> Plan(string notebooksFolder, string language) =>
        EnglishNotebooks(notebooksFolder)
            .Select(english => Translate(english, TranslationPathFor(english, language), OutputPathFor(english, language), language))
            .ToList();

    /// <summary>
    /// Generates the edition of one notebook: markdown from <paramref name="translationPath"/> (the English text
    /// where a cell has no entry), code from the English. Compares the result with <paramref name="outputPath"/>.
    /// <paramref name="language"/> defaults to the name of the output's folder (<c>notebooks/zh-CN</c>).
    /// </summary>
    /// <exception cref="NotebookException">The English notebook cannot be read or has a markdown cell without an id.</exception>
    /// <exception cref="TranslationFileException">The translation file is malformed.</exception>
    public static NotebookTranslation Translate(string englishPath, string translationPath, string outputPath, string? language = null)
    {
        language ??= Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(outputPath))) ?? "";
        var notebook = LoadEnglish(englishPath);
        var entries = File.Exists(translationPath)
            ? TranslationFile.Load(translationPath).ToDictionary(e => e.CellId, StringComparer.Ordinal)
            : new Dictionary<string, TranslationEntry>(StringComparer.Ordinal);

        var states = new List<CellTranslation>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in notebook.Cells)
        {
            var source = cell.Source;
            switch (cell.CellType)
            {
                case "markdown":
                    var id = cell.Id!;
                    var hash = SourceHash.Of(source);
                    var state = CellTranslationState.Missing;
                    if (entries.TryGetValue(id, out var entry))
                    {
                        used.Add(id);
                        state = entry.Todo ? CellTranslationState.Todo
                            : entry.SourceHash == hash ? CellTranslationState.Translated
                            : CellTranslationState.Stale;
                        cell.SetSource(entry.Text);
                    }
                    states.Add(new CellTranslation(id, state, FirstLine(source)));
                    break;
                case "code":
                    cell.SetSource(NameWordsLanguage(DeepenLibraryReferences(source), language));
                    break;
            }
        }

        var json = notebook.ToJson();
        var upToDate = File.Exists(outputPath) && File.ReadAllText(outputPath) == json;
        var orphans = entries.Keys.Where(k => !used.Contains(k)).ToList();
        return new NotebookTranslation(englishPath, translationPath, outputPath, json, upToDate, states, orphans);
    }

    /// <summary>Writes the generated notebook unless the file already holds it; true when it wrote.</summary>
    public static bool Write(NotebookTranslation notebook)
    {
        if (notebook.UpToDate) return false;
        L1Lab.IO.AtomicFile.WriteAllText(notebook.OutputPath, notebook.Json);
        return true;
    }

    /// <summary>
    /// Brings a translation file in line with its English notebook, for the translator: entries in notebook order,
    /// a <c>todo</c> entry holding the English text for every new cell, and every stale entry marked <c>todo</c>
    /// with the current hash (its old translation kept as a starting point). Entries for cells that no longer exist
    /// are dropped. Returns the cells now marked <c>todo</c>.
    /// </summary>
    /// <exception cref="NotebookException">The English notebook cannot be read or has a markdown cell without an id.</exception>
    /// <exception cref="TranslationFileException">The translation file is malformed.</exception>
    public static IReadOnlyList<CellTranslation> Update(string englishPath, string translationPath, string language)
    {
        var notebook = LoadEnglish(englishPath);
        var entries = File.Exists(translationPath)
            ? TranslationFile.Load(translationPath).ToDictionary(e => e.CellId, StringComparer.Ordinal)
            : new Dictionary<string, TranslationEntry>(StringComparer.Ordinal);
        var updated = new List<TranslationEntry>();
        var todo = new List<CellTranslation>();
        foreach (var cell in notebook.Cells.Where(c => c.CellType == "markdown"))
        {
            var id = cell.Id!;
            var source = cell.Source;
            var hash = SourceHash.Of(source);
            var entry = entries.TryGetValue(id, out var found)
                ? found.SourceHash == hash ? found : found with { SourceHash = hash, Todo = true }
                : new TranslationEntry(id, hash, source, Todo: true);
            updated.Add(entry);
            if (entry.Todo) todo.Add(new CellTranslation(id, found is null ? CellTranslationState.Missing : CellTranslationState.Stale, FirstLine(source)));
        }
        TranslationFile.Save(translationPath, Note(englishPath, language), updated);
        return todo;
    }

    /// <summary>The note at the top of a translation file, telling an editor how the file works.</summary>
    public static string Note(string englishPath, string language) =>
        $"""
        {language} translation of notebooks/{Path.GetFileName(englishPath)}: one entry per markdown cell, keyed by cell id.
        Header: "cell: ID | en: HASH", where HASH fingerprints the English text the entry translates.
        Edit the text under a header; code cells always come from the English notebook. Then regenerate and check:
          dotnet run --project lib/L1Lab.Cli -- notebooks translate --lang {language}
          dotnet run --project lib/L1Lab.Cli -- notebooks translate --lang {language} --check
        After an English edit, "--update" marks the changed cells "| todo" (with the new hash) and adds new ones;
        translate them, then delete "| todo" from their headers.
        Links are relative to notebooks/{language}/ (a notebook link stays as it is; outside notebooks/ add one "../").
        """;

    /// <summary>
    /// <paramref name="code"/> with every relative <c>#r "../…"</c> path one folder deeper (<c>#r "../../…"</c>);
    /// <c>#r "nuget: …"</c> lines and all other text are unchanged.
    /// </summary>
    public static string DeepenLibraryReferences(string code) => RelativeReference().Replace(code, "${prefix}../");

    /// <summary>
    /// <paramref name="code"/> with the setup line <c>var words = Words.English;</c> turned into
    /// <c>var words = Words.For("<paramref name="language"/>");</c> (the rest of the line kept); all other text unchanged.
    /// </summary>
    public static string NameWordsLanguage(string code, string language) =>
        WordsSetup().Replace(code, m => $"{m.Groups["prefix"].Value}Words.For(\"{language}\");");

    /// <summary>The English notebook, checked to have an id on every markdown cell.</summary>
    static Notebook LoadEnglish(string path)
    {
        var notebook = Notebook.Load(path);
        if (notebook.Cells.FirstOrDefault(c => c.CellType == "markdown" && c.Id is null) is { } cell)
            throw new NotebookFormatException(path, $"markdown cell {cell.Number} has no id; translations are keyed by cell id");
        return notebook;
    }

    static string FirstLine(string source)
    {
        var line = source.TrimStart().Split('\n')[0].Trim();
        return line.Length <= 70 ? line : line[..67] + "...";
    }

    [GeneratedRegex("""^(?<prefix>[ \t]*#r[ \t]+")(?=\.\./)""", RegexOptions.Multiline)]
    private static partial Regex RelativeReference();

    [GeneratedRegex("""^(?<prefix>[ \t]*var[ \t]+words[ \t]*=[ \t]*)(?:L1Lab\.)?Words\.English;""", RegexOptions.Multiline)]
    private static partial Regex WordsSetup();
}
