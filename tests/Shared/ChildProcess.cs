using System.Diagnostics;
using System.Text;

namespace L1Lab.Tests.Shared;

/// <summary>
/// Runs a program to completion, as the test projects that drive real clients do (Python's jupyter_client, Chromium,
/// the l1lab app): optional stdin text, a time limit after which the whole process tree is killed, stdout and stderr
/// captured. Linked into each test project that needs it, so there is one copy of this code.
/// </summary>
public static class ChildProcess
{
    /// <summary>How the program ended and what it wrote.</summary>
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        /// <summary>All of it, for an assertion's message.</summary>
        public override string ToString() => $"exit code {ExitCode}\n{Stdout}\n{Stderr}";
    }

    /// <summary>
    /// Runs <paramref name="program"/> with <paramref name="arguments"/> (each passed as one argument, no shell), writes
    /// <paramref name="stdin"/> to its standard input and closes it, and waits at most <paramref name="timeout"/>
    /// (default 5 minutes), throwing <see cref="TimeoutException"/> with its stderr after killing it.
    /// <c>NO_COLOR=1</c> is set, so outputs carry no colour codes.
    /// </summary>
    public static Result Run(string program, IEnumerable<string> arguments, string? stdin = null, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) info.Environment[k] = v;
        info.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(info)!;
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (stdin is not null) process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var limit = timeout ?? TimeSpan.FromMinutes(5);
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in {limit.TotalSeconds} s; stderr:\n{stderr}");
        }
        process.WaitForExit();
        return new Result(process.ExitCode, stdout.ToString(), stderr.ToString());
    }
}
