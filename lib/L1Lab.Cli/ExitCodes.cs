namespace L1Lab.Cli;

/// <summary>The exit codes of every <c>l1lab</c> command, defined once (README, "Exit codes", lists them).</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>
    /// The work failed: a run that cannot finish for a reason the message names (corrupt data, diverged training,
    /// a failing notebook), or a bug in l1lab, whose message names the log file with the stack trace.
    /// </summary>
    public const int Failed = 1;

    /// <summary>Bad command-line input (an invalid option, a missing file or folder), reported before any work.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
