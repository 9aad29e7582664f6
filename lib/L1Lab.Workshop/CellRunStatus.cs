namespace L1Lab.Workshop;

/// <summary>
/// What happened to one cell of a graded notebook; written in lower case on the wire ("ran", "skipped", …).
/// The child reports the first four; the grader itself records <see cref="Crashed"/>.
/// </summary>
public enum CellRunStatus
{
    /// <summary>The cell ran without error.</summary>
    Ran,
    /// <summary>Not code, or empty: nothing to run.</summary>
    Skipped,
    /// <summary>An exception or a compile error.</summary>
    Failed,
    /// <summary>The cell ran past the time limit and was stopped (or its process killed).</summary>
    Timeout,
    /// <summary>The cell ended the grading process (Environment.Exit, a stack overflow, a sandbox limit).</summary>
    Crashed,
}
