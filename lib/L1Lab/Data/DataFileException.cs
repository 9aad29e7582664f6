namespace L1Lab.Data;

/// <summary>
/// A data file is missing, damaged or not what the loader expects (wrong magic number, truncated,
/// wrong dtype or shape, checksum mismatch, ...). Every loader in <see cref="N:L1Lab.Data"/> reports
/// such user-fixable problems with this one exception, so a notebook or the CLI can print a single
/// line, <c>"&lt;file&gt;: &lt;reason&gt;"</c>, instead of a stack trace from deep inside a reader.
/// </summary>
public sealed class DataFileException : Exception
{
    /// <summary>Creates the exception for <paramref name="filePath"/> with a one-line <paramref name="reason"/>.</summary>
    /// <param name="filePath">The file (or stream name) that is at fault, so the user knows what to fix.</param>
    /// <param name="reason">What is wrong, in one line, without the file name.</param>
    /// <param name="inner">The low-level exception that revealed the problem, if any (kept for debugging).</param>
    public DataFileException(string filePath, string reason, Exception? inner = null)
        : base($"{filePath}: {OneLine(reason)}", inner)
    {
        FilePath = filePath;
        Reason = OneLine(reason);
    }

    /// <summary>The file (or stream name) at fault, so callers can point the user at it.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong with the file, without the file name (the message is <c>"FilePath: Reason"</c>).</summary>
    public string Reason { get; }

    /// <summary>Replaces line breaks and other control characters (e.g. from a damaged header quoted in the reason) so the message stays one line.</summary>
    private static string OneLine(string reason) =>
        string.Create(reason.Length, reason, (span, s) =>
        {
            for (var i = 0; i < s.Length; i++) span[i] = char.IsControl(s[i]) ? ' ' : s[i];
        });
}
