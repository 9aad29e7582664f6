namespace L1Lab.Workshop;

/// <summary>How an exercise's test went; written in lower case in grades.csv.</summary>
public enum GradeStatus
{
    /// <summary>The test cell ran without error: full points.</summary>
    Ok,
    /// <summary>The test (or the solution it checks) failed: an assertion, an exception, a compile error, not done yet.</summary>
    Failed,
    /// <summary>The solution or its test ran longer than the per-cell time limit.</summary>
    Timeout,
    /// <summary>The test could not be run: the file is not a notebook, or the learner's code ended the grading process.</summary>
    Error,
}
