using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Text;
using L1Lab.Notebooks;

namespace L1Lab.Kernel;

/// <summary>
/// The session's cells as Roslyn's editor features see them: one script-kind submission project per cell that joined
/// the session (each referencing the one before, as the scripting compiler chains them), plus one scratch submission
/// for the cell being edited. Completion and hover ask about a position in the scratch document, so they see the
/// variables, functions, types, usings and references of every earlier cell. Not thread-safe: one request at a time.
/// </summary>
internal sealed class SessionWorkspace : IDisposable
{
    readonly AdhocWorkspace _workspace = new(MefHostServices.DefaultHost);
    readonly List<ProjectId> _submissions = [];
    ProjectId? _scratch;
    DocumentId? _scratchDocument;
    IReadOnlyList<MetadataReference> _references = [];
    readonly HashSet<MetadataReference> _inChain = [];
    CSharpCompilationOptions _compilationOptions = Options(ScriptOptions.Default);

    /// <summary>
    /// Adds the cells of <paramref name="submissions"/> not seen yet (a snapshot of <see cref="NotebookSession.Submissions"/>)
    /// and takes the session's current references and imports from <paramref name="options"/>.
    /// </summary>
    public void Sync(IReadOnlyList<string> submissions, ScriptOptions options)
    {
        var references = EditorReferences.For(options.MetadataReferences);
        var changed = !references.SequenceEqual(_references);
        _references = references;
        _compilationOptions = Options(options);
        if (submissions.Count == _submissions.Count && !changed && _scratch is not null) return;

        var solution = _workspace.CurrentSolution;
        if (_scratch is not null) solution = solution.RemoveProject(_scratch);
        for (var i = _submissions.Count; i < submissions.Count; i++)
        {
            var (id, next) = AddSubmission(solution, $"Submission#{i + 1}", submissions[i], out _);
            _inChain.UnionWith(_references);
            solution = next;
            _submissions.Add(id);
        }
        (_scratch, solution) = AddSubmission(solution, "Scratch", "", out var document);
        _scratchDocument = document;
        if (!_workspace.TryApplyChanges(solution))
            throw new InvalidOperationException("the editor workspace refused the session's cells");
    }

    /// <summary>The scratch document holding <paramref name="code"/> (the cell being edited) after every earlier cell.</summary>
    public Document Document(string code)
    {
        if (_scratchDocument is null) throw new InvalidOperationException("Sync the workspace with a session first");
        return _workspace.CurrentSolution.WithDocumentText(_scratchDocument, SourceText.From(Blank(code)))
            .GetDocument(_scratchDocument)!;
    }

    /// <summary>
    /// Engine magic lines (<c>#!csharp</c>, <c>#i</c>) are not C#: blanked with spaces so positions stay where the
    /// front end counts them. <c>#r</c> stays, a directive Roslyn's script parser knows.
    /// </summary>
    internal static string Blank(string code)
    {
        if (!code.Contains("#!", StringComparison.Ordinal) && !code.Contains("#i", StringComparison.Ordinal)) return code;
        var lines = code.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart();
            if (trimmed.StartsWith("#!", StringComparison.Ordinal) || trimmed.StartsWith("#i ", StringComparison.Ordinal))
                lines[i] = new string(' ', lines[i].TrimEnd('\r').Length) + (lines[i].EndsWith('\r') ? "\r" : "");
        }
        return string.Join('\n', lines);
    }

    (ProjectId, Solution) AddSubmission(Solution solution, string name, string code, out DocumentId document)
    {
        var id = ProjectId.CreateNewId(name);
        var previous = _submissions.Count > 0 ? new[] { new ProjectReference(_submissions[^1]) } : [];
        // A submission names only the references the chain does not have yet; the earlier submissions' carry over, as in
        // the engine. Naming them all again would make Roslyn bind every reference anew for each cell's compilation.
        var info = ProjectInfo.Create(id, VersionStamp.Create(), name, name.Replace('#', '_'), LanguageNames.CSharp,
            compilationOptions: _compilationOptions, parseOptions: CellSyntax.ParseOptions, projectReferences: previous,
            metadataReferences: _references.Where(r => !_inChain.Contains(r)).ToList(), isSubmission: true, hostObjectType: typeof(NotebookGlobals));
        document = DocumentId.CreateNewId(id, name);
        solution = solution.AddProject(info).AddDocument(document, name + ".csx", SourceText.From(code));
        return (id, solution);
    }

    static CSharpCompilationOptions Options(ScriptOptions script) =>
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, usings: script.Imports,
                allowUnsafe: script.AllowUnsafe, nullableContextOptions: NullableContextOptions.Disable)
            .WithMetadataReferenceResolver(script.MetadataResolver)
            .WithSourceReferenceResolver(null);

    public void Dispose() => _workspace.Dispose();
}
