using Xunit.Abstractions;
using System.Text.Json.Nodes;

namespace L1Lab.Kernel.Tests;

/// <summary>
/// The kernel under load and faults, driven by <c>kernel_faults.py</c> (jupyter_client and raw ZeroMQ sockets) on
/// 127.0.0.1: it stays up, executes nothing unsigned, keeps its memory flat, and still answers a good request.
/// </summary>
public sealed class KernelFaultTests(ITestOutputHelper output)
{
    static JsonObject Run(KernelProcess kernel, params string[] args)
    {
        var result = ChildProcess.Run(TestPaths.Python, [TestPaths.Script("kernel_faults.py"), kernel.ConnectionFilePath, .. args],
            stdin: "", timeout: TimeSpan.FromMinutes(10));
        Assert.True(result.ExitCode == 0, $"kernel_faults.py {args[0]} failed ({result.ExitCode}):\n{result.Stderr}\nkernel stderr:\n{kernel.Stderr}");
        Assert.False(kernel.Process.HasExited, $"the kernel exited during {args[0]}:\n{kernel.Stderr}");
        return (JsonObject)JsonNode.Parse(result.Stdout)!;
    }

    /// <remarks>
    /// Every cell is one more Roslyn submission (an assembly that stays loaded, as in any C# kernel), so memory
    /// grows a little per request; this guards against growth that compounds (each cell re-binding the session's
    /// references cost megabytes per request after a few hundred). The measured figures are printed.
    /// </remarks>
    [Fact]
    public void A_thousand_execute_requests_grow_the_kernels_memory_linearly_by_little_per_request()
    {
        using var kernel = KernelProcess.Start();

        var result = Run(kernel, "soak", kernel.Process.Id.ToString(), "100", "550", "1000");

        var rss = result["rss_kib"]!.AsArray().Select(v => (long)v!).ToArray();
        double firstHalf = (rss[1] - rss[0]) / 450.0, secondHalf = (rss[2] - rss[1]) / 450.0;
        output.WriteLine($"{(int)result["ok"]!} of {(int)result["requests"]!} requests ok; RSS after 100 / 550 / 1,000 requests: " +
            $"{rss[0] / 1024.0:F1} / {rss[1] / 1024.0:F1} / {rss[2] / 1024.0:F1} MiB ({100.0 * (rss[2] - rss[0]) / rss[0]:+0.0;-0.0} % from 100 to 1,000); " +
            $"{firstHalf:F0} then {secondHalf:F0} KiB per request");
        Assert.Equal(1000, (int)result["ok"]!);
        Assert.True(secondHalf <= 256, $"requests 550–1,000 grew RSS by {secondHalf:F0} KiB each (limit 256)");
        Assert.True(secondHalf <= 2 * Math.Max(firstHalf, 64), $"growth per request compounds: {firstHalf:F0} KiB, then {secondHalf:F0} KiB");
    }

    [Fact]
    public void Malformed_unsigned_and_random_frames_on_every_socket_execute_nothing_and_leave_the_kernel_answering()
    {
        using var kernel = KernelProcess.Start();
        using var folder = new TempDirectory();
        var marker = Path.Combine(folder.Path, "forged-request-ran");

        var result = Run(kernel, "garbage", marker, "20261129");

        output.WriteLine($"{(int)result["cases"]!} malformed messages sent");
        Assert.False((bool)result["forged_executed"]!, "a request with a bad or missing signature was executed");
        Assert.False(File.Exists(marker));
        Assert.True((bool)result["heartbeat_echoed"]!, "the heartbeat no longer echoes");
        Assert.Equal("ok", (string)result["good_status"]!);
        Assert.Contains("signature", kernel.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_client_that_vanishes_mid_execution_leaves_the_kernel_usable_for_the_next_one()
    {
        using var kernel = KernelProcess.Start();

        var result = Run(kernel, "disconnect");

        Assert.Equal("ok", (string)result["status"]!);
        Assert.Equal("5", (string)result["result"]!);
    }

    [Fact]
    public void Interrupting_a_cell_while_it_streams_stops_it_and_the_kernel_runs_the_next_cell()
    {
        using var kernel = KernelProcess.Start();

        var result = Run(kernel, "interrupt_streaming");

        output.WriteLine($"stopped {(double)result["seconds_to_stop"]!:F2} s after the interrupt; {(int)result["streams_before_stop"]!} stream messages");
        Assert.Equal("ok", (string)result["interrupt_status"]!);
        Assert.Equal("error", (string)result["execute_status"]!);
        Assert.True((int)result["streams_before_stop"]! > 0, "no output streamed before the interrupt");
        Assert.Equal("ok", (string)result["after_status"]!);
    }

    [Fact]
    public void Two_clients_on_IOPub_both_see_each_others_output()
    {
        using var kernel = KernelProcess.Start();

        var result = Run(kernel, "two_iopub");

        foreach (var name in new[] { "a", "b" })
        {
            Assert.Equal($"from {name}\n", (string)result[name]!["sender_saw"]!);
            Assert.Equal($"from {name}\n", (string)result[name]!["watcher_saw"]!);
        }
    }
}
