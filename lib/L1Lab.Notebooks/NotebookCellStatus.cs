namespace L1Lab.Notebooks;

/// <summary>What happened to a cell in a run.</summary>
public enum NotebookCellStatus
{
    /// <summary>The cell ran to the end.</summary>
    Ran,
    /// <summary>Markdown, raw, empty, or not C#: not executed (see the note).</summary>
    Skipped,
    /// <summary>The cell failed (and stopped the run unless <see cref="NotebookRunOptions.ContinueAfterFailure"/>).</summary>
    Failed,
}
