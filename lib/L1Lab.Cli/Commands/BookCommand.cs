using System.CommandLine;
using L1Lab.Authoring.Book;
using L1Lab.Notebooks;

namespace L1Lab.Cli.Commands;

/// <summary>
/// <c>l1lab book build [--out DIR] [--quick] [--set name=value]… [--from DIR] [--notebooks DIR]</c>: the course as a static,
/// offline book — every notebook executed (or taken executed from <c>--from</c>) and written as a page with its math
/// typeset, its C# highlighted and every output, plus index.html with the course table.
/// </summary>
public static class BookCommand
{
    /// <summary>Builds the <c>book</c> command with its <c>build</c> subcommand.</summary>
    public static Command Create()
    {
        var output = new Option<string>("--out")
        {
            Description = "Folder of the site (replaced as a whole when the build succeeds).",
            DefaultValueFactory = _ => Path.Combine("artifacts", "book"),
        };
        var set = ParameterAssignments.SetOption("Override a variable of the notebooks' parameters cells, e.g. --set epochs=1 (repeatable), as in 'notebooks run'.");
        var quick = ParameterAssignments.QuickOption();
        var from = new Option<string?>("--from")
        {
            Description = "Take executed notebooks from this folder (e.g. 'notebooks run --save-to'; zh-CN/ inside for the Chinese edition) instead of running them.",
        };
        var notebooks = new Option<string>("--notebooks")
        {
            Description = "The course's notebooks folder; a zh-CN/ subfolder with notebooks adds the Chinese edition.",
            DefaultValueFactory = _ => "notebooks",
        };
        var saveTo = new Option<string?>("--save-to")
        {
            Description = "Also keep the executed notebooks in this folder (zh-CN/ inside for the Chinese edition), as 'notebooks run --save-to' does.",
        };
        var build = new Command("build", "Execute the notebooks and write the course as an offline HTML book (index.html and one page per notebook).")
        {
            output, set, quick, from, notebooks, saveTo,
        };
        build.SetAction(async (parseResult, cancellationToken) =>
        {
            var sets = parseResult.GetValue(set) ?? [];
            var executed = parseResult.GetValue(from);
            Cli.Require(sets.Length == 0 || executed is null, "--set: cannot be combined with --from (the notebooks there are already executed)");
            Cli.Require(!parseResult.GetValue(quick) || executed is null, "--quick: cannot be combined with --from (the notebooks there are already executed)");
            Cli.Require(parseResult.GetValue(saveTo) is null || executed is null, "--save-to: cannot be combined with --from (the notebooks there are already executed)");
            var options = Validate(parseResult.GetValue(output)!, parseResult.GetValue(notebooks)!, executed, ParameterAssignments.Parse(sets), parseResult.GetValue(quick), parseResult.GetValue(saveTo));
            try
            {
                return await new BookBuilder(options, parseResult.InvocationConfiguration.Output).BuildAsync(cancellationToken).ConfigureAwait(false) ? ExitCodes.Ok : ExitCodes.Failed;
            }
            catch (NotebookException e) when (executed is not null)
            {
                throw new UsageException(e.Message); // --from: a file there is not a readable notebook
            }
            catch (NotebookException e)
            {
                throw new RunFailedException($"{e.Message}; book not built, {options.Out} is left as it was");
            }
        });
        return new Command("book", "The course as a book.") { build };
    }

    /// <summary>
    /// Checks the options before any work, each problem a <see cref="UsageException"/> naming the option, and returns
    /// what to build with every notebook's parameter values resolved.
    /// </summary>
    static BookOptions Validate(string output, string notebooks, string? from, IReadOnlyDictionary<string, string> sets, bool quick, string? saveTo)
    {
        Cli.Require(!string.IsNullOrWhiteSpace(output), "--out: give the folder to write the book to");
        var source = from ?? notebooks;
        var option = from is null ? "--notebooks" : "--from";
        InputPath.Folder(source, option);
        Cli.Require(Directory.GetFiles(source, "*.ipynb").Length > 0, $"{option} {source}: no .ipynb notebooks in it");
        var full = OutputLocation.FullPath(output, "--out");
        Cli.Require(Path.GetDirectoryName(full) is not null, $"--out {output}: the book replaces its folder as a whole, so it cannot be a root folder");
        Cli.Require(!File.Exists(full), $"--out {output}: is a file, not a folder");
        Cli.Require(!Directory.Exists(full) || !Directory.EnumerateFileSystemEntries(full).Any() || File.Exists(Path.Combine(full, "index.html")),
            $"--out {output}: the folder holds files but no book (no index.html); choose an empty or new folder, it is replaced as a whole");
        var values = from is null
            ? ParameterAssignments.Resolve(BookBuilder.NotebookFiles(source), sets, quick)
            : new Dictionary<string, IReadOnlyDictionary<string, string>>();
        // Last, once the rest is known to be valid, and before any notebook runs: the site's parent folder (which
        // holds the build in progress and receives the finished site), the site's folder when it exists, and the
        // folder for executed notebooks are created where missing and probed.
        OutputLocation.Prepare(Path.GetDirectoryName(full), $"--out {OutputLocation.Shown(output)}: its parent folder");
        if (Directory.Exists(full)) OutputLocation.Prepare(full, "--out");
        if (saveTo is not null) OutputLocation.Prepare(saveTo, "--save-to");
        return new BookOptions(output, notebooks, from, values, saveTo, new PlotlyAsset(L1Lab.Visuals.PlotlyScript.Text, L1Lab.Visuals.PlotlyScript.License));
    }
}
