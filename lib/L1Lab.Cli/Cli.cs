using System.Runtime.InteropServices;
using System.CommandLine;
using L1Lab.Data;
using L1Lab.Training;
using Spectre.Console;

namespace L1Lab.Cli;

/// <summary>Shared command-line plumbing: exit codes and one-line errors instead of stack traces.</summary>
static class Cli
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;
    /// <summary>Exit code for a failure while running (corrupt data, diverged training, a failing notebook).</summary>
    public const int Failed = 1;
    /// <summary>Exit code for bad arguments (an invalid option, a missing folder).</summary>
    public const int BadArguments = 2;
    /// <summary>Exit code after Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;

    /// <summary>Parses and runs; a parse error is one line on stderr and exit code 2.</summary>
    public static int Run(RootCommand root, string[] args)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var lines = parsed.Errors[0].Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Console.Error.WriteLine($"l1lab: {lines[0]}{(lines.Length > 1 ? " " + string.Join(", ", lines[1..]).ToLowerInvariant() : "")}");
            return BadArguments;
        }
        // Ctrl+C cancels the running command, which stops within one training step and exits; a second Ctrl+C
        // ends the process at once. (The kernel command handles SIGINT itself, as a cell interrupt.)
        using var cancel = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = !cancel.IsCancellationRequested;
            cancel.Cancel();
        });
        try
        {
            // Our own handler below turns user errors into one line; genuine bugs still surface with their trace.
            var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return parsed.InvokeAsync(configuration, cancel.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (Describe(e) is { } message)
        {
            Console.Error.WriteLine($"l1lab: {message}");
            return e switch { UsageException => BadArguments, OperationCanceledException => Cancelled, _ => Failed };
        }
    }

    /// <summary>A one-line message for errors a user can act on; null for genuine bugs (which keep their trace).</summary>
    static string? Describe(Exception e) => e switch
    {
        UsageException or RunFailedException or DataFileException or CheckpointException or TrainingDivergedException => e.Message,
        OperationCanceledException => "cancelled.",
        ArgumentException => e.Message,
        _ => null,
    };

    /// <summary>Throws a <see cref="UsageException"/> (exit code 2) unless <paramref name="ok"/>.</summary>
    public static void Require(bool ok, string message)
    {
        if (!ok) throw new UsageException(message);
    }

    /// <summary>True when the console can redraw progress bars in place.</summary>
    public static bool Interactive => AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;
}

/// <summary>A bad command-line argument; reported in one line with exit code 2.</summary>
sealed class UsageException(string message) : Exception(message);

/// <summary>A run that could not finish for a reason the user can act on; reported in one line with exit code 1.</summary>
sealed class RunFailedException(string message) : Exception(message);
