namespace L1Lab.Interactive.Tests;

/// <summary>What came back for one <c>SubmitCode</c>: its events in arrival order, and whether it succeeded.</summary>
public sealed record Submission(string Code, IReadOnlyList<KernelEvent> Events, TimeSpan Elapsed)
{
    /// <summary>The submission ended with <c>CommandSucceeded</c> (rather than <c>CommandFailed</c>).</summary>
    public bool Succeeded => Events.Count > 0 && Events[^1].EventType == "CommandSucceeded";

    /// <summary><c>CommandFailed</c>'s message (null when the submission succeeded).</summary>
    public string? FailureMessage => Succeeded ? null : (string?)Events[^1].Event["message"] ?? "(no message)";

    /// <summary>The MIME bundles of every value the cell displayed or returned, in order.</summary>
    public IReadOnlyList<IReadOnlyList<FormattedValue>> Outputs =>
        [.. Events.Where(e => e.IsDisplay || e.IsReturnValue).Select(e => e.FormattedValues)];

    /// <summary>The cell's value (<c>ReturnValueProduced</c>), or null when it returned none.</summary>
    public IReadOnlyList<FormattedValue>? ReturnValue => Events.LastOrDefault(e => e.IsReturnValue)?.FormattedValues;

    /// <summary>Everything the cell wrote to the console.</summary>
    public string StandardOutput => string.Concat(Events
        .Where(e => e.EventType == "StandardOutputValueProduced")
        .SelectMany(e => e.FormattedValues.Where(v => v.MimeType == "text/plain").Select(v => v.Value)));
}
