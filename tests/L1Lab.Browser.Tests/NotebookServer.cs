using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace L1Lab.Browser.Tests;

/// <summary>
/// Debian's classic Jupyter Notebook (6.4) on 127.0.0.1, a free port and a random token, with no browser, started in a
/// session of its own (setsid) with private config, data and runtime folders; the L1Lab kernel is found through
/// JUPYTER_PATH. <see cref="StopAsync"/> shuts it down by SIGTERM (which shuts its kernels down) and then makes sure
/// that no process started under this server's folder is left.
/// </summary>
public sealed class NotebookServer : IAsyncDisposable
{
    readonly Process _process;
    readonly string _work;

    NotebookServer(Process process, string work, int port, string token)
    {
        _process = process;
        _work = work;
        Origin = $"http://127.0.0.1:{port}";
        Token = token;
    }

    /// <summary>http://127.0.0.1:PORT</summary>
    public string Origin { get; }

    /// <summary>The login token.</summary>
    public string Token { get; }

    /// <summary>The server's log (stderr), for failure messages.</summary>
    public string Log { get { lock (_log) return _log.ToString(); } }

    readonly System.Text.StringBuilder _log = new();

    /// <summary>True when Debian's notebook package is importable by /usr/bin/python3.</summary>
    public static bool Installed() =>
        File.Exists(TestPaths.Python) && File.Exists("/usr/bin/setsid") && ChildProcess.Run(TestPaths.Python, ["-c", "import notebook"]).ExitCode == 0;

    /// <summary>Starts the server on <paramref name="notebooks"/>; <paramref name="work"/> holds prefix/ (kernelspecs) and gets config, data and runtime folders.</summary>
    public static async Task<NotebookServer> StartAsync(string work, string notebooks, string jupyterPath)
    {
        var port = FreePort();
        var token = Guid.NewGuid().ToString("N");
        var info = new ProcessStartInfo("/usr/bin/setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = notebooks,
        };
        foreach (var a in new[] { TestPaths.Python, "-m", "notebook", "--no-browser", "--ip=127.0.0.1", $"--port={port}", "--port-retries=0",
                     $"--NotebookApp.token={token}", $"--notebook-dir={notebooks}", "--NotebookApp.open_browser=False" })
            info.ArgumentList.Add(a);
        // CI runs as root; the server refuses that unless told.
        if (Environment.UserName == "root") info.ArgumentList.Add("--allow-root");
        info.Environment["JUPYTER_PATH"] = jupyterPath;
        info.Environment["JUPYTER_CONFIG_DIR"] = Directory.CreateDirectory(Path.Combine(work, "config")).FullName;
        info.Environment["JUPYTER_DATA_DIR"] = Directory.CreateDirectory(Path.Combine(work, "data")).FullName;
        info.Environment["JUPYTER_RUNTIME_DIR"] = Directory.CreateDirectory(Path.Combine(work, "runtime")).FullName;
        info.Environment["IPYTHONDIR"] = Directory.CreateDirectory(Path.Combine(work, "ipython")).FullName;
        var server = new NotebookServer(Process.Start(info)!, work, port, token);
        server._process.StandardInput.Close();
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            if (server._process.HasExited) throw new InvalidOperationException($"jupyter notebook exited with {server._process.ExitCode}:\n{server.Log}");
            try
            {
                using var response = await http.GetAsync($"{server.Origin}/api/status?token={token}");
                if (response.StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"jupyter notebook did not answer on {server.Origin}:\n{server.Log}");
            await Task.Delay(250);
        }
    }

    /// <summary>The URL that opens <paramref name="notebook"/> (relative to the notebook folder) in the classic UI.</summary>
    public string NotebookUrl(string notebook) => $"{Origin}/notebooks/{Uri.EscapeDataString(notebook)}?token={Token}";

    /// <summary>Processes whose command line names this server's folder (the server itself, its kernels), by pid.</summary>
    public IReadOnlyList<int> ProcessesLeft()
    {
        var left = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cmdline.Contains(_work, StringComparison.Ordinal)) left.Add(pid);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return left;
    }

    /// <summary>SIGTERM to the server's process group (the server shuts its kernels down), then waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        Signal(-_process.Id, "TERM");
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            Signal(-_process.Id, "KILL");
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Stops the server and kills, by pid, anything of ours still running (so a failed test leaves nothing behind).</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        foreach (var pid in ProcessesLeft()) Signal(pid, "KILL");
        _process.Dispose();
    }

    void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    static void Signal(int target, string signal) =>
        ChildProcess.Run("/bin/kill", [$"-{signal}", "--", target.ToString(System.Globalization.CultureInfo.InvariantCulture)], timeout: TimeSpan.FromSeconds(10));

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
