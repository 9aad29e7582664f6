namespace L1Lab.Cli;

/// <summary>
/// A run that could not finish for a reason the user can act on (the message says which); reported in one line
/// with <see cref="ExitCodes.Failed"/>, without a stack trace.
/// </summary>
sealed class RunFailedException(string message, Exception? inner = null) : Exception(message, inner);
