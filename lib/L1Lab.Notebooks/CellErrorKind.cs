namespace L1Lab.Notebooks;

/// <summary>Why a cell failed.</summary>
public enum CellErrorKind
{
    /// <summary>A directive (#r, #!, #i, ...) could not be honoured.</summary>
    Directive,
    /// <summary>The C# did not compile.</summary>
    Compilation,
    /// <summary>The code threw.</summary>
    Runtime,
    /// <summary>The run was cancelled while the cell ran.</summary>
    Cancelled,
    /// <summary>The cell ran longer than the run's per-cell time limit (<see cref="NotebookRunOptions.CellTimeout"/>) and was stopped.</summary>
    Timeout,
}
