namespace L1Lab.Workshop;

/// <summary>How to start the l1lab program for a grading child process: the executable and the arguments before <c>workshop run-submission</c>.</summary>
/// <param name="FileName">The executable (the l1lab app host, or <c>dotnet</c>).</param>
/// <param name="Arguments">Arguments that come first (for <c>dotnet</c>, the path of L1Lab.Cli.dll).</param>
public sealed record RunnerCommand(string FileName, IReadOnlyList<string> Arguments);
