using System.CommandLine;
using System.Globalization;
using L1Lab.Notebooks;

namespace L1Lab.Cli.Commands;

/// <summary>
/// <c>l1lab notebooks run &lt;files…&gt; [--quick] [--set name=value]… [--save-to DIR]</c>: runs the course notebooks with
/// L1Lab's own engine (no Jupyter needed), prints each cell's outputs, and fails with the notebook, cell and line
/// of the first error. Relative <c>#r</c> paths inside a notebook start from the notebook's folder, so the command
/// works from any current directory; the source notebooks are never modified.
/// </summary>
/// <remarks>
/// Exit codes (<see cref="ExitCodes"/>): a missing file or a malformed or unknown <c>--set</c> is a usage error,
/// before anything runs; a notebook that fails or cannot be read makes the command fail after the others ran.
/// </remarks>
public static class NotebooksCommand
{
    /// <summary>Builds the <c>notebooks</c> command with its <c>run</c> subcommand.</summary>
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Notebooks (.ipynb) to run, in order.",
            Arity = ArgumentArity.OneOrMore,
        };
        var set = ParameterAssignments.SetOption("Override a variable of the cell tagged 'parameters', e.g. --set epochs=1 (repeatable).");
        var quick = ParameterAssignments.QuickOption();
        var saveTo = new Option<string?>("--save-to")
        {
            Description = "Write each executed notebook, with outputs, to this folder (the sources stay clean).",
        };

        var run = new Command("run", "Run notebooks' C# cells top to bottom in one session each; stop a notebook at its first error.")
        {
            files, set, quick, saveTo,
        };
        run.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(files) ?? [],
            parseResult.GetValue(set) ?? [],
            parseResult.GetValue(quick),
            parseResult.GetValue(saveTo),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));

        return new Command("notebooks", "Work with the course notebooks.") { run, TranslateCommand.Create(), ExportCommand.Create() };
    }

    static async Task<int> RunAsync(string[] files, string[] sets, bool quick, string? saveTo, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var parameters = ParameterAssignments.Parse(sets);
        foreach (var file in files)
            InputPath.File(file, "notebook");
        if (saveTo is not null) OutputLocation.Prepare(saveTo, "--save-to");

        var values = ParameterAssignments.Resolve(files, parameters, quick);

        var exit = ExitCodes.Ok;
        var printer = new CellPrinter(output);
        foreach (var file in files)
        {
            NotebookRunResult result;
            try
            {
                result = await NotebookRunner.RunAsync(file, new NotebookRunOptions
                {
                    Parameters = values[file],
                    SaveToDirectory = saveTo,
                    OnOutput = (cell, o) => printer.Live(cell, o),
                    OnCell = printer.Finished,
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (NotebookParameterException e)
            {
                throw new UsageException(e.Message);
            }
            catch (NotebookException e)
            {
                await error.WriteLineAsync(e.Message).ConfigureAwait(false);
                exit = ExitCodes.Failed;
                continue;
            }

            if (result.Failure is { } failure)
            {
                // A cell stopped by Ctrl+C is not the notebook's failure: the command reports the cancellation.
                cancellationToken.ThrowIfCancellationRequested();
                await error.WriteLineAsync(failure.Message).ConfigureAwait(false);
                exit = ExitCodes.Failed;
            }
            var seconds = result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            await output.WriteLineAsync($"{file}: {result.CellsRun} cells ran in {seconds} s{(result.Succeeded ? "" : " (failed)")}").ConfigureAwait(false);
            if (result.SavedTo is { } saved)
                await output.WriteLineAsync($"{file}: saved to {saved}").ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
        return exit;
    }

    /// <summary>Prints each cell's streams and displays as they happen, then its value, under a "[cell N]" header.</summary>
    sealed class CellPrinter(TextWriter output)
    {
        readonly object _gate = new();
        int _headerFor = -1;
        bool _atLineStart = true;

        public void Live(int cell, CellOutput o)
        {
            lock (_gate)
            {
                Header(cell);
                switch (o)
                {
                    case StreamOutput s:
                        output.Write(s.Text);
                        _atLineStart = s.Text.EndsWith('\n');
                        break;
                    case DisplayDataOutput d:
                        Line(Describe(d.Bundle));
                        break;
                }
            }
        }

        public void Finished(NotebookCellReport report)
        {
            lock (_gate)
            {
                if (report.Status == NotebookCellStatus.Skipped && report.Note is { } note && report.CodeCellNumber is not null)
                    Line($"[cell {report.CellNumber}] skipped: {note}");
                foreach (var r in report.Result?.Outputs.OfType<ExecuteResultOutput>() ?? [])
                {
                    Header(report.CellNumber);
                    Line(Describe(r.Bundle));
                }
                if (!_atLineStart) Line("");
            }
        }

        void Header(int cell)
        {
            if (_headerFor == cell) return;
            if (!_atLineStart) Line("");
            Line($"[cell {cell}]");
            _headerFor = cell;
        }

        void Line(string text)
        {
            output.WriteLine(text);
            output.Flush();
            _atLineStart = true;
        }
    }

    /// <summary>text/plain, followed by a size placeholder for each rich representation (html, png).</summary>
    static string Describe(MimeBundle bundle)
    {
        var rich = bundle.Data
            .Where(kv => kv.Key != "text/plain")
            .Select(kv => $"[{kv.Key} {Size(kv.Key == "image/png" ? kv.Value.Length * 3 / 4 : System.Text.Encoding.UTF8.GetByteCount(kv.Value))}]")
            .ToList();
        var text = bundle.Data.ContainsKey("image/png") ? "" : bundle.PlainText;
        return string.Join(rich.Count > 0 && text.Contains('\n') ? "\n" : " ", new[] { text }.Concat(rich).Where(s => s.Length > 0));
    }

    static string Size(int bytes) => bytes < 1024
        ? $"{bytes} B"
        : (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " kB";
}
