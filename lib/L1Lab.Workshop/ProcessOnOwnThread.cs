using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace L1Lab.Workshop;

/// <summary>
/// Starts a child process from a thread of its own that lives until the child has ended. bubblewrap's
/// <c>--die-with-parent</c> (PR_SET_PDEATHSIG) kills the sandbox when the <em>thread</em> that started it ends, not
/// the grading process; a thread-pool thread retires after about 20 s without work, so a sandbox started from one was
/// killed (exit code 137) in the middle of a long, quiet cell, and the cell was graded as having crashed.
/// </summary>
internal static class ProcessOnOwnThread
{
    /// <summary>Starts <paramref name="start"/>; the caller owns (waits for, kills, disposes) the returned process.</summary>
    public static Process Start(ProcessStartInfo start)
    {
        Process? process = null;
        ExceptionDispatchInfo? failure = null;
        using var started = new ManualResetEventSlim();
        var thread = new Thread(() =>
        {
            try
            {
                process = Process.Start(start);
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                started.Set();
            }
            try
            {
                process?.WaitForExit();
            }
            catch (InvalidOperationException)
            {
                // Its owner disposed it once it had ended.
            }
        })
        { IsBackground = true, Name = $"parent of {Path.GetFileName(start.FileName)}" };
        thread.Start();
        started.Wait();
        failure?.Throw();
        return process ?? throw new InvalidOperationException($"cannot start {start.FileName}");
    }
}
