using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace L1Lab.Notebooks;

/// <summary>
/// One C# scripting session, like one kernel: cells run in order and each sees the variables, functions and
/// references of those before it (Roslyn's <c>RunAsync</c> then <c>ContinueWith</c>). Cells may call
/// <c>display(x)</c>; a cell's trailing expression, console output and errors become outputs. Cells must not run
/// concurrently in one session. A failed or cancelled cell leaves the session usable from the last good state.
/// </summary>
public sealed class NotebookSession
{
    static readonly string[] DefaultImports =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http",
        "System.Text", "System.Threading", "System.Threading.Tasks",
    ];

    readonly NotebookSessionOptions _options;
    readonly ConventionFormatters _formatters = new();   // one per session: e.g. plotly.js goes into the first figure only
    readonly NotebookGlobals _globals;
    ScriptOptions _scriptOptions;
    ScriptState<object>? _state;
    readonly List<string> _submissions = [];

    /// <summary>Starts an empty session.</summary>
    public NotebookSession(NotebookSessionOptions? options = null)
    {
        _options = options ?? new NotebookSessionOptions();
        _globals = new NotebookGlobals(_formatters);
        _scriptOptions = ScriptOptions.Default
            .WithReferences(HostAssemblies.FrameworkReferences.Append(HostAssemblies.Reference(typeof(NotebookGlobals).Assembly.Location)))
            .WithMetadataResolver(new HostMetadataResolver())
            .WithSourceResolver(SourceFileResolver.Default)
            .WithImports(DefaultImports)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(System.Text.Encoding.UTF8)
            .WithLanguageVersion(CellSyntax.ParseOptions.LanguageVersion);
    }

    /// <summary>
    /// The code of every cell that compiled and so joined the session's state (directive lines blanked), in order.
    /// Editor features (a kernel's completion and hover) replay these to see what the next cell sees.
    /// </summary>
    public IReadOnlyList<string> Submissions => _submissions;

    /// <summary>What the next cell compiles with: references (including packages earlier cells loaded), imports and resolvers.</summary>
    public ScriptOptions ScriptOptions => _scriptOptions;

    /// <summary>How many cells this session has executed (each call to <see cref="ExecuteCellAsync"/> counts, failed ones too).</summary>
    public int ExecutionCount { get; private set; }

    /// <summary>
    /// Runs one cell. Never throws for problems in the cell: directive, compile, runtime and cancellation
    /// failures come back in <see cref="CellResult.Error"/> with the line within the cell.
    /// Cancelling <paramref name="cancellationToken"/> returns promptly; the cell's loops stop at their next iteration.
    /// </summary>
    /// <param name="code">The cell's source.</param>
    /// <param name="cancellationToken">Cancels the cell (an interrupt).</param>
    /// <param name="live">
    /// Receives stream text (each write, as it happens), <c>display</c> outputs, their <see cref="DisplayUpdate"/>s and
    /// <see cref="ClearOutput"/>s while the cell runs, in order; the result holds the final outputs, streams merged,
    /// updates applied. Execute results and errors come only in the result.
    /// </param>
    public async Task<CellResult> ExecuteCellAsync(string code, CancellationToken cancellationToken = default, Action<CellOutput>? live = null)
    {
        var count = ++ExecutionCount;
        var outputs = new CellOutputCollector(live, _options.MaxOutputCharacters);
        using var cell = CellContext.Enter(outputs, cancellationToken);
        // Library code (training progress) reaches the cell's display through the ambient scope.
        using var ambientDisplay = AmbientDisplay.Enter(value => _globals.display(value).Update);

        CellResult Fail(CellError error)
        {
            outputs.Add(new ErrorOutput(error));
            return new CellResult(count, outputs.Snapshot(), error, null);
        }

        CellDirectives directives;
        List<MetadataReference> added;
        try
        {
            directives = CellDirectives.Parse(code.Replace("\r\n", "\n", StringComparison.Ordinal));
            var packages = await ResolvePackagesAsync(directives, outputs, cancellationToken).ConfigureAwait(false);
            added = packages.Concat(ResolveFiles(directives)).Except(_scriptOptions.MetadataReferences).ToList();
        }
        catch (DirectiveException e)
        {
            return Fail(new CellError(CellErrorKind.Directive, e.Line, e.Message));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(new CellError(CellErrorKind.Cancelled, null, "the run was cancelled while this cell restored packages"));
        }

        var fileName = $"{_options.Name}#{count}.csx";
        var source = LoopCancellation.Rewrite(directives.Code);
        // A continuation names only the references this cell adds: the earlier submissions' references carry over.
        // Naming them all again makes Roslyn bind every reference anew for each cell, and the session's memory
        // grows with the square of the number of cells executed.
        var script = _state is null
            ? CSharpScript.Create<object>(source, _scriptOptions.AddReferences(added).WithFilePath(fileName), typeof(NotebookGlobals))
            : _state.Script.ContinueWith<object>(source, _scriptOptions.WithReferences(added).WithFilePath(fileName));

        ImmutableArray<Diagnostic> diagnostics;
        try
        {
            diagnostics = await Task.Run(() => script.Compile(cancellationToken), CancellationToken.None).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(new CellError(CellErrorKind.Cancelled, null, "the run was cancelled while this cell compiled"));
        }
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            var first = errors[0];
            return Fail(new CellError(CellErrorKind.Compilation, LineOf(first), Describe(first),
                string.Join("\n", errors.Select(d => $"line {LineOf(d)}: {Describe(d)}"))));
        }
        // New references only join the session once a cell using them compiled.
        _scriptOptions = _scriptOptions.AddReferences(added);

        ScriptState<object> state;
        try
        {
            var previous = _state;
            var run = Task.Run(() => previous is null
                ? script.RunAsync(_globals, _ => true, cancellationToken)
                : script.RunFromAsync(previous, _ => true, cancellationToken), CancellationToken.None);
            state = await run.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(new CellError(CellErrorKind.Cancelled, null, "the run was cancelled while this cell ran"));
        }
        catch (Exception e)
        {
            return Fail(RuntimeError(e, fileName, cancellationToken));
        }

        if (state.Exception is { } exception)
        {
            // Keep what the cell defined before it threw, as a kernel does.
            _state = state;
            _submissions.Add(directives.Code);
            return Fail(RuntimeError(exception, fileName, cancellationToken));
        }
        _state = state;
        _submissions.Add(directives.Code);
        // A trailing display(x) without a semicolon returns its handle: the display is the output, not the handle.
        if (state.ReturnValue is { } value and not DisplayedValue)
            outputs.Add(new ExecuteResultOutput(count, MimeFormatter.Format(value, _formatters)));
        return new CellResult(count, outputs.Snapshot(), null, state.ReturnValue);
    }

    /// <summary>
    /// References for the cell's <c>#r "nuget: …"</c> lines. A package the project pins must name the pinned version and
    /// resolves to the host's own copy. Any other package the host has in that version (or with no version asked) is the
    /// host's too; the rest are restored together (<see cref="PackageRestore"/>), with restore's progress written to the
    /// cell's output, and loaded.
    /// </summary>
    async Task<IReadOnlyList<MetadataReference>> ResolvePackagesAsync(CellDirectives directives, CellOutputCollector outputs, CancellationToken cancellationToken)
    {
        var references = new List<MetadataReference>();
        var toRestore = new List<CellDirectives.Package>();
        foreach (var package in directives.Packages)
        {
            if (!PackageRestore.PackageId().IsMatch(package.Name))
                throw new DirectiveException(package.Line, $"#r \"nuget: {package.Name}\": not a NuGet package id (letters, digits, '.', '_' and '-')");
            if (package.Version is { } asked && !PackageRestore.PackageVersion().IsMatch(asked))
                throw new DirectiveException(package.Line, $"#r \"nuget: {package.Name}, {asked}\": not a NuGet version or range");
            if (PackageVersionPinned(package) is { } pinnedPaths)
            {
                references.AddRange(pinnedPaths.Select(HostAssemblies.Reference));
                continue;
            }
            if (HostAssemblies.Find(package.Name) is { } host && (package.Version is null || string.Equals(package.Version, host.Version, StringComparison.OrdinalIgnoreCase)))
            {
                references.AddRange(HostAssemblies.AssemblyPathsOf(host).Select(HostAssemblies.Reference));
                continue;
            }
            toRestore.Add(package);
        }
        if (toRestore.Count == 0) return references;

        var names = string.Join(", ", toRestore.Select(p => p.Version is null ? p.Name : $"{p.Name} {p.Version}"));
        outputs.Write("stdout", $"Restoring {names}\n");
        IReadOnlyList<PackageRestore.Package> restored;
        try
        {
            restored = await PackageRestore.RestoreAsync(toRestore.Select(p => new PackageRestore.Request(p.Name, p.Version)).ToList(),
                _options.BaseDirectory, line => outputs.Write("stdout", line + "\n"), cancellationToken).ConfigureAwait(false);
        }
        catch (PackageRestoreException e)
        {
            throw new DirectiveException(toRestore[0].Line, $"{(toRestore.Count == 1 ? "package" : "packages")} {names}: restore failed: {e.Message}");
        }
        foreach (var package in restored)
            references.AddRange(RestoredAssemblies.Load(package).Select(HostAssemblies.Reference));
        var versions = string.Join(", ", toRestore.Select(p => restored.FirstOrDefault(r => string.Equals(r.Name, p.Name, StringComparison.OrdinalIgnoreCase)) is { } r ? $"{r.Name} {r.Version}" : p.Name));
        outputs.Write("stdout", $"Loaded {versions}\n");
        return references;
    }

    /// <summary>For a package the project pins: the host's assemblies of it, after checking the notebook asks for the pinned version; null for any other package.</summary>
    static IReadOnlyList<string>? PackageVersionPinned(CellDirectives.Package package)
    {
        var pinned = PackagePins.VersionOf(package.Name);
        if (pinned is null) return null;
        if (package.Version is null)
            throw new DirectiveException(package.Line,
                $"#r \"nuget: {package.Name}\" has no version; use the project's pin: #r \"nuget: {package.Name}, {pinned}\"");
        if (!string.Equals(package.Version, pinned, StringComparison.OrdinalIgnoreCase))
            throw new DirectiveException(package.Line,
                $"package {package.Name}: the notebook asks for version {package.Version} but the project pins {pinned} (Directory.Packages.props)");
        var host = HostAssemblies.Find(package.Name)
            ?? throw new DirectiveException(package.Line,
                $"package {package.Name} {pinned} is pinned but this program was not built with it, so it cannot be loaded");
        if (!string.Equals(host.Version, pinned, StringComparison.OrdinalIgnoreCase))
            throw new DirectiveException(package.Line,
                $"package {package.Name}: this program has version {host.Version} but the project pins {pinned}; rebuild it");
        return HostAssemblies.AssemblyPathsOf(host);
    }

    IEnumerable<MetadataReference> ResolveFiles(CellDirectives directives)
    {
        foreach (var file in directives.Assemblies)
        {
            var path = Path.GetFullPath(Path.Combine(_options.BaseDirectory, file.Path));
            if (!File.Exists(path))
                throw new DirectiveException(file.Line, $"#r \"{file.Path}\": file not found: {path}");
            string name;
            try
            {
                name = AssemblyName.GetAssemblyName(path).Name ?? Path.GetFileNameWithoutExtension(path);
            }
            catch (BadImageFormatException)
            {
                throw new DirectiveException(file.Line, $"#r \"{file.Path}\": not a .NET assembly: {path}");
            }
            // Use the host's copy when it has one (e.g. L1Lab.dll), so the cell and the host share types. Either way the
            // assembly is loaded now, so the formatters it contributes (ConventionFormatters) apply from the next value on.
            if (HostAssemblies.LocationOf(name) is { } hostPath)
            {
                if (HostAssemblies.LoadedInDefault(name) is null) AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(name));
                yield return HostAssemblies.Reference(hostPath);
                continue;
            }
            AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
            yield return HostAssemblies.Reference(path);
        }
    }

    static int? LineOf(Diagnostic d) =>
        d.Location.IsInSource ? d.Location.GetMappedLineSpan().StartLinePosition.Line + 1 : null;

    static string Describe(Diagnostic d) =>
        $"error {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}";

    static CellError RuntimeError(Exception exception, string fileName, CancellationToken token)
    {
        while (exception is TargetInvocationException { InnerException: { } inner }) exception = inner;
        if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate) exception = aggregate.InnerExceptions[0];
        if (exception is OperationCanceledException && token.IsCancellationRequested)
            return new CellError(CellErrorKind.Cancelled, LineIn(exception, fileName), "the run was cancelled while this cell ran");
        return new CellError(CellErrorKind.Runtime, LineIn(exception, fileName),
            $"{exception.GetType().FullName}: {exception.Message}", exception.ToString());
    }

    /// <summary>The cell line of the innermost stack frame that belongs to the cell's own code.</summary>
    static int? LineIn(Exception exception, string fileName)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var frames = new StackTrace(e, fNeedFileInfo: true).GetFrames();
            foreach (var frame in frames)
                if (frame.GetFileName() is { } f && f.EndsWith(fileName, StringComparison.Ordinal) && frame.GetFileLineNumber() > 0)
                    return frame.GetFileLineNumber();
        }
        return null;
    }

    /// <summary>Resolves assemblies the compiler finds missing to the host's copies, without file paths (see <see cref="HostAssemblies.Reference"/>); never resolves #r (the engine handles it).</summary>
    sealed class HostMetadataResolver : MetadataReferenceResolver
    {
        public override bool ResolveMissingAssemblies => true;

        public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity) =>
            HostAssemblies.LocationOf(referenceIdentity.Name) is { } path ? (PortableExecutableReference)HostAssemblies.Reference(path) : null;

        public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties) => [];

        public override bool Equals(object? other) => other is HostMetadataResolver;

        public override int GetHashCode() => typeof(HostMetadataResolver).GetHashCode();
    }
}
