namespace L1Lab.Cli;

/// <summary>
/// The one check of every file or folder a command reads (notebooks, <c>--connection-file</c>, <c>--data-dir</c>,
/// <c>--from</c>, …), made before any work: it exists, is of the kind wanted, and can be opened. Anything else is one
/// <see cref="UsageException"/> line naming the option, the path and the reason (<see cref="ExitCodes.Usage"/>).
/// </summary>
static class InputPath
{
    /// <summary>Makes sure <paramref name="path"/> is a file this process can read; returns its full path.</summary>
    /// <param name="path">The file as the user gave it.</param>
    /// <param name="what">What gave it, for the message (an option such as <c>--connection-file</c>, or "notebook").</param>
    /// <exception cref="UsageException">The file is missing, a folder, or cannot be read.</exception>
    public static string File(string? path, string what)
    {
        var full = OutputLocation.FullPath(path, what);
        string Fail(string reason) => throw new UsageException($"{what} {OutputLocation.Shown(path!)}: {reason}");
        if (Directory.Exists(full)) Fail("is a folder, not a file");
        if (!System.IO.File.Exists(full)) Fail("no such file");
        // Opening a named pipe waits for its writer, so the open gets a time limit: a pipe nobody writes to (a FIFO
        // left in a folder) is an error line, while `<(…)` process substitution, whose writer is there, still opens.
        // The open runs on a thread of its own (LongRunning), so a busy thread pool cannot eat into the limit.
        var open = Task.Factory.StartNew(() =>
        {
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
            if (stream.CanSeek) _ = stream.ReadByte(); // a file opened but not readable (EIO, EISDIR) fails here
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            if (!open.Wait(OpenTimeLimit))
                Fail($"did not open within {OpenTimeLimit.TotalSeconds:0} s (a named pipe or device with no writer?)");
        }
        catch (AggregateException wrapped) when (wrapped.InnerException is IOException or UnauthorizedAccessException)
        {
            Fail($"cannot be read ({OutputLocation.Reason(wrapped.InnerException)})");
        }
        return full;
    }

    /// <summary>How long opening an input file may take before it is reported as not opening.</summary>
    static readonly TimeSpan OpenTimeLimit = TimeSpan.FromSeconds(2);

    /// <summary>Makes sure <paramref name="path"/> is a folder this process can list; returns its full path.</summary>
    /// <exception cref="UsageException">The folder is missing, a file, or cannot be listed.</exception>
    public static string Folder(string? path, string what)
    {
        var full = OutputLocation.FullPath(path, what);
        string Fail(string reason) => throw new UsageException($"{what} {OutputLocation.Shown(path!)}: {reason}");
        if (System.IO.File.Exists(full)) Fail("is a file, not a folder");
        if (!Directory.Exists(full)) Fail("no such folder");
        try
        {
            using var entries = Directory.EnumerateFileSystemEntries(full).GetEnumerator();
            _ = entries.MoveNext();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail($"cannot be read ({OutputLocation.Reason(e)})");
        }
        return full;
    }
}
