namespace L1Lab.Workshop;

/// <summary>One graded exercise of an instructor notebook: a test cell and the solution cell it checks.</summary>
/// <param name="Number">1-based position among the notebook's tests.</param>
/// <param name="Title">The heading of the exercise's markdown cell (e.g. "Exercise 2: which coefficients survive").</param>
/// <param name="TestId">The test cell's grade_id (the exercise's name in grades.csv).</param>
/// <param name="SolutionId">The grade_id of the nearest solution cell above the test; null when there is none.</param>
/// <param name="Points">What a passing test earns.</param>
public sealed record KeyExercise(int Number, string Title, string TestId, string? SolutionId, double Points);
