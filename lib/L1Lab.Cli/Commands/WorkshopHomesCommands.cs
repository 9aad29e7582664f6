using System.CommandLine;
using L1Lab.Workshop;

namespace L1Lab.Cli.Commands;

/// <summary>
/// <c>l1lab workshop collect &lt;learners…&gt; --out submissions/ [--homes /home] [--folder l1lab/notebooks] [--notebook NAME]…</c>
/// copies each learner's notebooks from their home into <c>submissions/LEARNER/</c>;
/// <c>l1lab workshop return &lt;grades/&gt; --submissions submissions/ [--homes /home] [--folder l1lab/notebooks]</c> puts each
/// feedback page into its learner's <c>feedback/</c> folder. A learner name that is not a plain user name is one line
/// and exit code 2 before anything is copied; a missing home, notebook or unreadable folder is one line each, the
/// other learners are still served, and the exit code is 1.
/// </summary>
static class WorkshopHomesCommands
{
    /// <summary>Where the server's spawn hook puts the course in each home (deploy/jupyterhub).</summary>
    const string DefaultFolder = "l1lab/notebooks";

    public static Command Collect()
    {
        var learners = new Argument<string[]>("learners") { Description = "Learners' user names.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Folder for the submissions, one sub-folder per learner.", Required = true };
        var (homes, folder) = HomeOptions();
        var notebooks = new Option<string[]>("--notebook") { Description = "Collect only this notebook (file name; repeatable). Default: every .ipynb in the course folder.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("collect", "Copy each learner's notebooks from HOMES/LEARNER/FOLDER/ into OUT/LEARNER/, ready for 'workshop grade'.")
        {
            learners, output, homes, folder, notebooks,
        };
        command.SetAction(parseResult =>
        {
            var names = parseResult.GetValue(learners) ?? [];
            RequirePlainNames(names);
            var homesDirectory = InputPath.Folder(parseResult.GetValue(homes), "--homes");
            var courseFolder = CourseFolder(parseResult.GetValue(folder));
            var wanted = parseResult.GetValue(notebooks) ?? [];
            if (wanted.FirstOrDefault(n => n != Path.GetFileName(n) || !n.EndsWith(".ipynb", StringComparison.Ordinal)) is { } bad)
                throw new UsageException($"--notebook {bad}: give a notebook's file name, e.g. 02-l1-penalty.ipynb");
            var outDirectory = parseResult.GetValue(output)!;
            OutputLocation.Prepare(outDirectory, "--out");
            var outcome = LearnerHomes.Collect(names, homesDirectory, courseFolder, wanted, outDirectory);
            return Report(outcome, "collected", parseResult.InvocationConfiguration);
        });
        return command;
    }

    public static Command Return()
    {
        var grades = new Argument<string>("grades") { Description = "The output folder of 'workshop grade' (feedback.json and the pages)." };
        var submissions = new Option<string>("--submissions") { Description = "The folder 'workshop collect' wrote (LEARNER/NOTEBOOK.ipynb).", Required = true };
        var (homes, folder) = HomeOptions();
        var command = new Command("return", "Put each learner's feedback pages into HOMES/LEARNER/FOLDER/feedback/.")
        {
            grades, submissions, homes, folder,
        };
        command.SetAction(parseResult =>
        {
            var gradesDirectory = InputPath.Folder(parseResult.GetValue(grades), "grades folder");
            var submissionsDirectory = InputPath.Folder(parseResult.GetValue(submissions), "--submissions");
            var homesDirectory = InputPath.Folder(parseResult.GetValue(homes), "--homes");
            var courseFolder = CourseFolder(parseResult.GetValue(folder));
            LearnerHomes.Outcome outcome;
            try
            {
                outcome = LearnerHomes.Return(gradesDirectory, submissionsDirectory, homesDirectory, courseFolder);
            }
            catch (WorkshopException e)
            {
                throw new UsageException(e.Message);
            }
            return Report(outcome, "returned", parseResult.InvocationConfiguration);
        });
        return command;
    }

    static (Option<string> Homes, Option<string> Folder) HomeOptions() =>
        (new Option<string>("--homes") { Description = "The folder holding the learners' homes.", DefaultValueFactory = _ => "/home" },
         new Option<string>("--folder") { Description = "The course folder inside each home (where the spawn hook puts the release).", DefaultValueFactory = _ => DefaultFolder });

    static void RequirePlainNames(IEnumerable<string> names)
    {
        if (names.FirstOrDefault(n => !LearnerHomes.IsPlainName(n)) is { } bad)
            throw new UsageException($"learner '{bad}': not a plain user name (a lowercase letter or _, then lowercase letters, digits, _ or -, at most 32); nothing was collected");
    }

    static string CourseFolder(string? folder)
    {
        Cli.Require(!string.IsNullOrEmpty(folder) && !Path.IsPathRooted(folder) && folder.Split('/').All(p => p is not ("" or "." or "..")),
            $"--folder {folder}: give the course folder's path inside each home, e.g. l1lab/notebooks");
        return folder!;
    }

    static int Report(LearnerHomes.Outcome outcome, string verb, InvocationConfiguration console)
    {
        foreach (var path in outcome.Written) console.Output.WriteLine($"{verb} {path}");
        foreach (var problem in outcome.Problems) console.Error.WriteLine($"l1lab: {problem}");
        console.Output.WriteLine($"{verb} {outcome.Written.Count} file{(outcome.Written.Count == 1 ? "" : "s")}; {outcome.Problems.Count} problem{(outcome.Problems.Count == 1 ? "" : "s")}");
        return outcome.Problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
