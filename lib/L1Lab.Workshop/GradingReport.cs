namespace L1Lab.Workshop;

/// <summary>What <see cref="Grader.GradeAsync"/> produced.</summary>
/// <param name="Rows">One row per exercise per submission, as written to grades.csv.</param>
/// <param name="CsvPath">The grades.csv written.</param>
/// <param name="FeedbackPages">One page per submission, in the order given.</param>
public sealed record GradingReport(IReadOnlyList<GradeRow> Rows, string CsvPath, IReadOnlyList<string> FeedbackPages);
