using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace L1Lab.Workshop;

/// <summary>
/// The teacher's side of a class server: each learner's notebooks from <c>HOMES/LEARNER/FOLDER/</c> into
/// <c>submissions/LEARNER/</c> (<see cref="Collect"/>), and each learner's feedback pages back into
/// <c>HOMES/LEARNER/FOLDER/feedback/</c> (<see cref="Return"/>); FOLDER is <c>l1lab/notebooks</c> on the class server. A teacher running as root reads and writes a home as
/// its owner (through <c>setpriv</c>), so a link a learner planted there reaches nothing the learner could not reach
/// anyway; links, non-files and files over <see cref="MaxNotebookBytes"/> are skipped with a line saying so.
/// </summary>
public static partial class LearnerHomes
{
    /// <summary>Largest notebook collected; a course notebook without outputs is well under a megabyte.</summary>
    public const long MaxNotebookBytes = 50L << 20;

    /// <summary>The feedback folder's name inside a learner's course folder.</summary>
    public const string FeedbackFolderName = "feedback";

    /// <summary>True for a plain user name (a letter or _, then letters, digits, _ or -; at most 32), as useradd takes.</summary>
    public static bool IsPlainName(string learner) => PlainName().IsMatch(learner);

    /// <summary>What one collect or return did: the files it wrote and one line per problem.</summary>
    public sealed record Outcome(IReadOnlyList<string> Written, IReadOnlyList<string> Problems);

