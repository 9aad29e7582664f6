using System.Diagnostics;

namespace L1Lab.Cli.Tests.Workshop;

/// <summary>
/// <c>workshop collect</c> and <c>workshop return</c> on a folder of fake homes. Run as root (as on a class server),
/// each home belongs to a made-up learner uid, so the commands act as that learner and a planted link gains nothing.
/// </summary>
public sealed class LearnerHomesTests : IDisposable
{
    const int LearnerUid = 23456;
    readonly string _folder = Directory.CreateTempSubdirectory("l1lab-homes-").FullName;
    readonly string _homes;

    public LearnerHomesTests()
    {
        _homes = Path.Combine(_folder, "home");
        Directory.CreateDirectory(_homes);
        // As /home on a server: learners may pass through to their own homes.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_folder, (UnixFileMode)0b111_101_101);
    }

    public void Dispose()
    {
        Shell("chmod", "-R", "u+rwX", _folder);
        Directory.Delete(_folder, recursive: true);
    }

    static bool Root => File.ReadLines("/proc/self/status").Any(l => l.StartsWith("Uid:\t0\t", StringComparison.Ordinal));

    string Home(string learner, params (string Name, string Text)[] notebooks)
    {
        var course = Path.Combine(_homes, learner, "l1lab", "notebooks");
        Directory.CreateDirectory(course);
        foreach (var (name, text) in notebooks) File.WriteAllText(Path.Combine(course, name), text);
        return course;
    }

    void OwnHomes()
    {
        if (Root) Shell("chown", "-R", $"{LearnerUid}:{LearnerUid}", _homes);
    }

    [Fact]
    public void Collect_copies_each_learners_notebooks_and_says_in_one_line_what_it_could_not()
    {
        Home("alice", ("02-l1-penalty.ipynb", "{\"alice\": 2}"), ("03-x.ipynb", "{\"alice\": 3}"));
        Directory.CreateDirectory(Path.Combine(_homes, "bob"));
        Home("carol");
        var dave = Home("dave", ("02-l1-penalty.ipynb", "{}"));
        var eve = Home("eve");
        File.CreateSymbolicLink(Path.Combine(eve, "02-l1-penalty.ipynb"), "/etc/passwd");
        OwnHomes();
        Shell("chmod", "000", dave);
        var submissions = Path.Combine(_folder, "submissions");

        var all = App.Run("workshop", "collect", "alice", "bob", "carol", "dave", "eve", "--homes", _homes, "--out", submissions);

        Assert.True(all.ExitCode == 1, all.Out + all.Error);
        Assert.Equal("{\"alice\": 2}", File.ReadAllText(Path.Combine(submissions, "alice", "02-l1-penalty.ipynb")));
        Assert.Equal("{\"alice\": 3}", File.ReadAllText(Path.Combine(submissions, "alice", "03-x.ipynb")));
        Assert.Equal(["alice"], Directory.GetDirectories(submissions).Select(Path.GetFileName));
        var lines = all.Error.Trim().Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l == $"l1lab: bob: cannot read {_homes}/bob/l1lab/notebooks (no such folder); nothing collected");
        Assert.Contains(lines, l => l == $"l1lab: carol: no notebooks in {_homes}/carol/l1lab/notebooks");
        Assert.Contains(lines, l => l == $"l1lab: dave: cannot read {_homes}/dave/l1lab/notebooks (permission denied); nothing collected");
        Assert.Contains(lines, l => l == $"l1lab: eve: {_homes}/eve/l1lab/notebooks/02-l1-penalty.ipynb is a link or not a regular file; skipped");

        var one = App.Run("workshop", "collect", "alice", "--homes", _homes, "--out", Path.Combine(_folder, "only-03"), "--notebook", "03-x.ipynb", "--notebook", "04-y.ipynb");

        Assert.Equal(1, one.ExitCode);
        Assert.Equal(["03-x.ipynb"], Directory.GetFiles(Path.Combine(_folder, "only-03", "alice")).Select(Path.GetFileName));
        Assert.Equal($"l1lab: alice: no 04-y.ipynb in {_homes}/alice/l1lab/notebooks", one.Error.Trim());
    }

    [Theory]
    [InlineData("Bob Smith")]
    [InlineData("../alice")]
    [InlineData("Alice")]
    public void A_learner_name_that_is_not_a_plain_user_name_is_one_line_and_nothing_is_collected(string learner)
    {
        Home("alice", ("02-l1-penalty.ipynb", "{}"));
        var submissions = Path.Combine(_folder, "submissions");

        var result = App.Run("workshop", "collect", "alice", learner, "--homes", _homes, "--out", submissions);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"l1lab: learner '{learner}': not a plain user name (a lowercase letter or _, then lowercase letters, digits, _ or -, at most 32); nothing was collected", result.Error.Trim());
        Assert.False(Directory.Exists(submissions));
    }

    [Fact]
    public void Return_puts_each_page_into_its_learners_feedback_folder_as_that_learner()
    {
        Home("alice", ("02-l1-penalty.ipynb", "{}"));
        Directory.CreateDirectory(Path.Combine(_homes, "bob"));
        var eve = Home("eve", ("02-l1-penalty.ipynb", "{}"));
        var target = Path.Combine(_folder, "not-eves");
        Directory.CreateDirectory(target);
        File.CreateSymbolicLink(Path.Combine(eve, "feedback"), target);
        OwnHomes();
        var submissions = Path.Combine(_folder, "submissions");
        var grades = Path.Combine(_folder, "grades");
        Directory.CreateDirectory(grades);
        foreach (var learner in new[] { "alice", "bob", "eve" })
        {
            Directory.CreateDirectory(Path.Combine(submissions, learner));
            File.WriteAllText(Path.Combine(grades, $"{learner}-02-l1-penalty.html"), $"<p>{learner}: 3 of 4 points</p>");
        }
        File.WriteAllText(Path.Combine(grades, "feedback.json"), "[" + string.Join(",", new[] { "alice", "bob", "eve" }.Select(l =>
            $"{{\"submission\": \"{submissions}/{l}/02-l1-penalty.ipynb\", \"page\": \"{l}-02-l1-penalty.html\"}}")) + "]");

        var result = App.Run("workshop", "return", grades, "--submissions", submissions, "--homes", _homes);

        var page = Path.Combine(_homes, "alice", "l1lab", "notebooks", "feedback", "02-l1-penalty.html");
        Assert.Equal("<p>alice: 3 of 4 points</p>", File.ReadAllText(page));
        Assert.Contains($"l1lab: bob: cannot write {_homes}/bob/l1lab/notebooks/feedback/02-l1-penalty.html (no course folder {_homes}/bob/l1lab/notebooks)", result.Error, StringComparison.Ordinal);
        if (Root)
        {
            Assert.Equal($"{LearnerUid}", Shell("stat", "-c", "%u", page).Trim());
            // eve's feedback folder is a link to a folder eve cannot write: as eve, the page cannot land there.
            Assert.Empty(Directory.GetFiles(target));
            Assert.Contains(result.Error.Split('\n'), l => l.StartsWith("l1lab: eve: cannot write", StringComparison.Ordinal));
            Assert.Equal(1, result.ExitCode);
        }
    }

    static string Shell(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
