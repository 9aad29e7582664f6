using L1Lab.Notebooks;

namespace L1Lab.Workshop;

/// <summary>
/// The grading child process's side (<c>l1lab workshop run-submission</c>): runs one merged notebook with the
/// engine, every cell even after failures, each under the time limit and with its output capped, and reports each
/// cell's outcome as a <see cref="CellEvent"/> line, prefixed with the token the grader gave on standard input,
/// straight to the process's standard output (cells' own console output goes to their outputs, not there).
/// </summary>
public static class SubmissionRun
{
    /// <summary>Output a cell may keep; the rest is dropped, so a cell printing forever cannot exhaust memory.</summary>
    public const int MaxOutputCharacters = 200_000;

    /// <summary>Runs <paramref name="notebookPath"/> (its relative <c>#r</c> lines resolve from its own folder); returns 0 when every cell was reported, 1 when the notebook could not be run.
    /// With <paramref name="endStrayProcesses"/> (inside the grading sandbox only) every process a cell left behind is
    /// ended once the cell is done.</summary>
    public static async Task<int> RunAsync(string notebookPath, IReadOnlyDictionary<string, string> parameters,
        TimeSpan cellTimeout, string token, Stream events, CancellationToken cancellationToken, bool endStrayProcesses = false)
    {
        var writer = new StreamWriter(events) { AutoFlush = true };
        var gate = new object();
        void Report(CellEvent e)
        {
            lock (gate) writer.WriteLine(token + " " + e.ToJson());
        }

        Report(CellEvent.Started);
        try
        {
            await NotebookRunner.RunAsync(notebookPath, new NotebookRunOptions
            {
                Parameters = parameters,
                ContinueAfterFailure = true,
                CellTimeout = cellTimeout,
                MaxOutputCharacters = MaxOutputCharacters,
                OnCell = cell =>
                {
                    if (endStrayProcesses) StrayProcesses.End();
                    Report(CellEvent.ForCell(cell.CellNumber, StatusOf(cell), cell.Result?.Error?.ToString() ?? ""));
                },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (NotebookException e)
        {
            Report(CellEvent.Error(e.Message));
            return 1;
        }
        Report(CellEvent.Done);
        return 0;
    }

    static CellRunStatus StatusOf(NotebookCellReport cell) => cell.Status switch
    {
        NotebookCellStatus.Ran => CellRunStatus.Ran,
        NotebookCellStatus.Skipped => CellRunStatus.Skipped,
        _ => cell.Result?.Error?.Kind == CellErrorKind.Timeout ? CellRunStatus.Timeout : CellRunStatus.Failed,
    };
}
