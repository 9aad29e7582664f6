using System.Runtime.InteropServices;

namespace L1Lab.Workshop;

/// <summary>
/// In the grading sandbox (its own PID namespace), what a cell started does not outlive the cell: after each cell the
/// child stops, then kills, every process it can see except itself and the namespace's init (PID 1). Without this a
/// fork bomb left running by one cell would starve the cells after it of processes and threads.
/// </summary>
internal static class StrayProcesses
{
    const int SigKill = 9;
    const int SigStop = 19;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    static extern int Kill(int pid, int signal);

    /// <summary>Ends the other processes; returns how many were signalled. Only call it inside the sandbox's PID namespace.</summary>
    public static int End()
    {
        var self = Environment.ProcessId;
        var ended = 0;
        // Stopped processes cannot fork, so a bomb shrinks with each round instead of refilling the slots.
        for (var round = 0; round < 50; round++)
        {
            var others = Directory.EnumerateDirectories("/proc")
                .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
                .Where(pid => pid > 1 && pid != self).ToList();
            if (others.Count == 0) break;
            foreach (var pid in others) Kill(pid, SigStop);
            foreach (var pid in others) Kill(pid, SigKill);
            ended += others.Count;
            Thread.Sleep(20);
        }
        return ended;
    }
}
