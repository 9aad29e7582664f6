namespace L1Lab.Workshop;

/// <summary>One line of grades.csv: one exercise of one submission.</summary>
/// <param name="Submission">The submitted file, as given to the grader.</param>
/// <param name="Notebook">The notebook's file name (the key notebook it was graded against).</param>
/// <param name="Exercise">The test cell's nbgrader grade_id; empty when the submission matched no key notebook.</param>
/// <param name="Points">Points earned: all of <paramref name="MaxPoints"/> or none, as in nbgrader.</param>
/// <param name="MaxPoints">What the test is worth.</param>
/// <param name="Status">ok, failed, timeout or error.</param>
/// <param name="Message">Why it did not pass, in plain words; empty when it did.</param>
public sealed record GradeRow(string Submission, string Notebook, string Exercise, double Points, double MaxPoints, GradeStatus Status, string Message);
