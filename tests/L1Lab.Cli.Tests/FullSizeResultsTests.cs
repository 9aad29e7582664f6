using System.Text.Json.Nodes;

namespace L1Lab.Cli.Tests;

/// <summary>
/// <c>scripts/full-size-results.py</c>, which turns a full-size run into results/full-size/results.json: it finds every
/// <c>Check.That</c> claim in the forms the notebooks write them, says whether each held, and merges a run of a few
/// notebooks into the file instead of dropping the others.
/// </summary>
public sealed class FullSizeResultsTests : IDisposable
{
    readonly TempDirectory _work = new("full-size");

    public void Dispose() => _work.Dispose();

    static string Script => Path.Combine(TestPaths.RepoRoot, "scripts", "full-size-results.py");

    string Course => Path.Combine(_work.Path, "notebooks");

    string Executed => Path.Combine(_work.Path, "executed");

    string Out => Path.Combine(_work.Path, "results.json");

    static JsonObject Code(string id, string source, bool check, params JsonObject[] outputs) => new()
    {
        ["cell_type"] = "code",
        ["id"] = id,
        ["metadata"] = new JsonObject { ["tags"] = check ? new JsonArray("hide-input") : new JsonArray() },
        ["source"] = source,
        ["outputs"] = new JsonArray([.. outputs]),
    };

    static JsonObject Error(string message) => new() { ["output_type"] = "error", ["ename"] = "CheckFailed", ["evalue"] = message };

    void WriteNotebook(string name, params JsonObject[] cells)
    {
        var notebook = new JsonObject { ["cells"] = new JsonArray([.. cells]), ["nbformat"] = 4, ["nbformat_minor"] = 5 }.ToJsonString();
        Directory.CreateDirectory(Course);
        Directory.CreateDirectory(Executed);
        File.WriteAllText(Path.Combine(Course, name), notebook);
        File.WriteAllText(Path.Combine(Executed, name), notebook);
    }

    JsonObject Collect(string started, params string[] notebooks)
    {
        var log = Path.Combine(_work.Path, "run.log");
        File.WriteAllText(log, string.Concat(notebooks.Select(n => $"notebooks/{n}: 3 cells ran in 1.5 s\n")));
        string[] arguments = [Script, "--executed", Executed, "--log", log, "--exit-code", "0", "--started", started, "--load", "0.5 / 0.7",
            "--out", Out, "--course", Course, "--notebooks", .. notebooks];
        var run = ChildProcess.Run(TestPaths.Python, arguments);
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonNode.Parse(File.ReadAllText(Out))!.AsObject();
    }

    [Fact]
    public void Every_form_of_claim_is_found_and_each_is_held_failed_or_not_reached()
    {
        WriteNotebook("01-demo.ipynb",
            Code("a", "var x = 1;", check: false),
            Code("b", "Check.That(x == 1, \"x is one\");\nCheck.That(x > 0 && Words.Say(\"a, b\") != null, $\"x is positive ({x})\")", check: true),
            Code("c", "Check.That(x == 2, \"x is two\");", check: true, Error("x is two")),
            Code("d", "Check.That(\n    x == 1,\n    \"after the failure\")", check: true));

        var result = Collect("2026-12-06T13:00:00Z", "01-demo.ipynb");

        var claims = result["notebooks"]!["01-demo"]!["claims"]!.AsArray()
            .Select(c => $"{(string)c!["cell"]!} {(string)c["state"]!}: {(string)c["claim"]!}").ToArray();
        Assert.Equal(["b held: x is one", "b held: x is positive ({x})", "c failed: x is two", "d not reached: after the failure"], claims);
        Assert.Equal("failed", (string)result["notebooks"]!["01-demo"]!["status"]!);
    }

    [Fact]
    public void A_run_of_one_notebook_keeps_the_others_entries_from_the_earlier_file_with_their_own_run()
    {
        WriteNotebook("01-demo.ipynb", Code("b", "Check.That(true, \"holds\");", check: true));
        WriteNotebook("02-other.ipynb", Code("b", "Check.That(true, \"also holds\");", check: true));
        // An earlier file in the one-run layout (run details at the top), as results.json was before.
        File.WriteAllText(Out, new JsonObject
        {
            ["started_utc"] = "2026-12-01T08:00:00Z",
            ["load_average_before_after"] = "9 / 9",
            ["exit_code"] = 0,
            ["notebooks"] = new JsonObject
            {
                ["01-demo"] = new JsonObject { ["status"] = "passed", ["seconds"] = 99.0 },
                ["02-other"] = new JsonObject { ["status"] = "passed", ["seconds"] = 42.0 },
            },
        }.ToJsonString());

        var result = Collect("2026-12-06T13:00:00Z", "01-demo.ipynb");

        var demo = result["notebooks"]!["01-demo"]!;
        var other = result["notebooks"]!["02-other"]!;
        Assert.Equal(("2026-12-06T13:00:00Z", 1.5), ((string)demo["run"]!["started_utc"]!, (double)demo["seconds"]!));
        Assert.Equal(("2026-12-01T08:00:00Z", "9 / 9", 42.0),
            ((string)other["run"]!["started_utc"]!, (string)other["run"]!["load_average_before_after"]!, (double)other["seconds"]!));
        Assert.Null(result["started_utc"]);
    }
}
