using System.CommandLine;
using System.Runtime.InteropServices;
using Spectre.Console;

namespace L1Lab.Cli;

/// <summary>
/// Shared command-line plumbing and the one error policy of every command. Validated input that is wrong
/// (<see cref="UsageException"/>, and parse errors) is one line and <see cref="ExitCodes.Usage"/>; a run that cannot
/// finish for a named reason (<see cref="RunFailedException"/>) is one line and <see cref="ExitCodes.Failed"/>; Ctrl+C
/// is <see cref="ExitCodes.Cancelled"/>; anything else is a bug: one line naming a log file with the stack trace
/// (<see cref="BugReport"/>) and <see cref="ExitCodes.Failed"/>.
/// </summary>
/// <remarks>
/// This class knows no type of the L1Lab library: commands that never train (kernel, notebooks) must not load it,
/// since loading it runs the native libstdc++ fix. Commands that use the library translate its failures into
/// <see cref="RunFailedException"/> themselves (<see cref="Commands.LibraryFailures"/>).
/// </remarks>
static class Cli
{
    /// <summary>
    /// Parses and runs <paramref name="args"/>; returns one of <see cref="ExitCodes"/>. Messages go to
    /// <paramref name="error"/>, and commands that print through their invocation configuration write to
    /// <paramref name="output"/> (others, such as progress bars, write to the console).
    /// </summary>
    public static int Run(RootCommand root, string[] args, TextWriter output, TextWriter error)
    {
        void Error(string message) => error.WriteLine($"l1lab: {message}");
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var lines = parsed.Errors[0].Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Error($"{lines[0]}{(lines.Length > 1 ? " " + string.Join(", ", lines[1..]).ToLowerInvariant() : "")}");
            return ExitCodes.Usage;
        }
        // Ctrl+C cancels the running command, which stops within one training step and exits; a second Ctrl+C
        // ends the process at once. (The kernel command handles SIGINT itself, as a cell interrupt.)
        using var cancel = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = !cancel.IsCancellationRequested;
            cancel.Cancel();
        });
        // Also the ambient token, as in a notebook cell: library calls see it without a parameter, and so can a diagnostic
        // listener on the training thread (the Ctrl+C test waits for it before counting the updates that follow).
        using var ambient = AmbientCancellation.Enter(cancel.Token);
        try
        {
            // Exceptions reach the handlers below instead of System.CommandLine's, which would print the trace.
            var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null, Output = output, Error = error };
            return parsed.InvokeAsync(configuration, cancel.Token).GetAwaiter().GetResult();
        }
        catch (UsageException e)
        {
            Error(e.Message.ReplaceLineEndings(" ")); // one line, whatever paths or messages it quotes
            return ExitCodes.Usage;
        }
        catch (RunFailedException e)
        {
            Error(e.Message.ReplaceLineEndings(" "));
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Error("cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The file system said no while running (disk full, permission denied, a vanished folder): the
            // user's to fix, not a bug in l1lab; its message names the path.
            Error($"file system error: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception e)
        {
            Error(BugReport.Write(e, args));
            return ExitCodes.Failed;
        }
    }

    /// <summary>Throws a <see cref="UsageException"/> (exit code 2) unless <paramref name="ok"/>.</summary>
    public static void Require(bool ok, string message)
    {
        if (!ok) throw new UsageException(message);
    }

    /// <summary>True when the console can redraw progress bars in place.</summary>
    public static bool Interactive => AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;
}
