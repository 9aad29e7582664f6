using System.CommandLine;
using L1Lab.Authoring.Translation;
using L1Lab.Notebooks;

namespace L1Lab.Cli.Commands;

/// <summary>
/// <c>l1lab notebooks translate --lang zh-CN [--check | --update] [--notebooks DIR]</c>: generates a translated
/// edition of the course from the English notebooks and its translation files (see <see cref="Edition"/>), lists
/// every cell whose translation is stale, marked todo or missing, and with <c>--check</c> fails unless the
/// committed edition is exactly what would be generated and fully translated (CI runs the same check as a test).
/// </summary>
public static class TranslateCommand
{
    /// <summary>Exit code when the edition was written, or with <c>--check</c> when it is current and complete.</summary>
    public const int Success = 0;

    /// <summary>Exit code when <c>--check</c> finds work left, or a notebook or translation file cannot be read.</summary>
    public const int Incomplete = 1;

    /// <summary>Exit code for bad arguments: no such notebooks folder or edition.</summary>
    public const int BadArguments = 2;

    /// <summary>Builds the <c>translate</c> subcommand of <c>notebooks</c>.</summary>
    public static Command Create()
    {
        var language = new Option<string>("--lang")
        {
            Description = "The edition: a folder notebooks/<lang>/ with a translations/ folder, e.g. zh-CN.",
            Required = true,
        };
        var check = new Option<bool>("--check")
        {
            Description = "Write nothing; exit 1 unless every edition notebook is up to date and every markdown cell translated from the current English.",
        };
        var update = new Option<bool>("--update")
        {
            Description = "Rewrite the translation files for the translator: add new cells and re-mark changed ones as '| todo'; then generate.",
        };
        var folder = new Option<string>("--notebooks")
        {
            Description = "The English notebooks' folder.",
            DefaultValueFactory = _ => "notebooks",
        };
        var command = new Command("translate", "Generate a translated edition of the notebooks from the English ones and notebooks/<lang>/translations/*.md.")
        {
            language, check, update, folder,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(folder)!,
            parseResult.GetValue(language)!,
            parseResult.GetValue(check),
            parseResult.GetValue(update),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    static int Run(string notebooks, string language, bool check, bool update, TextWriter output, TextWriter error)
    {
        if (check && update)
        {
            error.WriteLine("--check and --update: choose one (--check writes nothing)");
            return BadArguments;
        }
        if (!Directory.Exists(notebooks))
        {
            error.WriteLine($"--notebooks {notebooks}: no such folder");
            return BadArguments;
        }
        var translations = Path.Combine(Edition.Folder(notebooks, language), Edition.TranslationsFolderName);
        if (language.Length == 0 || language.IndexOfAny(['/', '\\', '.']) >= 0 || !Directory.Exists(translations))
        {
            error.WriteLine($"--lang {language}: no edition folder {translations}");
            return BadArguments;
        }

        IReadOnlyList<NotebookTranslation> plan;
        try
        {
            if (update)
            {
                foreach (var english in Edition.EnglishNotebooks(notebooks))
                    Edition.Update(english, Edition.TranslationPathFor(english, language), language);
            }
            plan = Edition.Plan(notebooks, language);
        }
        catch (Exception e) when (e is NotebookException or TranslationFileException)
        {
            error.WriteLine(e.Message);
            return Incomplete;
        }

        var pending = 0;
        foreach (var notebook in plan)
        {
            var written = !check && Edition.Write(notebook);
            var status = check ? (notebook.UpToDate ? "up to date" : "OUT OF DATE (regenerate)") : written ? "written" : "unchanged";
            output.WriteLine($"{notebook.OutputPath}: {notebook.Translated}/{notebook.Cells.Count} markdown cells translated, {status}");
            foreach (var cell in notebook.Pending)
                output.WriteLine($"  {cell.State.ToString().ToLowerInvariant(),-7} {cell.CellId}  {cell.FirstLine}");
            foreach (var orphan in notebook.Orphans)
                output.WriteLine($"  orphan  {orphan}  (no such markdown cell in {notebook.EnglishPath}; --update drops it)");
            pending += notebook.Pending.Count + notebook.Orphans.Count;
        }

        if (pending > 0)
            output.WriteLine($"{pending} cell(s) to translate in {translations}: run with --update to mark them '| todo', translate, then remove '| todo'.");
        if (!check) return Success;
        return plan.All(n => n.Complete) ? Success : Incomplete;
    }
}
