using System.Globalization;

namespace L1Lab.Workshop;

/// <summary>
/// The bubblewrap (<c>bwrap</c>) sandbox each submission runs in, and its limits. The child sees a read-only system
/// (<c>/usr</c>, <c>/etc</c>), read-only copies of the folders the run needs (the l1lab program, the .NET runtime, the
/// course library and <c>data/</c>, each at its real path), and one private writable folder of bounded size where
/// the merged notebook sits (mounted over the key folder's path, so the key's other files are out of sight). It has
/// no network (its own empty network namespace, loopback included), no other processes (its own PID namespace), no
/// home folders, no grader output, no other submissions and none of the grader's environment. The limits are
/// rlimits set inside the sandbox with <c>prlimit</c> before l1lab starts; a grader running as root also drops the
/// child to an unprivileged user id of its own, <see cref="SandboxUserId"/> (root is exempt from the process-count
/// limit, and that limit is counted per user, so a shared user such as <c>nobody</c> would let one grader's fork bomb
/// starve another grader's submissions).
/// </summary>
public sealed record GradingSandbox
{
    /// <summary>First of the unnamed user ids a grader running as root gives its children; far above any login user or subordinate-id range.</summary>
    public const int FirstSandboxUserId = 1_000_000_000;

    /// <summary>
    /// The user and group id this grader's sandboxed children run as when it runs as root: one per grader process
    /// (<see cref="FirstSandboxUserId"/> plus its PID), so concurrent graders never share the process-count limit.
    /// </summary>
    public static int SandboxUserId { get; } = FirstSandboxUserId + Environment.ProcessId;

    /// <summary>The bwrap executable.</summary>
    public required string BubblewrapPath { get; init; }

    /// <summary>Private writable memory of the child (RLIMIT_DATA): heap, torch tensors, thread stacks. 4 GiB.</summary>
    public long MemoryBytes { get; init; } = 4L << 30;

    /// <summary>Processes and threads of the child together (RLIMIT_NPROC, counted in its own user namespace). 256.</summary>
    public int Processes { get; init; } = 256;

    /// <summary>Largest file the child may write (RLIMIT_FSIZE; a write beyond it ends the process). 64 MiB.</summary>
    public long FileSizeBytes { get; init; } = 64L << 20;

    /// <summary>Size of the private working folder and of the private /tmp (each a tmpfs). 128 MiB each.</summary>
    public long FolderBytes { get; init; } = 128L << 20;

    /// <summary>
    /// The child's CPU time for a notebook of <paramref name="codeCells"/> code cells (RLIMIT_CPU): two cores' worth of
    /// the per-cell wall-clock limit for every code cell, at least a minute. A backstop: the grader's own watchdog
    /// stops a hung cell first.
    /// </summary>
    public static long CpuSeconds(TimeSpan cellTimeout, int codeCells) =>
        (long)Math.Min(86_400 * 4.0, Math.Max(60, 2 * cellTimeout.TotalSeconds * Math.Max(1, codeCells)));

