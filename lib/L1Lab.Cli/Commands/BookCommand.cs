using System.CommandLine;
using L1Lab.Cli.Book;

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
        build.SetAction((parseResult, cancellationToken) =>
        {
            var sets = parseResult.GetValue(set) ?? [];
            var executed = parseResult.GetValue(from);
            Cli.Require(sets.Length == 0 || executed is null, "--set: cannot be combined with --from (the notebooks there are already executed)");
            Cli.Require(!parseResult.GetValue(quick) || executed is null, "--quick: cannot be combined with --from (the notebooks there are already executed)");
            Cli.Require(parseResult.GetValue(saveTo) is null || executed is null, "--save-to: cannot be combined with --from (the notebooks there are already executed)");
            var builder = new BookBuilder(new BookOptions(parseResult.GetValue(output)!, parseResult.GetValue(notebooks)!, executed, ParameterAssignments.Parse(sets), parseResult.GetValue(saveTo), parseResult.GetValue(quick)),
                parseResult.InvocationConfiguration.Output);
            builder.Validate();
            return builder.BuildAsync(cancellationToken);
        });
        return new Command("book", "The course as a book.") { build };
    }
}
