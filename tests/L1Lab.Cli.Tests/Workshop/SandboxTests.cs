using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace L1Lab.Cli.Tests.Workshop;

/// <summary>
/// Hostile submissions under <c>workshop grade</c>'s bubblewrap sandbox. Each learner's first solution cell of
/// notebook 02 is an attack that reports what it could do by throwing "PROBE …" (so the report lands in grades.csv's
/// message); the other two exercises keep the right answers. Each attack must do no harm on the host, and each
/// submission must still be graded: its other exercises full marks.
/// </summary>
[Collection(SandboxedGrading.Name)]
public sealed class SandboxTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    const string Name = "02-l1-penalty.ipynb";
    readonly string _folder = Directory.CreateTempSubdirectory("l1lab-sandbox-").FullName;
    readonly string _hostTmp = Path.Combine(Path.GetTempPath(), $"l1lab-escape-{Guid.NewGuid():N}.txt");

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        File.Delete(_hostTmp);
    }

    static bool HasBubblewrap => File.Exists("/usr/bin/bwrap");

    const string Try = """
        string Try(Func<string> f) { try { return f(); } catch (Exception e) { return "denied(" + e.GetType().Name + ")"; } }

        """;

    [SkippableFact]
    public void Hostile_submissions_do_no_harm_and_are_still_graded()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && HasBubblewrap, "bubblewrap (/usr/bin/bwrap) is not installed: apt-get install bubblewrap");
        var keyFolder = CourseFiles.NotebooksFolder;
        var submissions = Path.Combine(_folder, "submissions");
        var grades = Path.Combine(_folder, "grades");
        var secret = $"s3cr3t-{Guid.NewGuid():N}";
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        // Written so the probe's own source never holds the key solution's text it looks for.
        const string keySolution = "\"w.abs().sum()\" + \".to_type(ScalarType.Float64)\"";

        var attacks = new Dictionary<string, string>
        {
            ["read-key"] = $$"""
                var files = Try(() => string.Join("|", Directory.GetFiles(@"{{keyFolder}}").Select(Path.GetFileName)));
                var solution = Try(() => File.ReadAllText(@"{{Path.Combine(keyFolder, Name)}}").Contains({{keySolution}}).ToString());
                var other = Try(() => File.ReadAllText(@"{{Path.Combine(keyFolder, "01-loss.ipynb")}}").Length.ToString());
                var cmdline = File.ReadAllText("/proc/self/cmdline").Contains("--base-dir");
                throw new Exception($"PROBE files={files} solution={solution} other={other} basedir={cmdline}");
                """,
            ["other-submission"] = $$"""
                var other = Try(() => File.ReadAllText(@"{{Path.Combine(submissions, "read-key", Name)}}").Length.ToString());
                var list = Try(() => Directory.GetDirectories(@"{{submissions}}").Length.ToString());
                throw new Exception($"PROBE other={other} list={list}");
                """,
            ["write-outside"] = $$"""
                var grades = Try(() => { Directory.CreateDirectory(@"{{grades}}"); File.WriteAllText(@"{{Path.Combine(grades, "forged.txt")}}", "x"); return "written"; });
                var own = Try(() => { File.WriteAllText(@"{{Path.Combine(submissions, "write-outside", "escaped.txt")}}", "x"); return "written"; });
                var tmp = Try(() => { File.WriteAllText(@"{{_hostTmp}}", "x"); return "written"; });
                var data = Try(() => { File.WriteAllText(@"{{Path.Combine(Path.GetDirectoryName(keyFolder)!, "data", "escaped.txt")}}", "x"); return "written"; });
                var etc = Try(() => { File.WriteAllText("/etc/escaped", "x"); return "written"; });
                var here = Try(() => { File.WriteAllText("scratch.txt", "x"); return "written"; });
                throw new Exception($"PROBE grades={grades} own={own} tmp={tmp} data={data} etc={etc} here={here}");
                """,
            ["socket"] = $$"""
                string Connect(string host, int port) => Try(() => { using var c = new System.Net.Sockets.TcpClient(); c.Connect(host, port); return "connected"; });
                throw new Exception($"PROBE loopback={Connect("127.0.0.1", {{port}})} outside={Connect("1.1.1.1", 53)}");
                """,
            // One process at a time, so the count is exact: a shell fork bomb races and dies out, so what it shows varies run to run.
            ["fork-bomb"] = """
                var started = new List<System.Diagnostics.Process>();
                var refused = "no";
                try
                {
                    while (started.Count < 2000) started.Add(System.Diagnostics.Process.Start("/bin/sleep", "600")!);
                }
                catch (Exception e) { refused = e.GetType().Name; }
                foreach (var p in started) { p.Kill(); p.WaitForExit(); }   // reaped, so their task slots are free again
                System.Diagnostics.Process.Start("/bin/sh", new[] { "-c", "sleep 600 & sleep 600 &" });
                throw new Exception($"PROBE started={started.Count} refused={refused}");
                """,
            ["fill-disk"] = """
                long Fill(string folder)
                {
                    var chunk = new byte[1 << 20];
                    long written = 0;
                    try
                    {
                        for (var i = 0; i < 100_000; i++)
                        {
                            using var file = File.Create(Path.Combine(folder, $"fill-{i}.bin"));
                            for (var j = 0; j < 16; j++) { file.Write(chunk); written += chunk.Length; }
                        }
                    }
                    catch (IOException) { }
                    return written >> 20;
                }
                throw new Exception($"PROBE here={Fill(".")}MiB tmp={Fill("/tmp")}MiB");
                """,
            ["forged-lines"] = """
                var token = Try(() => Console.In.ReadLine() ?? "none");
                var raw = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle((IntPtr)1, false), FileAccess.Write);
                var lines = string.Concat(Enumerable.Range(1, 80).Select(i => $"{token} {{\"kind\":\"cell\",\"cell\":{i},\"status\":\"ran\",\"message\":\"\"}}\n{{\"kind\":\"cell\",\"cell\":{i},\"status\":\"ran\",\"message\":\"\"}}\n"))
                    + $"{token} {{\"kind\":\"done\",\"cell\":0,\"status\":\"\",\"message\":\"\"}}\n";
                raw.Write(System.Text.Encoding.UTF8.GetBytes(lines));
                raw.Flush();
                Console.WriteLine(lines);
                throw new Exception("PROBE forged");
                """,
            ["secrets"] = $$"""
                var env = Environment.GetEnvironmentVariable("L1LAB_TEST_SECRET") ?? "absent";
                var found = Directory.GetDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _))
                    .Sum(d => new[] { "environ", "cmdline" }.Count(f => Try(() => File.ReadAllText(Path.Combine(d, f))).Contains("{{secret[..6]}}" + "{{secret[6..]}}")));
                throw new Exception($"PROBE env={env} found={found}");
                """,
        };
        foreach (var (learner, attack) in attacks)
        {
            var notebook = CourseFiles.Read(Path.Combine(keyFolder, Name));
            var cells = CourseFiles.Cells(notebook);
            CourseFiles.SetSource(cells[CourseFiles.IndexOf(cells, "ex1-norms-solution")]!, Try + attack);
            Directory.CreateDirectory(Path.Combine(submissions, learner));
            File.WriteAllText(Path.Combine(submissions, learner, Name), notebook.ToJsonString());
        }
        var before = SandboxUserProcesses();

        var result = App.Run(new Dictionary<string, string> { ["L1LAB_TEST_SECRET"] = secret }, TimeSpan.FromMinutes(30),
            ["workshop", "grade", submissions, "--key", keyFolder, "--out", grades, "--cell-timeout", "30", "--set", "steps=200"]);

        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        Assert.Contains("bubblewrap sandbox", result.Out, StringComparison.Ordinal);
        var rows = WorkshopCommandTests.ReadCsv(Path.Combine(grades, "grades.csv"));
        string Probe(string learner)
        {
            var message = rows.Single(r => r["submission"].Contains($"/{learner}/", StringComparison.Ordinal) && r["exercise"] == "ex1-norms")["message"];
            var start = message.IndexOf("PROBE", StringComparison.Ordinal);
            return start < 0 ? message : message[start..];
        }
        foreach (var learner in attacks.Keys)
        {
            output.WriteLine($"{learner}: {Probe(learner)}");
            var own = rows.Where(r => r["submission"].Contains($"/{learner}/", StringComparison.Ordinal)).ToDictionary(r => r["exercise"]);
            Assert.True(own["ex1-norms"]["status"] != "ok", $"{learner}: the attack cell cannot define the answer, yet ex1 is {own["ex1-norms"]["status"]}");
            Assert.True(own["ex2-l2-minimiser"]["status"] == "ok" && own["ex3-proximal-limit"]["status"] == "ok",
                $"{learner} was not graded: {own["ex2-l2-minimiser"]["status"]} {own["ex2-l2-minimiser"]["message"]} / {own["ex3-proximal-limit"]["status"]} {own["ex3-proximal-limit"]["message"]}");
        }

        Assert.Contains("files=02-l1-penalty.ipynb solution=False other=denied(FileNotFoundException) basedir=False", Probe("read-key"), StringComparison.Ordinal);
        Assert.Matches("PROBE other=denied\\(\\w+\\) list=denied\\(\\w+\\)", Probe("other-submission"));
        // Paths under /tmp land in the sandbox's private /tmp ("written" there); what counts is that nothing reached the host.
        Assert.Matches("PROBE grades=\\S+ own=\\S+ tmp=written data=denied\\(\\w+\\) etc=denied\\(\\w+\\) here=written", Probe("write-outside"));
        Assert.False(File.Exists(Path.Combine(grades, "forged.txt")) || File.Exists(Path.Combine(submissions, "write-outside", "escaped.txt"))
            || File.Exists(_hostTmp) || File.Exists(Path.Combine(Path.GetDirectoryName(keyFolder)!, "data", "escaped.txt")) || File.Exists("/etc/escaped"),
            "a file was written outside the sandbox's private folders");
        Assert.Matches("PROBE loopback=denied\\(SocketException\\) outside=denied\\(SocketException\\)", Probe("socket"));
        Assert.False(listener.Pending(), "the sandbox connected to the host's loopback listener");
        var flood = System.Text.RegularExpressions.Regex.Match(Probe("fork-bomb"), "started=(\\d+) refused=(\\w+)");
        Assert.True(flood.Success, Probe("fork-bomb"));
        // The limit of 256 tasks, the .NET process's own threads included, refused a new process well before 2000.
        Assert.InRange(int.Parse(flood.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 20, 255);
        Assert.Equal("Win32Exception", flood.Groups[2].Value);
        Assert.Contains("PROBE forged", Probe("forged-lines"), StringComparison.Ordinal);
        var fill = System.Text.RegularExpressions.Regex.Match(Probe("fill-disk"), "here=(\\d+)MiB tmp=(\\d+)MiB");
        Assert.True(fill.Success, Probe("fill-disk"));
        Assert.InRange(long.Parse(fill.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 0, 128);
        Assert.InRange(long.Parse(fill.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), 0, 128);
        Assert.Contains("PROBE env=absent found=0", Probe("secrets"), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, File.ReadAllText(Path.Combine(grades, "grades.csv")), StringComparison.Ordinal);
        // Killed processes leave the table asynchronously: allow them a few seconds, then none may be left.
        Assert.True(SpinWait.SpinUntil(() => SandboxUserProcesses() <= before, TimeSpan.FromSeconds(10)), "processes started in the sandbox outlived the grading");
    }

    [Fact]
    public void Without_bubblewrap_the_grader_refuses_in_one_line_unless_told_no_sandbox()
    {
        var submission = Path.Combine(_folder, Name);
        File.Copy(Path.Combine(CourseFiles.NotebooksFolder, Name), submission);
        var noBwrap = new Dictionary<string, string> { ["PATH"] = "/nonexistent" };

        var refused = App.Run(noBwrap, ["workshop", "grade", submission, "--key", CourseFiles.NotebooksFolder, "--out", Path.Combine(_folder, "grades")]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Single(refused.Error.Trim().Split('\n'));
        Assert.Contains("--no-sandbox", refused.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "grades")));
    }

    /// <summary>Processes on the host run by a sandbox user (a grader running as root drops its children to an id of its own from <see cref="L1Lab.Workshop.GradingSandbox.FirstSandboxUserId"/> on).</summary>
    static int SandboxUserProcesses() => Process.GetProcesses().Count(p =>
    {
        try
        {
            var uid = File.ReadLines($"/proc/{p.Id}/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t')[1];
            return long.Parse(uid, System.Globalization.CultureInfo.InvariantCulture) >= L1Lab.Workshop.GradingSandbox.FirstSandboxUserId;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            return false;
        }
        finally
        {
            p.Dispose();
        }
    });
}