    /// <summary>The bwrap on PATH on Linux; null where there is none (the grader then refuses unless told --no-sandbox).</summary>
    public static GradingSandbox? Find()
    {
        if (!OperatingSystem.IsLinux()) return null;
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "bwrap")).FirstOrDefault(File.Exists);
        return path is null ? null : new GradingSandbox { BubblewrapPath = path };
    }

    /// <summary>Whether this process runs as root (effective uid 0), read from /proc/self/status.</summary>
    internal static bool RunningAsRoot()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        return line is not null && line.Split('\t', StringSplitOptions.RemoveEmptyEntries) is { Length: > 2 } f && f[2] == "0";
    }

    /// <summary>
    /// The bwrap arguments (up to and including the command) that run <paramref name="command"/> in the sandbox, with
    /// <paramref name="notebook"/> (a file only the grader can read) shown read-only as <paramref name="visibleNotebook"/>
    /// in the private working folder, and <paramref name="readOnly"/> folders shown at their own paths.
    /// </summary>
    internal IReadOnlyList<string> Arguments(string notebook, string visibleNotebook, IReadOnlyList<string> readOnly,
        IReadOnlyDictionary<string, string> environment, long cpuSeconds, IReadOnlyList<string> command)
    {
        var root = RunningAsRoot();
        var workFolder = Path.GetDirectoryName(visibleNotebook)!;
        var a = new List<string> { "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try" };
        // Root: no user namespace (root would be exempt from RLIMIT_NPROC in it); the child switches to SandboxUserId below.
        // Others: their own user namespace, in which RLIMIT_NPROC counts only the sandbox's processes.
        a.AddRange(root ? ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"] : ["--unshare-user", "--disable-userns"]);
        a.AddRange(["--die-with-parent", "--new-session"]);
        a.AddRange(["--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc"]);
        foreach (var link in new[] { "bin", "sbin", "lib", "lib64" })
            if (Directory.Exists("/usr/" + link)) a.AddRange(["--symlink", "usr/" + link, "/" + link]);
        a.AddRange(["--proc", "/proc", "--dev", "/dev"]);
        a.AddRange(["--perms", "1777", "--size", Bytes(FolderBytes), "--tmpfs", "/tmp"]);

        var created = new HashSet<string>(StringComparer.Ordinal) { "/", "/usr", "/etc", "/tmp", "/proc", "/dev" };
        void Parents(string path)
        {
            var parents = new List<string>();
            for (var p = Path.GetDirectoryName(path); p is not null && !created.Contains(p); p = Path.GetDirectoryName(p)) parents.Add(p);
            parents.Reverse();
            foreach (var p in parents.Where(p => !p.StartsWith("/usr/", StringComparison.Ordinal)))
            {
                a.AddRange(["--perms", "0755", "--dir", p]);
                created.Add(p);
            }
        }
        // Shallow mounts first, so a folder below the working folder is shown on top of it.
        var mounts = readOnly.Where(f => !f.StartsWith("/usr/", StringComparison.Ordinal) && Directory.Exists(f))
            .Select(f => (Path: f, Writable: false)).Append((Path: workFolder, Writable: true))
            .DistinctBy(m => m.Path).OrderBy(m => m.Path.Count(c => c == '/')).ToList();
        foreach (var (path, writable) in mounts)
        {
            Parents(path);
            if (writable) a.AddRange(["--perms", "1777", "--size", Bytes(FolderBytes), "--tmpfs", path]);
            else a.AddRange(["--ro-bind", path, path]);
            created.Add(path);
        }
        a.AddRange(["--ro-bind", notebook, visibleNotebook, "--chdir", workFolder, "--clearenv"]);
        foreach (var (name, value) in environment) a.AddRange(["--setenv", name, value]);
        a.AddRange(["--remount-ro", "/", "--"]);
        if (root)
        {
            var id = SandboxUserId.ToString(CultureInfo.InvariantCulture);
            a.AddRange(["setpriv", $"--reuid={id}", $"--regid={id}", "--clear-groups", "--bounding-set=-all", "--inh-caps=-all", "--"]);
        }
        a.AddRange(["prlimit", $"--data={Bytes(MemoryBytes)}", $"--nproc={Processes.ToString(CultureInfo.InvariantCulture)}",
            $"--fsize={Bytes(FileSizeBytes)}", $"--cpu={cpuSeconds.ToString(CultureInfo.InvariantCulture)}", "--core=0", "--"]);
        a.AddRange(command);
        return a;
    }

    static string Bytes(long n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The limits in one line, for the grader's progress output and the README.</summary>
    public string Describe() =>
        $"bubblewrap sandbox: no network, read-only system, private {FolderBytes >> 20} MiB folder; limits: memory {MemoryBytes >> 20} MiB, "
        + $"{Processes} processes/threads, files {FileSizeBytes >> 20} MiB, CPU time 2 × cell limit per code cell";
}
