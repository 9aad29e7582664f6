namespace L1Lab.Cli;

/// <summary>Command-line input that failed validation; reported in one line with <see cref="ExitCodes.Usage"/>.</summary>
sealed class UsageException(string message) : Exception(message);
