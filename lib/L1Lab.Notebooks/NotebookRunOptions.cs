namespace L1Lab.Notebooks;

/// <summary>How <see cref="NotebookRunner.RunAsync"/> runs a notebook.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>Overrides for the variables of the cell tagged <c>parameters</c> (<c>--set epochs=1</c>); empty for none.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>When set, the executed notebook (with outputs) is written atomically to this folder under the source's file name.</summary>
    public string? SaveToDirectory { get; init; }

    /// <summary>Called after each cell, run or skipped, in order (e.g. to print outputs as they come).</summary>
    public Action<NotebookCellReport>? OnCell { get; init; }

    /// <summary>
    /// Called with the cell number and each stream write, display, <see cref="DisplayUpdate"/> and <see cref="ClearOutput"/>
    /// while a cell runs (a long training cell shows its progress).
    /// </summary>
    public Action<int, CellOutput>? OnOutput { get; init; }

    /// <summary>Run every cell even after one fails (a grader wants each exercise's own outcome); by default the run stops at the first failure.</summary>
    public bool ContinueAfterFailure { get; init; }

    /// <summary>When set, a cell still running after this long is cancelled and fails with <see cref="CellErrorKind.Timeout"/>.</summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>Folder that relative <c>#r</c> paths start from; null for the notebook's own folder (a grader runs a copy elsewhere).</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>When set, each cell keeps at most this many characters of output; the rest is dropped with a note.</summary>
    public int? MaxOutputCharacters { get; init; }
}
