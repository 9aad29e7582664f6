using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace L1Lab.Notebooks.Tests;

/// <summary>
/// Checks every course notebook found in the repository's <c>notebooks/*.ipynb</c> (one test case per file, so a
/// new notebook is covered without touching this file): it runs top to bottom with quick parameters, validates
/// against the real nbformat schema, carries the Polyglot metadata and no outputs, pins its packages, and has
/// the course structure (title, Summary, Exercises, Solutions, a link to the next notebook).
/// </summary>
/// <remarks>
/// The notebooks reference <c>../lib/L1Lab/bin/notebooks/L1Lab.dll</c>, and the engine insists that file exists
/// (then uses the L1Lab assembly this test already loaded). Every build of lib/L1Lab copies the library there,
/// whatever the configuration, and the ProjectReference in the .csproj builds it before these tests.
/// </remarks>
public sealed partial class CourseNotebooksTests
{
    /// <summary>The CI sizes; only the names a notebook's parameters cell declares are applied.</summary>
    static readonly IReadOnlyDictionary<string, string> QuickParameters = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["epochs"] = "1",
        ["trainSamples"] = "2000",
        ["testSamples"] = "1000",
        ["timingRepeats"] = "20",
        ["steps"] = "200",
        ["folds"] = "2",
    };

    const string LibraryReference = "../lib/L1Lab/bin/notebooks/L1Lab.dll";

    /// <summary>The first <c>python3</c> on PATH that has nbformat (a pyenv shim may not), or null.</summary>
    static readonly Lazy<string?> PythonWithNbformat = new(FindPythonWithNbformat);

    static readonly Lazy<string> RepositoryRoot = new(FindRepositoryRoot);

    static string NotebooksFolder => Path.Combine(RepositoryRoot.Value, "notebooks");

    /// <summary>File names of every notebook in <c>notebooks/</c>, in course order.</summary>
    public static TheoryData<string> CourseNotebooks()
    {
        var data = new TheoryData<string>();
        foreach (var file in NotebookFiles()) data.Add(file);
        return data;
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks))]
    public async Task Notebook_runs_top_to_bottom_with_quick_parameters(string file)
    {
        var path = Path.Combine(NotebooksFolder, file);
        var declared = DeclaredParameters(Notebook.Load(path));
        var overrides = QuickParameters.Where(p => declared.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));

        var result = await NotebookRunner.RunAsync(path, new NotebookRunOptions { Parameters = overrides }, timeout.Token);

        var detail = result.Failure?.Error.Detail is { Length: > 0 } d ? "\n" + d : "";
        Assert.True(result.Succeeded,
            $"{result.Failure?.Message} (quick parameters: {Describe(overrides)}){detail}");
    }

    [SkippableTheory]
    [MemberData(nameof(CourseNotebooks))]
    public void Notebook_validates_against_the_nbformat_schema(string file)
    {
        Skip.If(PythonWithNbformat.Value is null,
            "no python3 with nbformat on PATH, so notebooks cannot be checked against the real schema: install python3-nbformat (sudo apt-get install python3-nbformat)");

        var (exitCode, output) = Python(PythonWithNbformat.Value!, "import nbformat, sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))",
            Path.Combine(NotebooksFolder, file));

        Assert.True(exitCode == 0, $"{file} does not validate against the nbformat schema:\n{output}");
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks))]
    public void Notebook_has_Polyglot_metadata_and_no_outputs(string file)
    {
        var root = ReadJson(file);
        var metadata = root["metadata"] as JsonObject;

        Assert.Equal(4, (int?)root["nbformat"]);
        Assert.Equal(5, (int?)root["nbformat_minor"]);
        Assert.Equal(".net-csharp", (string?)metadata?["kernelspec"]?["name"]);
        var kernelInfo = metadata?["polyglot_notebook"]?["kernelInfo"] as JsonObject;
        Assert.True(kernelInfo is not null, $"{file}: metadata.polyglot_notebook.kernelInfo is missing");
        Assert.Equal("csharp", (string?)kernelInfo["defaultKernelName"]);
        Assert.Contains(kernelInfo["items"]?.AsArray() ?? [], item => (string?)item?["name"] == "csharp");

        var cells = root["cells"]!.AsArray().Select((c, i) => (Cell: c!.AsObject(), Number: i + 1)).ToList();
        Assert.All(cells, c => Assert.False(string.IsNullOrEmpty((string?)c.Cell["id"]), $"{file}: cell {c.Number} has no id"));
        foreach (var (cell, number) in cells.Where(c => (string?)c.Cell["cell_type"] == "code"))
        {
            Assert.True(cell["outputs"] is JsonArray { Count: 0 }, $"{file}: code cell {number} has outputs; commit notebooks clean");
            Assert.True(cell["execution_count"] is null, $"{file}: code cell {number} has an execution count; commit notebooks clean");
            Assert.True((string?)cell["metadata"]?["polyglot_notebook"]?["kernelName"] == "csharp",
                $"{file}: code cell {number} lacks metadata.polyglot_notebook.kernelName = \"csharp\"");
        }
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks))]
    public void Notebook_references_the_pinned_packages_and_the_built_library(string file)
    {
        var notebook = Notebook.Load(Path.Combine(NotebooksFolder, file));
        var code = notebook.Cells.Where(c => c.IsCode).ToList();
        var references = code.SelectMany(c => c.Source.Split('\n'))
            .Select(line => NuGetReference().Match(line))
            .Where(m => m.Success)
            .Select(m => (Name: m.Groups["name"].Value.Trim(), Version: m.Groups["version"].Success ? m.Groups["version"].Value.Trim() : null))
            .ToList();

        Assert.NotEmpty(references);
        foreach (var (name, version) in references)
        {
            var pinned = PackagePins.VersionOf(name);
            Assert.True(pinned is not null, $"{file}: #r \"nuget: {name}\" is not pinned in Directory.Packages.props");
            Assert.True(version == pinned, $"{file}: #r \"nuget: {name}, {version}\" but Directory.Packages.props pins {pinned}");
        }
        var first = code[0].Source;
        foreach (var package in new[] { "TorchSharp-cpu", "Microsoft.Data.Analysis" })
            Assert.Contains($"#r \"nuget: {package}, {PackagePins.VersionOf(package)}\"", first, StringComparison.Ordinal);
        Assert.Contains($"#r \"{LibraryReference}\"", first, StringComparison.Ordinal);
        Assert.True(code.Count > 1 && code[1].Source.Contains("TorchRuntime.Initialize()", StringComparison.Ordinal),
            $"{file}: the second code cell must call L1Lab.Native.TorchRuntime.Initialize() before any torch call");
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks))]
    public void Notebook_has_the_course_structure(string file)
    {
        var notebook = Notebook.Load(Path.Combine(NotebooksFolder, file));
        var cells = notebook.Cells;
        var markdown = string.Join("\n\n", cells.Where(c => c.CellType == "markdown").Select(c => c.Source));

        Assert.True(cells[0].CellType == "markdown" && cells[0].Source.StartsWith("# ", StringComparison.Ordinal),
            $"{file}: the first cell must be markdown starting with an H1 title (\"# \")");
        foreach (var heading in new[] { "Summary", "Exercises", "Solutions" })
            Assert.True(markdown.Contains(heading, StringComparison.Ordinal), $"{file}: no \"{heading}\" in the markdown");
        var solutions = cells.Select((c, i) => (Cell: c, Index: i))
            .FirstOrDefault(x => x.Cell.CellType == "markdown" && x.Cell.Source.TrimStart().StartsWith("### Solutions", StringComparison.Ordinal));
        Assert.True(solutions.Cell is not null, $"{file}: no markdown cell starting with \"### Solutions\"");
        Assert.True(solutions.Index + 1 < cells.Count && cells[solutions.Index + 1].IsCode,
            $"{file}: the \"### Solutions\" cell must be followed by solution code");
        Assert.True(DeclaredParameters(notebook).Count > 0, $"{file}: no code cell tagged \"parameters\" declaring `var name = literal;`");

        var links = MarkdownLink().Matches(markdown).Select(m => m.Groups["target"].Value)
            .Where(t => !t.Contains("://", StringComparison.Ordinal) && !t.StartsWith('#'))
            .Select(t => t.Split('#')[0])
            .ToList();
        foreach (var target in links)
            Assert.True(File.Exists(Path.Combine(NotebooksFolder, target)) || Directory.Exists(Path.Combine(NotebooksFolder, target)),
                $"{file}: the link ({target}) points to nothing");

        var files = NotebookFiles();
        var position = files.IndexOf(file);
        if (position < files.Count - 1)
            Assert.True(links.Contains(files[position + 1]), $"{file}: no link to the next notebook, ({files[position + 1]})");
        else
            Assert.True(links.Any(t => t == "../README.md" || t.EndsWith(".ipynb", StringComparison.Ordinal) && files.Contains(t) && t != file),
                $"{file}: the last notebook must link back to ../README.md (or to another notebook)");
    }

    /// <summary>The names declared by the notebook's parameters cell (empty when it has none).</summary>
    static IReadOnlySet<string> DeclaredParameters(Notebook notebook)
    {
        var cell = notebook.Cells.FirstOrDefault(c => c.IsCode && c.Tags.Contains("parameters"));
        if (cell is null) return new HashSet<string>();
        var root = CSharpSyntaxTree.ParseText(cell.Source, CellSyntax.ParseOptions).GetRoot();
        return root.DescendantNodes().OfType<VariableDeclaratorSyntax>()
            .Where(v => v.Parent?.Parent is FieldDeclarationSyntax or LocalDeclarationStatementSyntax { Parent: GlobalStatementSyntax })
            .Select(v => v.Identifier.ValueText)
            .ToHashSet(StringComparer.Ordinal);
    }

    static List<string> NotebookFiles() =>
        Directory.Exists(NotebooksFolder)
            ? Directory.EnumerateFiles(NotebooksFolder, "*.ipynb").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];

    static JsonObject ReadJson(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(NotebooksFolder, file)))!.AsObject();

    static string Describe(IReadOnlyDictionary<string, string> parameters) =>
        parameters.Count == 0 ? "none declared" : string.Join(", ", parameters.Select(p => $"{p.Key}={p.Value}"));

    /// <summary>Walks up from the test binary to the folder holding L1Lab.slnx.</summary>
    static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "L1Lab.slnx")) && Directory.Exists(Path.Combine(dir.FullName, "notebooks")))
                return dir.FullName;
        throw new InvalidOperationException($"no folder with L1Lab.slnx and notebooks/ above {AppContext.BaseDirectory}");
    }

    static string? FindPythonWithNbformat()
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var candidate in folders.Select(f => Path.Combine(f, "python3")).Where(File.Exists).Distinct(StringComparer.Ordinal))
        {
            try
            {
                if (Python(candidate, "import nbformat").ExitCode == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not executable here; try the next one.
            }
        }
        return null;
    }

    static (int ExitCode, string Output) Python(string python, string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill();
            return (-1, "python3 did not finish within a minute");
        }
        return (process.ExitCode, (stdout.Result + stderr.Result).Trim());
    }

    [GeneratedRegex("""^\s*#r\s+"nuget:\s*(?<name>[^,"]+)(,\s*(?<version>[^"]+))?"\s*$""")]
    private static partial Regex NuGetReference();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
