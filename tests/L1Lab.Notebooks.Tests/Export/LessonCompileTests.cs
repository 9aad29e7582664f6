using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace L1Lab.Notebooks.Tests.Export;

/// <summary>
/// Every committed lesson (lessons/**/*.cs) compiles as the C# program <c>dotnet run</c> builds: top-level statements,
/// the SDK's implicit usings, nullable on, against the course library, with no error and no warning. In process with
/// Roslyn, so all of them are checked in seconds (two of them also run for real in L1Lab.Cli.Tests' LessonRunTests).
/// </summary>
public sealed class LessonCompileTests
{
    /// <summary>The usings the SDK adds to a console app (ImplicitUsings), as a file-based app gets them.</summary>
    const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal))
            .Select(p => MetadataReference.CreateFromFile(p))]);

    public static TheoryData<string> Lessons()
    {
        var root = Path.Combine(TestPaths.RepoRoot, "lessons");
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(TestPaths.RepoRoot, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void The_lesson_compiles_as_a_program_without_errors_or_warnings(string lesson)
    {
        // Given the lesson's text, its #: directives (read by dotnet run, not by the compiler) blanked
        var lines = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, lesson))
            .Select(l => l.StartsWith("#:", StringComparison.Ordinal) ? "" : l);
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(string.Join('\n', lines), options, path: lesson),
            CSharpSyntaxTree.ParseText(ImplicitUsings, options, path: "ImplicitUsings.cs"),
        };

        // When it is compiled as a console program
        var compilation = CSharpCompilation.Create("Lesson", trees, References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        var problems = compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id is not ("CS1701" or "CS1702")) // the SDK silences these two (reference unification)
            .ToList();

        // Then nothing is wrong
        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(20)));
    }
}
