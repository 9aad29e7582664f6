using System.Diagnostics;

namespace L1Lab.Cli.Tests;

/// <summary>Runs the built l1lab app in a child process and captures what a user would see.</summary>
static class App
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args) => Run(new Dictionary<string, string>(), args);

    /// <summary>Runs the app with extra environment variables.</summary>
    public static Result Run(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Run(environment, TimeSpan.FromMinutes(5), args);

    /// <summary>Runs the app with a longer time limit (grading whole notebooks).</summary>
    public static Result Run(TimeSpan timeout, params string[] args) => Run(new Dictionary<string, string>(), timeout, args);

    /// <summary>Runs the app with extra environment variables and a time limit.</summary>
    public static Result Run(IReadOnlyDictionary<string, string> environment, TimeSpan timeout, string[] args)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "L1Lab.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(app);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"l1lab {string.Join(' ', args)} did not finish");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
