using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace L1Lab.Kernel.Tests;

/// <summary>
/// The built CLI running <c>kernel --connection-file</c> as a child process on free loopback ports, the way a
/// front end starts it; killed on dispose if it is still alive.
/// </summary>
sealed class KernelProcess : IDisposable
{
    readonly TempDirectory _folder = new();
    readonly StringBuilder _stderr = new();

    KernelProcess(string? workingDirectory, IReadOnlyDictionary<string, string>? environment, string? key)
    {
        var ports = FreeLoopbackPorts(5);
        Connection = new ConnectionFile("tcp", "127.0.0.1", ports[0], ports[1], ports[2], ports[3], ports[4], "hmac-sha256", key ?? Guid.NewGuid().ToString());
        ConnectionFilePath = Path.Combine(_folder.Path, "kernel.json");
        File.WriteAllText(ConnectionFilePath, Connection.ToJson());
        var info = new ProcessStartInfo(TestPaths.Dotnet)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? _folder.Path,
        };
        foreach (var a in new[] { TestPaths.CliDll, "kernel", "--connection-file", ConnectionFilePath }) info.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        Process = Process.Start(info)!;
        Process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        Process.OutputDataReceived += (_, _) => { };
        Process.BeginErrorReadLine();
        Process.BeginOutputReadLine();
    }

    /// <summary>
    /// Starts the kernel in <paramref name="workingDirectory"/> (a fresh temporary folder by default) with extra environment
    /// variables, signing with <paramref name="key"/> (a fresh random key by default; "" turns signing off).
    /// </summary>
    public static KernelProcess Start(string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null, string? key = null) =>
        new(workingDirectory, environment, key);

    public ConnectionFile Connection { get; }

    public string ConnectionFilePath { get; }

    public Process Process { get; }

    /// <summary>What the kernel wrote to stderr so far (its log).</summary>
    public string Stderr
    {
        get { lock (_stderr) return _stderr.ToString(); }
    }

    /// <summary>Runs <c>jupyter_driver.py</c> against this kernel with <paramref name="steps"/>; returns one result per step.</summary>
    public JsonArray Drive(params JsonObject[] steps)
    {
        var result = ChildProcess.Run(TestPaths.Python, [TestPaths.Script("jupyter_driver.py"), ConnectionFilePath],
            stdin: new JsonArray(steps).ToJsonString(), timeout: TimeSpan.FromMinutes(5));
        Assert.True(result.ExitCode == 0, $"jupyter_driver.py failed ({result.ExitCode}):\n{result.Stderr}\nkernel stderr:\n{Stderr}");
        return (JsonArray)JsonNode.Parse(result.Stdout)!;
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
        }
        Process.Dispose();
        _folder.Dispose();
    }

    static int[] FreeLoopbackPorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        foreach (var l in listeners) l.Start();
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var l in listeners) l.Stop();
        return ports;
    }
}

/// <summary>Steps for <c>jupyter_driver.py</c>.</summary>
static class Step
{
    public static JsonObject KernelInfo() => new() { ["op"] = "kernel_info" };

    public static JsonObject Execute(string code, double? interruptAfter = null, bool silent = false)
    {
        var step = new JsonObject { ["op"] = "execute", ["code"] = code, ["silent"] = silent };
        if (interruptAfter is { } seconds) step["interrupt_after"] = seconds;
        return step;
    }

    public static JsonObject Request(string type, JsonObject content) => new() { ["op"] = "request", ["type"] = type, ["content"] = content };

    public static JsonObject Shutdown() => new() { ["op"] = "shutdown" };
}

/// <summary>Reading the driver's results.</summary>
static class Results
{
    public static string Status(this JsonNode result) => (string)result["reply"]!["status"]!;

    /// <summary>The IOPub message types of an execute step, in order.</summary>
    public static string[] IOPubTypes(this JsonNode result) =>
        result["iopub"]!.AsArray().Select(m => (string)m!["type"]! is "status" ? "status:" + (string)m["content"]!["execution_state"]! : (string)m["type"]!).ToArray();

    /// <summary>The text/plain of the step's execute_result, or null.</summary>
    public static string? ResultText(this JsonNode result) =>
        result["iopub"]!.AsArray().FirstOrDefault(m => (string)m!["type"]! == "execute_result")?["content"]!["data"]!["text/plain"]?.GetValue<string>();
}
