using System.Diagnostics;

namespace L1Lab.Interactive.Tests;

/// <summary>
/// Microsoft's <c>Microsoft.dotnet-interactive</c> tool, installed once per test run into a temporary tool path
/// (the same package VS Code's Polyglot Notebooks extension runs) and removed at the end. When it cannot be
/// installed (no NuGet access), every test that needs it is reported as skipped with the installer's reason.
/// </summary>
public sealed class DotnetInteractiveTool : IDisposable
{
    /// <summary>The last version Microsoft published; it targets net10.0, so it runs on the .NET 10 runtime as is.</summary>
    public const string Version = "1.0.712001";

    static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    readonly TempDirectory _toolPath = new("tool");
    readonly string? _executable;
    readonly string? _unavailable;

    public DotnetInteractiveTool()
    {
        var watch = Stopwatch.StartNew();
        var (exitCode, output) = RunInstaller(["tool", "install", "Microsoft.dotnet-interactive", "--version", Version, "--tool-path", _toolPath.Path]);
        InstallTime = watch.Elapsed;
        var executable = Path.Combine(_toolPath.Path, OperatingSystem.IsWindows() ? "dotnet-interactive.exe" : "dotnet-interactive");
        if (exitCode == 0 && File.Exists(executable))
            _executable = executable;
        else
            _unavailable = $"Microsoft.dotnet-interactive {Version} could not be installed (dotnet tool install exit code {exitCode}): "
                + (output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
                   ?? output.Trim());
    }

    /// <summary>How long <c>dotnet tool install</c> took (for the test log).</summary>
    public TimeSpan InstallTime { get; }

    /// <summary>The installed tool's executable; skips the calling test when the tool could not be installed.</summary>
    public string Executable
    {
        get
        {
            Skip.If(_executable is null, _unavailable);
            return _executable!;
        }
    }

    /// <summary>Starts the tool in <paramref name="workingDirectory"/> the way VS Code does and waits for it to be ready.</summary>
    public InteractiveSession Start(string workingDirectory) => InteractiveSession.Start(Executable, workingDirectory);

    public void Dispose() => _toolPath.Dispose();

    static (int ExitCode, string Output) RunInstaller(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(TestPaths.Dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(InstallTimeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, $"timed out after {InstallTimeout.TotalMinutes} min");
        }
        return (process.ExitCode, stderr.Result + "\n" + stdout.Result);
    }
}
