using System.CommandLine;
using L1Lab.Authoring.Export;
using L1Lab.Notebooks;

namespace L1Lab.Cli.Commands;

/// <summary>
/// <c>l1lab notebooks export --to cs [notebooks…] [--out lessons] [--check]</c>: writes each course notebook as a .NET
/// file-based app, <c>lessons/NN-name.cs</c> (an edition's notebooks under <c>lessons/&lt;lang&gt;/</c>), for learners who
/// run plain C# files (<see cref="LessonExport"/>). With no notebooks it exports all of them, both editions. With
/// <c>--check</c> it writes nothing, prints one line per lesson file that differs from a fresh export (or that no
/// notebook produces any more) and exits 1 if there is one, as CI's test does.
/// </summary>
/// <remarks>
/// Every input is checked and every lesson generated before the first file is written: a missing notebook, an unknown
/// format or a folder that cannot be written is one line and exit code 2, with nothing written.
/// </remarks>
public static class ExportCommand
{
    /// <summary>Builds the <c>export</c> subcommand of <c>notebooks</c>.</summary>
    public static Command Create()
    {
        var files = new Argument<string[]>("notebooks")
        {
            Description = "Notebooks (.ipynb) to export; default: every notebook in --notebooks and its edition folders.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var to = new Option<string>("--to")
        {
            Description = "The format: cs (a .NET 10 file-based app, run with `dotnet run lessons/NN-name.cs`).",
            Required = true,
        };
        var output = new Option<string>("--out")
        {
            Description = "The lessons' folder; an edition's lessons go to a sub-folder named like the edition's.",
            DefaultValueFactory = _ => "lessons",
        };
        var folder = new Option<string>("--notebooks")
        {
            Description = "The English notebooks' folder (edition notebooks are in its sub-folders).",
            DefaultValueFactory = _ => "notebooks",
        };
        var check = new Option<bool>("--check")
        {
            Description = "Write nothing; print each lesson file that is not what a fresh export writes, and exit 1 if there is one.",
        };
        var command = new Command("export", "Write the notebooks as lessons that run with `dotnet run` (.NET 10 file-based apps).")
        {
            files, to, output, folder, check,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(files) ?? [],
            parseResult.GetValue(to)!,
            parseResult.GetValue(output)!,
            parseResult.GetValue(folder)!,
            parseResult.GetValue(check),
            parseResult.InvocationConfiguration.Output));
        return command;
    }

    static int Run(string[] files, string to, string outFolder, string notebooksFolder, bool check, TextWriter output)
    {
        Cli.Require(to == "cs", $"--to {to}: unknown format (the one format is cs)");
        InputPath.Folder(notebooksFolder, "--notebooks");
        foreach (var file in files)
            InputPath.File(file, "notebook");
        OutputLocation.FullPath(outFolder, "--out");
        var notebooks = files.Length > 0 ? files : LessonExport.CourseNotebooks(notebooksFolder);
        Cli.Require(notebooks.Count > 0, $"--notebooks {notebooksFolder}: no notebooks there");

        IReadOnlyList<ExportedLesson> plan;
        try
        {
            plan = LessonExport.Plan(notebooks, notebooksFolder, outFolder);
        }
        catch (NotebookException e)
        {
            throw new UsageException(e.Message);
        }

        if (check)
        {
            var stale = 0;
            foreach (var lesson in plan.Where(l => !l.UpToDate))
            {
                output.WriteLine($"{lesson.OutputPath}: {(File.Exists(lesson.OutputPath) ? "differs from" : "missing from")} a fresh export of {lesson.NotebookPath} (run l1lab notebooks export --to cs)");
                stale++;
            }
            // An orphan only counts when the whole course is exported: a partial export knows of no other lessons.
            foreach (var orphan in files.Length > 0 ? [] : LessonExport.Orphans(plan, outFolder))
            {
                output.WriteLine($"{orphan}: no notebook exports to it any more (delete it)");
                stale++;
            }
            return stale == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        }

        foreach (var directory in plan.Select(l => Path.GetDirectoryName(Path.GetFullPath(l.OutputPath))!).Distinct(StringComparer.Ordinal))
            OutputLocation.Prepare(directory, "--out");
        foreach (var lesson in plan)
            output.WriteLine($"{lesson.OutputPath}: {(LessonExport.Write(lesson) ? "written" : "unchanged")}");
        return ExitCodes.Ok;
    }
}
