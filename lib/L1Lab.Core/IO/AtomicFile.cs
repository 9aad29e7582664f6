using System.Diagnostics;
using System.Globalization;

namespace L1Lab.IO;

/// <summary>
/// Writes files so that readers only ever see the old file or the complete new one: the content goes to a
/// temporary file in the same folder, which is then renamed over the target. An interrupted run leaves no
/// half-written file behind.
/// </summary>
/// <remarks>
/// The temporary file is named <c>.NAME.PID.GUID.tmp</c>. A process killed mid-save cannot delete its own, so each
/// write removes the temporary files of the same target whose process is gone; files of live processes (a
/// concurrent write), of this process, and every other name are left alone.
/// </remarks>
public static class AtomicFile
{
    /// <summary>Writes whatever <paramref name="write"/> puts in the stream to <paramref name="path"/>, atomically.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        RemoveStaleTemporaries(dir, Path.GetFileName(full));
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>
    /// Deletes <c>.NAME.PID.GUID.tmp</c> files in <paramref name="dir"/> left by processes that no longer run. Best
    /// effort: a file that cannot be inspected or deleted stays, and the write goes on.
    /// </summary>
    static void RemoveStaleTemporaries(string dir, string name)
    {
        var prefix = $".{name}.";
        try
        {
            foreach (var path in Directory.EnumerateFiles(dir, $"{prefix}*.tmp"))
            {
                // The rest must be exactly "PID.GUID.tmp": 32 hex digits, as Guid.ToString("N") writes them.
                var rest = Path.GetFileName(path)[prefix.Length..].Split('.');
                if (rest.Length != 3 || rest[2] != "tmp" || rest[1].Length != 32 || !rest[1].All(char.IsAsciiHexDigitLower)
                    || !int.TryParse(rest[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                    || pid == Environment.ProcessId || IsRunning(pid))
                    continue;
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Cleaning up is a courtesy; the write itself decides whether the folder is usable.
        }
    }

    static bool IsRunning(int pid)
    {
        if (pid <= 0) return false;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (InvalidOperationException)
        {
            return false; // it exited meanwhile
        }
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) to <paramref name="path"/>, atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, s => { using var w = new StreamWriter(s, new System.Text.UTF8Encoding(false), leaveOpen: true); w.Write(text); });
}
