using System.Text;

namespace L1Lab.Cli;

/// <summary>
/// The one check of every folder a command writes to (<c>--out</c>, <c>--save-to</c>, <c>--prefix</c>, …), made before
/// any training or execution starts, so that a long run never dies at its end on a folder it cannot write. The folder
/// is created and a probe file is written and deleted in it; anything in the way is one <see cref="UsageException"/>
/// line naming the option, the path and the reason (<see cref="ExitCodes.Usage"/>).
/// </summary>
/// <remarks>
/// Rejected: an empty path or one with characters no file system takes; a name longer than the file system allows
/// (255 bytes a name, 4,095 bytes a path, as on Linux); a path through an existing file; a path on a kernel's virtual
/// file system (/proc, /sys, /dev, cgroups…) or on a file system mounted read-only; a folder the probe cannot write
/// (permissions, a full disk). The mount checks read <c>/proc/self/mounts</c> where it exists, because root passes
/// every permission check, so only the probe would otherwise notice, and a probe under /sys can succeed in creating
/// entries that mean something else.
/// </remarks>
static class OutputLocation
{
    /// <summary>Longest file name in bytes (Linux NAME_MAX; also the usual limit elsewhere).</summary>
    const int MaxNameBytes = 255;

    /// <summary>Longest path in bytes, terminator excluded (Linux PATH_MAX - 1).</summary>
    const int MaxPathBytes = 4095;

    /// <summary>File systems that hold kernel objects, not files: nothing of ours belongs there.</summary>
    static readonly HashSet<string> SpecialFileSystems = new(StringComparer.Ordinal)
    {
        "proc", "sysfs", "devtmpfs", "devpts", "cgroup", "cgroup2", "debugfs", "tracefs", "securityfs", "pstore",
        "bpf", "configfs", "mqueue", "hugetlbfs", "fusectl", "binfmt_misc", "efivarfs", "autofs", "rpc_pipefs", "nsfs",
    };

    /// <summary>
    /// Makes sure <paramref name="path"/> is a folder this process can write, creating it when needed; returns its full path.
    /// </summary>
    /// <param name="path">The folder as the user gave it.</param>
    /// <param name="option">The option that gave it (e.g. <c>--out</c>), for the message.</param>
    /// <exception cref="UsageException">The folder cannot be used; the message says why.</exception>
    public static string Prepare(string? path, string option)
    {
        var full = FullPath(path, option);
        string Fail(string reason) => throw new UsageException($"{option} {Shown(path!)}: {reason}");

        if (File.Exists(full)) Fail("is a file, not a folder");
        for (var ancestor = Path.GetDirectoryName(full); ancestor is not null; ancestor = Path.GetDirectoryName(ancestor))
            if (File.Exists(ancestor)) Fail($"{ancestor} is a file, not a folder");

        if (Mount(full) is { } mount)
        {
            if (SpecialFileSystems.Contains(mount.Type))
                Fail($"is on {mount.Point}, a {mount.Type} file system of the kernel, not a place for files");
            if (mount.ReadOnly) Fail($"is on {mount.Point}, which is mounted read-only");
        }

        try
        {
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, $".l1lab-probe.{Environment.ProcessId}.{Guid.NewGuid():N}");
            using (var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
                stream.WriteByte(0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail($"cannot write there ({Reason(e)})");
        }
        return full;
    }

    /// <summary>
    /// The full form of <paramref name="path"/>, after the checks that need no file system: not empty, no character
    /// a path cannot hold, no name or path too long.
    /// </summary>
    /// <exception cref="UsageException">The path is empty, malformed or too long.</exception>
    public static string FullPath(string? path, string option)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException($"{option}: the path is empty");
        if (path.Contains('\0')) throw new UsageException($"{option} {Shown(path)}: a path cannot contain a NUL character");
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UsageException($"{option} {Shown(path)}: not a usable path ({Reason(e)})");
        }
        if (Encoding.UTF8.GetByteCount(full) > MaxPathBytes)
            throw new UsageException($"{option} {Shown(path)}: the path is too long ({Encoding.UTF8.GetByteCount(full):N0} bytes; at most {MaxPathBytes:N0})");
        foreach (var name in full.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar))
            if (Encoding.UTF8.GetByteCount(name) > MaxNameBytes)
                throw new UsageException($"{option} {Shown(path)}: a name in the path is too long ({Encoding.UTF8.GetByteCount(name):N0} bytes; at most {MaxNameBytes})");
        return full;
    }

    /// <summary>The path as the user gave it, shortened to fit one line.</summary>
    public static string Shown(string path)
    {
        var flat = path.ReplaceLineEndings(" ");
        return flat.Length <= 120 ? flat : $"{flat[..57]}…{flat[^57..]} ({flat.Length:N0} characters)";
    }

    /// <summary>The first line of an exception's message.</summary>
    public static string Reason(Exception e) => e.Message.ReplaceLineEndings(" ").Trim();

    sealed record MountPoint(string Point, string Type, bool ReadOnly);

    /// <summary>The mount that holds <paramref name="full"/>, from /proc/self/mounts; null where that is not available.</summary>
    static MountPoint? Mount(string full)
    {
        const string table = "/proc/self/mounts";
        if (!OperatingSystem.IsLinux() || !File.Exists(table)) return null;
        string[] lines;
        try { lines = File.ReadAllLines(table); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        MountPoint? best = null;
        foreach (var line in lines)
        {
            var fields = line.Split(' ');
            if (fields.Length < 4) continue;
            var point = Unescape(fields[1]);
            var inside = point == "/" || full == point || full.StartsWith(point + "/", StringComparison.Ordinal);
            // Later lines mount over earlier ones at the same point, so the longest match, last one wins.
            if (inside && (best is null || point.Length >= best.Point.Length))
                best = new MountPoint(point, fields[2], fields[3].Split(',').Contains("ro"));
        }
        return best;
    }

    /// <summary>Undoes the octal escapes (\040 for a space, …) of /proc/self/mounts.</summary>
    static string Unescape(string field)
    {
        if (!field.Contains('\\')) return field;
        var sb = new StringBuilder();
        for (int i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && IsOctal(field, i + 1))
            {
                sb.Append((char)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else sb.Append(field[i]);
        }
        return sb.ToString();
    }

    static bool IsOctal(string s, int start) =>
        start + 3 <= s.Length && s[start] is >= '0' and <= '7' && s[start + 1] is >= '0' and <= '7' && s[start + 2] is >= '0' and <= '7';
}
