using System.Diagnostics;
using L1Lab.IO;

namespace L1Lab.Cli.Tests;

/// <summary>
/// A process killed mid-save leaves its <c>.NAME.PID.GUID.tmp</c> behind; the next write to the same target removes
/// such files of processes that are gone, and nothing else.
/// </summary>
public sealed class AtomicFileCleanupTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("l1lab-atomic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_write_removes_stale_temporary_files_of_dead_processes_of_its_own_target_only()
    {
        // Given the leftovers of a process that has exited, and files that must stay
        int dead = ExitedProcessId();
        string Temp(string name, int pid) => Path.Combine(_folder, $".{name}.{pid}.{Guid.NewGuid():N}.tmp");
        var stale = new[] { Temp("results.csv", dead), Temp("results.csv", dead) };
        var keep = new[]
        {
            Temp("results.csv", Environment.ProcessId),          // this process: maybe a write in progress
            Temp("results.csv", 1),                              // a live process (init)
            Temp("other.csv", dead),                             // another target
            Path.Combine(_folder, $".results.csv.{dead}.not-a-guid.tmp"), // not our naming
            Path.Combine(_folder, $".results.csv.{dead}.{Guid.NewGuid():N}.tmp.bak"),
        };
        foreach (var f in stale.Concat(keep)) File.WriteAllText(f, "partial");

        // When the target is written
        var target = Path.Combine(_folder, "results.csv");
        AtomicFile.WriteAllText(target, "complete");

        // Then the dead process's temporaries are gone, the rest stays, and the file is whole
        Assert.All(stale, f => Assert.False(File.Exists(f), f));
        Assert.All(keep, f => Assert.True(File.Exists(f), f));
        Assert.Equal("complete", File.ReadAllText(target));
    }

    /// <summary>The id of a process that has just exited (and, with overwhelming likelihood, is not yet reused).</summary>
    static int ExitedProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        var id = process.Id;
        Assert.Throws<ArgumentException>(() => Process.GetProcessById(id));
        return id;
    }

    [Fact]
    public void A_write_whose_callback_throws_leaves_no_file_and_no_temporary()
    {
        // Given a target that does not exist yet
        var target = Path.Combine(_folder, "new.csv");

        // When the callback writes part of the content and then throws
        var error = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(target, stream =>
        {
            stream.Write("half a table"u8);
            throw new InvalidOperationException("disk on fire");
        }));

        // Then the caller sees that exception, and the folder holds neither the target nor a temporary file
        Assert.Equal("disk on fire", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public void A_write_whose_callback_throws_keeps_the_old_file_whole()
    {
        var target = Path.Combine(_folder, "results.csv");
        AtomicFile.WriteAllText(target, "old, complete");

        Assert.Throws<IOException>(() => AtomicFile.Write(target, stream =>
        {
            stream.Write("new, half"u8);
            throw new IOException("interrupted");
        }));

        Assert.Equal("old, complete", File.ReadAllText(target));
        Assert.Equal([target], Directory.EnumerateFileSystemEntries(_folder));
    }
}
