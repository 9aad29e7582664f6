namespace L1Lab.Notebooks;

/// <summary>One cell's part in a run.</summary>
/// <param name="CellNumber">1-based index among all cells.</param>
/// <param name="CodeCellNumber">1-based index among code cells, null for markdown and raw cells.</param>
/// <param name="Status">Ran, skipped or failed.</param>
/// <param name="Note">Why a cell was skipped; null otherwise.</param>
/// <param name="Result">The execution result of a cell that ran or failed; null when skipped.</param>
public sealed record NotebookCellReport(int CellNumber, int? CodeCellNumber, NotebookCellStatus Status, string? Note, CellResult? Result);
