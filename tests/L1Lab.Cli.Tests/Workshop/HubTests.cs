using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace L1Lab.Cli.Tests.Workshop;

/// <summary>
/// The class server end to end, on 127.0.0.1: deploy/jupyterhub/setup.sh stages the course, Debian's JupyterHub starts
/// with its config, three new system users log in through API tokens, each finds the release in their home and runs
/// notebook 02 (quick values) in their own server's L1Lab kernel over the REST and websocket APIs; one solves every
/// exercise, one leaves the release as it is, one solves the first exercise only. Then the teacher collects, grades
/// (sandboxed) and returns, and the hub shuts down with no process left. Needs root (useradd, JupyterHub's
/// LocalProcessSpawner), jupyterhub and configurable-http-proxy.
/// </summary>
[Collection(SandboxedGrading.Name)]
public sealed class HubTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    const string Name = "02-l1-penalty.ipynb";
    readonly string _root = Directory.CreateTempSubdirectory("l1lab-hub-").FullName;
    readonly string _token = Guid.NewGuid().ToString("N");
    readonly List<string> _learners = [];
    Process? _hub;

    static bool Root => File.ReadLines("/proc/self/status").Any(l => l.StartsWith("Uid:\t0\t", StringComparison.Ordinal));

    [SkippableFact]
    public async Task Three_learners_run_notebook_02_in_their_own_servers_and_get_their_feedback()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && Root, "the hub test creates system users and runs JupyterHub's LocalProcessSpawner: run as root");
        foreach (var tool in new[] { "/usr/bin/jupyterhub", "/usr/bin/configurable-http-proxy", "/usr/bin/bwrap" })
            Skip.IfNot(File.Exists(tool), $"{tool} is missing: apt-get install jupyterhub node-configurable-http-proxy bubblewrap");
        var started = Stopwatch.StartNew();
        if (OperatingSystem.IsLinux()) File.SetUnixFileMode(_root, (UnixFileMode)0b111_101_101);
        var repo = Path.GetDirectoryName(CourseFiles.NotebooksFolder)!;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var app = Path.Combine(repo, "lib", "L1Lab.Cli", "bin", configuration, "net10.0");
        var etc = Path.Combine(_root, "etc");
        Run(Path.Combine(repo, "deploy", "jupyterhub", "setup.sh"), "--no-apt", "--app", app, "--prefix", Path.Combine(_root, "course"),
            "--config-dir", etc, "--kernel-prefix", Path.Combine(_root, "kernel"));
        var suffix = Guid.NewGuid().ToString("N")[..5];
        foreach (var n in new[] { "a", "b", "c" })
        {
            var learner = $"l1hub{n}{suffix}";
            Run("/usr/sbin/useradd", "-m", "-s", "/bin/bash", learner);
            _learners.Add(learner);
        }
        var port = FreePortRun();
        _hub = Start(Path.Combine(repo, "deploy", "jupyterhub", "start-hub.sh"), etc,
            new() { ["L1LAB_HUB_PORT"] = $"{port}", ["L1LAB_HUB_TEACHER_TOKEN"] = _token });
        var baseUrl = $"http://127.0.0.1:{port}";
        using var teacher = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(3) };
        teacher.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", _token);
        await WaitUntil(async () => (await teacher.GetAsync("/hub/api/")).IsSuccessStatusCode, TimeSpan.FromSeconds(60), "the hub did not answer");
        output.WriteLine($"hub up after {started.Elapsed.TotalSeconds:0} s");

        var key = CourseFiles.Read(Path.Combine(CourseFiles.NotebooksFolder, Name));
        var solved = new[] { new[] { "ex1-norms-solution", "ex2-l2-minimiser-solution", "ex3-proximal-limit-solution" }, [], ["ex1-norms-solution"] };
        var runs = _learners.Select((learner, i) => Learn(teacher, baseUrl, learner, key, solved[i])).ToList();
        var firstOutputs = await Task.WhenAll(runs);
        output.WriteLine($"notebook 02 ran in all three servers after {started.Elapsed.TotalSeconds:0} s; first outputs after {string.Join(", ", firstOutputs.Select(t => $"{t.TotalSeconds:0.0} s"))}");

        var submissions = Path.Combine(_root, "submissions");
        var grades = Path.Combine(_root, "grades");
        var collect = App.Run(["workshop", "collect", .. _learners, "--out", submissions, "--notebook", Name]);
        Assert.True(collect.ExitCode == 0, collect.Out + collect.Error);
        var grade = App.Run(TimeSpan.FromMinutes(10), ["workshop", "grade", submissions, "--key", CourseFiles.NotebooksFolder, "--out", grades, "--set", "steps=200"]);
        Assert.True(grade.ExitCode == 0, grade.Out + grade.Error);
        var rows = WorkshopCommandTests.ReadCsv(Path.Combine(grades, "grades.csv"));
        double Points(string learner) => rows.Where(r => r["submission"].Contains($"/{learner}/", StringComparison.Ordinal)).Sum(r => double.Parse(r["points"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(_learners.Select(Points).SequenceEqual([4.0, 0.0, 1.0]),
            $"points {string.Join(", ", _learners.Select(Points))}, expected 4, 0, 1:\n{File.ReadAllText(Path.Combine(grades, "grades.csv"))}");
        var back = App.Run("workshop", "return", grades, "--submissions", submissions);
        Assert.True(back.ExitCode == 0, back.Out + back.Error);
        foreach (var (learner, points) in _learners.Zip(new[] { 4, 0, 1 }))
        {
            var page = Path.Combine("/home", learner, "l1lab", "notebooks", "feedback", "02-l1-penalty.html");
            Assert.Contains($"{points} of 4 points", File.ReadAllText(page), StringComparison.Ordinal);
        }

        foreach (var learner in _learners) (await teacher.DeleteAsync($"/hub/api/users/{learner}/server")).EnsureSuccessStatusCode();
        StopHub();
        Assert.Empty(LeftOver());
        output.WriteLine($"done in {started.Elapsed.TotalSeconds:0} s");
    }

    /// <summary>One learner: a token, their server, the release in their home, notebook 02 run in their kernel and saved. Returns the time to the first output.</summary>
    async Task<TimeSpan> Learn(HttpClient teacher, string baseUrl, string learner, JsonObject key, string[] solve)
    {
        (await teacher.PostAsync($"/hub/api/users/{learner}", null)).EnsureSuccessStatusCode();
        var tokenReply = await teacher.PostAsync($"/hub/api/users/{learner}/tokens", new StringContent("{\"expires_in\": 3600, \"note\": \"hub test\"}"));
        tokenReply.EnsureSuccessStatusCode();
        var token = (string)JsonNode.Parse(await tokenReply.Content.ReadAsStringAsync())!["token"]!;
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(3) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", token);
        (await client.PostAsync($"/hub/api/users/{learner}/server", null)).EnsureSuccessStatusCode();
        // While the server starts, the hub answers for it with a 200 "starting" page: wait for the server's own JSON.
        await WaitUntil(async () => (await client.GetAsync($"/user/{learner}/api/status")) is { IsSuccessStatusCode: true } r
            && r.Content.Headers.ContentType?.MediaType == "application/json" && JsonNode.Parse(await r.Content.ReadAsStringAsync())?["kernels"] is not null,
            TimeSpan.FromSeconds(180), $"{learner}'s server did not start");

        var release = Path.Combine("/home", learner, "l1lab", "notebooks", Name);
        Assert.True(File.Exists(release), $"the spawn hook did not put the release into {release}");
        Assert.Equal(Run("id", "-u", learner).Trim(), Run("stat", "-c", "%u", release).Trim());
        var notebook = JsonNode.Parse((await client.GetStringAsync($"/user/{learner}/api/contents/l1lab/notebooks/{Name}?content=1")))!["content"]!.AsObject();
        var cells = notebook["cells"]!.AsArray();
        foreach (var id in solve) cells[CourseFiles.IndexOf(cells, id)]!["source"] = CourseFiles.Source(CourseFiles.Cells(key)[CourseFiles.IndexOf(CourseFiles.Cells(key), id)]!);
        var parameters = cells.First(c => c!["metadata"]?["tags"]?.AsArray().Any(t => (string?)t == "parameters") == true)!;
        parameters["source"] = "var steps = 200;\nvar gridPoints = 60001;";

        // A session, as the notebook page opens it: the kernel starts in the notebook's folder, so "../lib" resolves.
        var session = new JsonObject { ["path"] = $"l1lab/notebooks/{Name}", ["type"] = "notebook", ["name"] = Name, ["kernel"] = new JsonObject { ["name"] = "l1lab-csharp" } };
        var kernel = await client.PostAsync($"/user/{learner}/api/sessions", new StringContent(session.ToJsonString()));
        kernel.EnsureSuccessStatusCode();
        var kernelId = (string)JsonNode.Parse(await kernel.Content.ReadAsStringAsync())!["kernel"]!["id"]!;
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"token {token}");
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{new Uri(baseUrl).Port}/user/{learner}/api/kernels/{kernelId}/channels"), CancellationToken.None);
        var clock = Stopwatch.StartNew();
        TimeSpan? first = null;
        var errors = new List<string>();
        foreach (var cell in cells.Where(c => (string?)c!["cell_type"] == "code"))
        {
            var (outputs, error) = await Execute(socket, CourseFiles.Source(cell!));
            first ??= outputs > 0 ? clock.Elapsed : null;
            if (error is not null) errors.Add(error);
        }
        var expectedErrors = 3 - solve.Length;
        Assert.True(errors.Count == expectedErrors && errors.All(e => e.Contains("NotImplementedException", StringComparison.Ordinal)),
            $"{learner}: expected {expectedErrors} 'not done yet' errors, got: {string.Join(" | ", errors)}");
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
        var save = new JsonObject { ["type"] = "notebook", ["format"] = "json", ["content"] = notebook.DeepClone() };
        (await client.PutAsync($"/user/{learner}/api/contents/l1lab/notebooks/{Name}", new StringContent(save.ToJsonString()))).EnsureSuccessStatusCode();
        return first ?? throw new InvalidOperationException($"{learner}: no cell printed anything");
    }

    /// <summary>Sends one execute_request and reads until its execute_reply: the number of outputs and the error, if any.</summary>
    static async Task<(int Outputs, string? Error)> Execute(ClientWebSocket socket, string code)
    {
        var id = Guid.NewGuid().ToString("N");
        var request = new JsonObject
        {
            ["header"] = new JsonObject { ["msg_id"] = id, ["username"] = "test", ["session"] = "hub-test", ["msg_type"] = "execute_request", ["version"] = "5.3", ["date"] = DateTime.UtcNow.ToString("o") },
            ["parent_header"] = new JsonObject(),
            ["metadata"] = new JsonObject(),
            ["content"] = new JsonObject { ["code"] = code, ["silent"] = false, ["store_history"] = true, ["user_expressions"] = new JsonObject(), ["allow_stdin"] = false, ["stop_on_error"] = false },
            ["channel"] = "shell",
            ["buffers"] = new JsonArray(),
        };
        await socket.SendAsync(Encoding.UTF8.GetBytes(request.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        var outputs = 0;
        string? error = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (true)
        {
            var message = await Receive(socket, timeout.Token);
            if ((string?)message["parent_header"]?["msg_id"] != id) continue;
            var type = (string?)message["header"]?["msg_type"] ?? (string?)message["msg_type"];
            if (type is "stream" or "execute_result" or "display_data") outputs++;
            if (type == "error") error = $"{message["content"]?["ename"]}: {message["content"]?["evalue"]}";
            if (type == "execute_reply")
            {
                if ((string?)message["content"]?["status"] != "ok") error ??= $"{message["content"]?["ename"]}: {message["content"]?["evalue"]}";
                return (outputs, error);
            }
        }
    }

    static async Task<JsonNode> Receive(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException("the kernel's websocket closed");
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) break;
        }
        // Binary frames carry buffers; their JSON part is not needed here.
        return JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()).TrimStart('\0')) ?? new JsonObject();
    }

    /// <summary>Three consecutive free ports on loopback (the hub, its API, the proxy's API); returns the first.</summary>
    static int FreePortRun()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var port = Random.Shared.Next(20_000, 60_000);
            if (Enumerable.Range(port, 3).All(Free)) return port;
        }
        throw new InvalidOperationException("no three free consecutive ports on 127.0.0.1");

        static bool Free(int p)
        {
            try
            {
                using var l = new TcpListener(System.Net.IPAddress.Loopback, p);
                l.Start();
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }

    static async Task WaitUntil(Func<Task<bool>> ready, TimeSpan limit, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            try
            {
                if (await ready()) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException(failure);
    }

    static string Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)}: exit code {process.ExitCode}\n{stdout.Result}{stderr.Result}");
        return stdout.Result;
    }

    Process Start(string file, string arg, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(arg);
        foreach (var (k, v) in environment) start.Environment[k] = v;
        var process = Process.Start(start)!;
        var log = Path.Combine(_root, "hub.log");
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        _ = Task.Run(async () =>
        {
            await using var file = File.Create(log);
            await process.StandardError.BaseStream.CopyToAsync(file);
        });
        return process;
    }

    /// <summary>Stops the hub as systemd would (SIGTERM: it stops the learners' servers and the proxy), then waits.</summary>
    void StopHub()
    {
        if (_hub is null || _hub.HasExited) return;
        Process.Start("kill", ["-TERM", $"{_hub.Id}"])!.WaitForExit();
        if (!_hub.WaitForExit(TimeSpan.FromSeconds(30))) _hub.Kill(entireProcessTree: true);
        _hub.WaitForExit();
    }

    /// <summary>Processes this test started that are still alive: the learners', and the hub's proxy (it names our config folder's pid file).</summary>
    List<string> LeftOver()
    {
        var uids = _learners.Select(l => Run("id", "-u", l).Trim()).ToHashSet();
        var left = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                var status = File.ReadAllText(Path.Combine(dir, "status"));
                var uid = status.Split('\n').First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t')[1];
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (uids.Contains(uid) || cmdline.Contains(_root, StringComparison.Ordinal)) left.Add($"{Path.GetFileName(dir)} {cmdline}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Gone meanwhile.
            }
        }
        return left;
    }

    public void Dispose()
    {
        try
        {
            StopHub();
        }
        catch (InvalidOperationException)
        {
        }
        foreach (var line in LeftOver()) Process.Start("kill", ["-KILL", line.Split(' ')[0]])?.WaitForExit();
        foreach (var learner in _learners) Process.Start("/usr/sbin/userdel", ["-r", learner])?.WaitForExit();
        Directory.Delete(_root, recursive: true);
        _hub?.Dispose();
    }
}
