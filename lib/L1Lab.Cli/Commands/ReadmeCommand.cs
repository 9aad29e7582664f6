using System.CommandLine;
using L1Lab.Cli.Reports;
using L1Lab.Data;
using L1Lab.IO;

namespace L1Lab.Cli.Commands;

/// <summary>
/// <c>l1lab readme [--check]</c>: regenerates the README's results block (between <see cref="ReadmeResults.Begin"/> and
/// <see cref="ReadmeResults.End"/>) from the committed result files in <c>results/</c>; with <c>--check</c> it only
/// reports whether README.md is current (exit code 1 if not).
/// </summary>
public static class ReadmeCommand
{
    /// <summary>Builds the <c>readme</c> command.</summary>
    public static Command Create()
    {
        var check = new Option<bool>("--check") { Description = "Only check that README.md matches the result files; change nothing." };
        var command = new Command("readme", "Regenerate the README's results block from the committed result files in results/.") { check };
        command.SetAction(parsed =>
        {
            var root = Directory.GetParent(DataPaths.FindDataDirectory())!.FullName;
            var readmePath = Path.Combine(root, "README.md");
            Cli.Require(File.Exists(readmePath), $"README.md not found in {root}.");
            foreach (var (file, _) in ReadmeResults.Sources)
                Cli.Require(File.Exists(Path.Combine(root, file)), $"{file} not found: run the reproduce command it names in README.md and copy its results.csv there.");
            var readme = File.ReadAllText(readmePath);
            string updated;
            try { updated = ReadmeResults.Update(readme, ReadmeResults.Render(root)); }
            catch (FormatException e) { throw new UsageException(e.Message); }
            if (parsed.GetValue(check))
            {
                parsed.InvocationConfiguration.Output.WriteLine(updated == readme ? "README.md is current." : "README.md is out of date: run `dotnet run --project lib/L1Lab.Cli -- readme`.");
                return updated == readme ? ExitCodes.Ok : ExitCodes.Failed;
            }
            if (updated != readme)
            {
                OutputLocation.Prepare(root, "README.md folder");
                AtomicFile.WriteAllText(readmePath, updated);
            }
            parsed.InvocationConfiguration.Output.WriteLine(updated == readme ? "README.md was already current." : $"Rewrote the results block of {readmePath}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
