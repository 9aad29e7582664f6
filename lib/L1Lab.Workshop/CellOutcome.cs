namespace L1Lab.Workshop;

/// <summary>What happened to one cell of a graded notebook.</summary>
/// <param name="Status">"ran", "skipped", "failed", "timeout", or "crashed" (the cell ended the grading process).</param>
/// <param name="Message">The error, or why the process ended; empty when the cell ran.</param>
public sealed record CellOutcome(string Status, string Message);
