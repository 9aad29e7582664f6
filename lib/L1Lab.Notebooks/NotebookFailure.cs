namespace L1Lab.Notebooks;

/// <summary>Where and why a notebook run stopped (with <see cref="NotebookRunOptions.ContinueAfterFailure"/>, its first failure).</summary>
/// <param name="NotebookPath">The notebook, as given to the runner.</param>
/// <param name="CellNumber">1-based index of the failing cell among all cells.</param>
/// <param name="CodeCellNumber">1-based index of the failing cell among code cells.</param>
/// <param name="Error">The cell's error, with its line within the cell.</param>
public sealed record NotebookFailure(string NotebookPath, int CellNumber, int CodeCellNumber, CellError Error)
{
    /// <summary>"path: cell 3 (code cell 2), line 4: error CS0103: ..." — the line a person reads.</summary>
    public string Message => $"{NotebookPath}: cell {CellNumber} (code cell {CodeCellNumber}), {Error}";

    /// <inheritdoc cref="Message"/>
    public override string ToString() => Message;
}
