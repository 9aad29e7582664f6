namespace L1Lab.Workshop;

/// <summary>What happened to one cell of a graded notebook.</summary>
/// <param name="Status">How the cell's run ended.</param>
/// <param name="Message">The error, or why the process ended; empty when the cell ran.</param>
public sealed record CellOutcome(CellRunStatus Status, string Message);
