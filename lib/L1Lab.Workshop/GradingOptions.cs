namespace L1Lab.Workshop;

/// <summary>How <see cref="Grader"/> grades submissions.</summary>
public sealed record GradingOptions
{
    /// <summary>Folder of the instructor notebooks (the key); each submission is graded against the one with its file name.</summary>
    public required string KeyDirectory { get; init; }

    /// <summary>Where grades.csv and the feedback pages go.</summary>
    public required string OutDirectory { get; init; }

    /// <summary>How to start a grading child process.</summary>
    public required RunnerCommand Runner { get; init; }

    /// <summary>
    /// The sandbox each submission runs in; null runs learners' code unconfined, with the teacher's rights (only when
    /// the teacher asks for it with <c>--no-sandbox</c>).
    /// </summary>
    public required GradingSandbox? Sandbox { get; init; }

    /// <summary>How long one cell may run before it is stopped and its exercise marked "timeout".</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Overrides for the notebooks' parameters cells (quick sizes); each notebook gets the names it declares.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Each key notebook's own resolved values (its quick values, then <c>--set</c>), by the key's file name. They win
    /// over <see cref="Parameters"/>, so notebooks whose quick sizes differ can be graded in one run.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> KeyParameters { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>Told about each submission as its grading starts and ends.</summary>
    public Action<string>? Progress { get; init; }
}
