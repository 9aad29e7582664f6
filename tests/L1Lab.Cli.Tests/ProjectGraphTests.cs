using System.Xml.Linq;

namespace L1Lab.Cli.Tests;

/// <summary>
/// The project graph states the layering rule, and this test reads it: the notebook engine, the kernel and the
/// authoring tools (workshop; book, translation and lesson export) reference neither TorchSharp, Microsoft.Data.Analysis nor the course library, directly or
/// through another project. Tensors and DataFrames get their notebook look from formatters the course library
/// contributes by convention (lib/L1Lab/Visuals/ValueFormatterSource.cs), not from the engine knowing their types.
/// </summary>
public sealed class ProjectGraphTests
{
    static readonly string[] TorchFree = ["lib/L1Lab.Notebooks/L1Lab.Notebooks.csproj", "lib/L1Lab.Kernel/L1Lab.Kernel.csproj", "lib/L1Lab.Workshop/L1Lab.Workshop.csproj", "lib/L1Lab.Authoring/L1Lab.Authoring.csproj"];
    static readonly string[] Forbidden = ["TorchSharp", "TorchSharp-cpu", "Microsoft.Data.Analysis", "L1Lab.csproj"];

    public static TheoryData<string> TorchFreeProjects() => [.. TorchFree];

    [Theory]
    [MemberData(nameof(TorchFreeProjects))]
    public void A_torch_free_project_reaches_neither_torch_nor_DataFrame_nor_the_course_library(string project)
    {
        var reached = Reach(Path.Combine(TestPaths.RepoRoot, project));

        var bad = reached.Where(r => Forbidden.Contains(r.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        Assert.True(bad.Count == 0,
            $"{project} must stay torch-free, but reaches {string.Join("; ", bad.Select(b => $"{b.Name} (via {b.Via})"))}. " +
            "Give the type a formatter in the course library (lib/L1Lab/Visuals/ValueFormatterSource.cs) or move the code to a project on top.");
    }

    [Fact]
    public void The_CLI_reaches_the_authoring_tools_through_its_own_reference()
    {
        var reached = Reach(Path.Combine(TestPaths.RepoRoot, "lib/L1Lab.Cli/L1Lab.Cli.csproj"));

        Assert.Contains(reached, r => r.Name == "L1Lab.Authoring.csproj" && r.Via == Path.Combine("lib", "L1Lab.Cli", "L1Lab.Cli.csproj"));
    }

    [Fact]
    public void The_graph_reader_sees_the_course_library_where_it_is_referenced()
    {
        var reached = Reach(Path.Combine(TestPaths.RepoRoot, "lib/L1Lab.Cli/L1Lab.Cli.csproj"));

        Assert.Contains(reached, r => r.Name == "L1Lab.csproj");
        Assert.Contains(reached, r => r.Name == "TorchSharp-cpu");
    }

    /// <summary>Every package and project <paramref name="project"/> references, transitively, with the project that adds it.</summary>
    static List<(string Name, string Via)> Reach(string project)
    {
        var found = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([Path.GetFullPath(project)]);
        while (queue.TryDequeue(out var current))
        {
            if (!seen.Add(current)) continue;
            var via = Path.GetRelativePath(TestPaths.RepoRoot, current);
            var xml = XDocument.Load(current);
            foreach (var reference in xml.Descendants().Where(e => e.Name.LocalName is "ProjectReference" or "PackageReference"))
            {
                var include = reference.Attribute("Include")?.Value ?? "";
                if (reference.Name.LocalName == "PackageReference")
                {
                    found.Add((include, via));
                    continue;
                }
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current)!, include));
                found.Add((Path.GetFileName(target), via));
                queue.Enqueue(target);
            }
        }
        return found;
    }
}
