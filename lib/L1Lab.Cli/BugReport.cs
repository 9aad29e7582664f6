using System.Globalization;
using L1Lab.IO;

namespace L1Lab.Cli;

/// <summary>
/// What the user sees when l1lab fails in a way no validation foresaw, i.e. a bug: one line naming the exception and
/// a log file that keeps the full stack trace, so the message stays readable and the report stays complete.
/// </summary>
static class BugReport
{
    /// <summary>The folder for error logs: <c>l1lab/</c> under the temporary folder (<c>$TMPDIR</c> or /tmp).</summary>
    public static string LogDirectory => Path.Combine(Path.GetTempPath(), "l1lab");

    /// <summary>Writes the log for <paramref name="exception"/> and returns the line to print.</summary>
    public static string Write(Exception exception, IReadOnlyList<string> args)
    {
        var summary = $"{exception.GetType().Name}: {FirstLine(exception.Message)}";
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var path = Path.Combine(LogDirectory, $"error-{stamp}-{Environment.ProcessId}.log");
        var log =
            $"l1lab {string.Join(' ', args)}\n" +
            $"at {DateTime.UtcNow:O}, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}\n\n" +
            exception + "\n";
        try
        {
            AtomicFile.WriteAllText(path, log);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No log could be written: the trace goes to the terminal instead, after the line.
            return $"internal error ({summary}); this is a bug in l1lab, and its log could not be written to {path} ({e.Message}):\n{exception}";
        }
        return $"internal error ({summary}); this is a bug in l1lab, the stack trace is in {path}";
    }

    static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length == 0 ? "(no message)" : line;
    }
}
