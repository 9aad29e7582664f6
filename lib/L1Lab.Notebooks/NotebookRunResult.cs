namespace L1Lab.Notebooks;

/// <summary>The outcome of running one notebook.</summary>
/// <param name="NotebookPath">The notebook, as given to the runner.</param>
/// <param name="Cells">Every cell reached, in order; cells after a failure are absent.</param>
/// <param name="Failure">Null when every cell ran.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
/// <param name="SavedTo">Path of the executed copy when one was saved.</param>
public sealed record NotebookRunResult(string NotebookPath, IReadOnlyList<NotebookCellReport> Cells, NotebookFailure? Failure, TimeSpan Elapsed, string? SavedTo)
{
    /// <summary>True when no cell failed.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>How many cells were executed (including a failing one).</summary>
    public int CellsRun => Cells.Count(c => c.Status != NotebookCellStatus.Skipped);
}