    /// <summary>
    /// Copies each learner's notebooks (all <c>*.ipynb</c> in the course folder, or those named in
    /// <paramref name="notebooks"/>) into <c><paramref name="outDirectory"/>/LEARNER/</c>.
    /// </summary>
    public static Outcome Collect(IReadOnlyList<string> learners, string homes, string folder, IReadOnlyList<string> notebooks, string outDirectory)
    {
        var written = new List<string>();
        var problems = new List<string>();
        foreach (var learner in learners)
        {
            var course = Path.Combine(homes, learner, folder);
            var list = AsOwner(Path.Combine(homes, learner), "d=\"$1\"; [ -L \"$d\" ] && { echo \"is a link\" >&2; exit 3; }; [ -d \"$d\" ] || { echo \"no such folder\" >&2; exit 4; }; "
                + "[ -r \"$d\" ] && [ -x \"$d\" ] || { echo \"permission denied\" >&2; exit 4; }; cd -- \"$d\" || exit 4; "
                + "for f in *.ipynb; do [ -e \"$f\" ] || continue; if [ -L \"$f\" ] || [ ! -f \"$f\" ]; then echo \"skip:$f\"; "
                + $"elif [ \"$(stat -c %s -- \"$f\")\" -gt {MaxNotebookBytes} ]; then echo \"big:$f\"; else echo \"ok:$f\"; fi; done", [course], null);
            if (list.ExitCode != 0)
            {
                problems.Add($"{learner}: cannot read {course} ({Reason(list.Error)}); nothing collected");
                continue;
            }
            var entries = Encoding.UTF8.GetString(list.Output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var found = entries.Where(e => e.StartsWith("ok:", StringComparison.Ordinal)).Select(e => e[3..]).ToList();
            foreach (var e in entries.Where(e => !e.StartsWith("ok:", StringComparison.Ordinal)))
                problems.Add(e.StartsWith("big:", StringComparison.Ordinal)
                    ? $"{learner}: {Path.Combine(course, e[4..])} is larger than {MaxNotebookBytes >> 20} MB; skipped"
                    : $"{learner}: {Path.Combine(course, e[5..])} is a link or not a regular file; skipped");
            var wanted = notebooks.Count == 0 ? found : notebooks.ToList();
            if (entries.Length == 0 && notebooks.Count == 0) problems.Add($"{learner}: no notebooks in {course}");
            foreach (var name in wanted)
            {
                if (!found.Contains(name))
                {
                    if (!entries.Any(e => e.EndsWith(":" + name, StringComparison.Ordinal))) problems.Add($"{learner}: no {name} in {course}");
                    continue;
                }
                var read = AsOwner(Path.Combine(homes, learner), "exec cat -- \"$1\"", [Path.Combine(course, name)], null);
                if (read.ExitCode != 0)
                {
                    problems.Add($"{learner}: cannot read {Path.Combine(course, name)} ({Reason(read.Error)}); skipped");
                    continue;
                }
                var target = Path.Combine(outDirectory, learner, name);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                L1Lab.IO.AtomicFile.Write(target, stream => stream.Write(read.Output));
                written.Add(target);
            }
        }
        return new Outcome(written, problems);
    }

    /// <summary>
    /// Puts each feedback page of a grading run (<paramref name="gradesDirectory"/>) whose submission lies in
    /// <c><paramref name="submissionsDirectory"/>/LEARNER/</c> into that learner's course folder, as
    /// <c>feedback/NOTEBOOK.html</c> (replacing the previous one).
    /// </summary>
    public static Outcome Return(string gradesDirectory, string submissionsDirectory, string homes, string folder)
    {
        var written = new List<string>();
        var problems = new List<string>();
        var root = Path.GetFullPath(submissionsDirectory);
        foreach (var (submission, page) in FeedbackIndex.Read(gradesDirectory))
        {
            var relative = Path.GetRelativePath(root, Path.GetFullPath(submission));
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (relative.StartsWith("..", StringComparison.Ordinal) || parts.Length != 2)
            {
                problems.Add($"{submission}: not in a learner's folder of {submissionsDirectory} (LEARNER/NOTEBOOK.ipynb); its feedback stays in {gradesDirectory}");
                continue;
            }
            var learner = parts[0];
            if (!IsPlainName(learner))
            {
                problems.Add($"{submission}: '{learner}' is not a plain user name; its feedback stays in {gradesDirectory}");
                continue;
            }
            var target = Path.Combine(homes, learner, folder, FeedbackFolderName);
            var name = Path.GetFileNameWithoutExtension(parts[1]) + ".html";
            var html = File.ReadAllBytes(Path.Combine(gradesDirectory, page));
            var put = AsOwner(Path.Combine(homes, learner),
                "set -e; [ -d \"$1\" ] && [ ! -L \"$1\" ] || { echo \"no course folder $1\" >&2; exit 3; }; mkdir -p -- \"$2\"; "
                + "cat > \"$2/.$3.part\"; mv -f -- \"$2/.$3.part\" \"$2/$3\"",
                [Path.Combine(homes, learner, folder), target, name], html);
            if (put.ExitCode != 0) problems.Add($"{learner}: cannot write {Path.Combine(target, name)} ({Reason(put.Error)}); its feedback stays in {gradesDirectory}");
            else written.Add(Path.Combine(target, name));
        }
        return new Outcome(written, problems);
    }

    sealed record ShellResult(int ExitCode, byte[] Output, string Error);

    /// <summary>
    /// Runs <paramref name="script"/> with <c>sh</c>, as the owner of <paramref name="home"/> when this process is root
    /// (so the kernel checks the learner's own rights), else as this process.
    /// </summary>
    static ShellResult AsOwner(string home, string script, IReadOnlyList<string> args, byte[]? input)
    {
        var command = new List<string>();
        if (OperatingSystem.IsLinux() && GradingSandbox.RunningAsRoot())
        {
            var owner = Run(["stat", "-c", "%u:%g", "--", home], null);
            if (owner.ExitCode != 0) return owner with { Error = $"no home folder {home}" };
            var ids = Encoding.ASCII.GetString(owner.Output).Trim().Split(':');
            if (ids[0] == "0") return owner with { ExitCode = 1, Error = $"{home} belongs to root, not to a learner" };
            command.AddRange(["setpriv", $"--reuid={ids[0]}", $"--regid={ids[1]}", "--clear-groups", "--"]);
        }
        command.AddRange(["sh", "-c", script, "sh", .. args]);
        return Run(command, input);
    }

    static ShellResult Run(IReadOnlyList<string> command, byte[]? input)
    {
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in command.Skip(1)) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {command[0]}");
        var error = process.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        try
        {
            if (input is not null) process.StandardInput.BaseStream.Write(input);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The script ended before reading its input (a check failed); its exit code and message say why.
        }
        copy.Wait();
        process.WaitForExit();
        return new ShellResult(process.ExitCode, output.ToArray(), error.Result);
    }

    static string Reason(string error)
    {
        var line = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
        line = Regex.Replace(line, "^(sh|cat|mkdir|mv|stat|setpriv|cd)(: [0-9]+)?: ", "");
        return line.Length == 0 ? "failed" : line;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_-]{0,31}$")]
    private static partial Regex PlainName();
}
