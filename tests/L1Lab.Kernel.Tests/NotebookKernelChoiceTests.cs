using System.Text.Json.Nodes;
using L1Lab.Notebooks;

namespace L1Lab.Kernel.Tests;

/// <summary>
/// Opening a course notebook picks our kernel: its metadata names the kernelspec <c>l1lab kernel install</c> writes, so
/// VS Code and Jupyter start "C# (L1Lab)" without asking, while the <c>polyglot_notebook</c> metadata stays for learners
/// who still use Polyglot Notebooks. Checked in both editions (zh-CN carries the English metadata through translate).
/// </summary>
public sealed class NotebookKernelChoiceTests
{
    static List<string> CourseNotebooks() =>
        new[] { TestPaths.Notebooks, Path.Combine(TestPaths.Notebooks, "zh-CN") }
            .SelectMany(folder => Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal))
            .ToList();

    [Fact]
    public void Every_course_notebook_names_the_kernelspec_that_install_writes_and_keeps_the_Polyglot_metadata()
    {
        // Given the kernelspec a learner gets from `l1lab kernel install` (default name)
        using var prefix = new TempDirectory();
        var install = ChildProcess.Run(TestPaths.Dotnet, [TestPaths.CliDll, "kernel", "install", "--prefix", prefix.Path]);
        Assert.True(install.ExitCode == 0, install.Stderr);
        var installed = Assert.Single(Directory.GetDirectories(KernelSpec.PrefixKernelsDirectory(prefix.Path)));
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(installed, "kernel.json")))!;
        var expected = (Name: Path.GetFileName(installed), Display: (string?)spec["display_name"], Language: (string?)spec["language"], Polyglot: "csharp", Engine: "csharp");

        // When a front end reads each notebook's metadata
        var notebooks = CourseNotebooks();
        Assert.True(notebooks.Count >= 20, $"only {notebooks.Count} course notebooks found in both editions");

        // Then it names that kernelspec, as Jupyter shows it, and Polyglot and our engine still read C#
        Assert.All(notebooks, path =>
        {
            var metadata = JsonNode.Parse(File.ReadAllText(path))!["metadata"]!;
            var kernelspec = metadata["kernelspec"];
            var actual = ((string?)kernelspec?["name"] ?? "", (string?)kernelspec?["display_name"], (string?)kernelspec?["language"],
                (string?)metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"] ?? "", Notebook.Load(path).DefaultLanguage);
            Assert.True(expected == actual, $"{Path.GetRelativePath(TestPaths.Notebooks, path)}: expected {expected}, found {actual}");
        });
    }

    [SkippableFact]
    public void Jupyter_resolves_every_course_notebooks_kernel_name_to_this_CLI()
    {
        Skip.IfNot(File.Exists(TestPaths.Python), $"{TestPaths.Python} with jupyter_client is needed: apt-get install python3-jupyter-client");
        using var prefix = new TempDirectory();
        var install = ChildProcess.Run(TestPaths.Dotnet, [TestPaths.CliDll, "kernel", "install", "--prefix", prefix.Path]);
        Assert.True(install.ExitCode == 0, install.Stderr);
        var notebooks = CourseNotebooks();

        // What Jupyter does on opening a notebook: look up metadata.kernelspec.name among the installed kernelspecs.
        const string script = """
            import json, sys
            from jupyter_client.kernelspec import KernelSpecManager
            manager = KernelSpecManager()
            for path in sys.argv[1:]:
                with open(path, encoding="utf-8") as f:
                    name = json.load(f)["metadata"]["kernelspec"]["name"]
                print(json.dumps(manager.get_kernel_spec(name).argv))
            """;
        var run = ChildProcess.Run(TestPaths.Python, ["-c", script, .. notebooks],
            environment: new Dictionary<string, string> { ["JUPYTER_PATH"] = Path.Combine(prefix.Path, "share", "jupyter") });

        Assert.True(run.ExitCode == 0, run.Stderr);
        var argvs = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(notebooks.Count, argvs.Length);
        Assert.All(argvs, argv => Assert.Contains(Path.GetFullPath(TestPaths.CliDll), JsonNode.Parse(argv)!.AsArray().Select(a => (string?)a)));
    }
}
