using System.Diagnostics;

namespace L1Lab.Notebooks;

/// <summary>How <see cref="NotebookRunner.RunAsync"/> runs a notebook.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>Overrides for the variables of the cell tagged <c>parameters</c> (<c>--set epochs=1</c>); empty for none.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>When set, the executed notebook (with outputs) is written atomically to this folder under the source's file name.</summary>
    public string? SaveToDirectory { get; init; }

    /// <summary>Called after each cell, run or skipped, in order (e.g. to print outputs as they come).</summary>
    public Action<NotebookCellReport>? OnCell { get; init; }

    /// <summary>Called with the cell number and each stream write or display while a cell runs (a long training cell shows its progress).</summary>
    public Action<int, CellOutput>? OnOutput { get; init; }

    /// <summary>Run every cell even after one fails (a grader wants each exercise's own outcome); by default the run stops at the first failure.</summary>
    public bool ContinueAfterFailure { get; init; }

    /// <summary>When set, a cell still running after this long is cancelled and fails with <see cref="CellErrorKind.Timeout"/>.</summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>Folder that relative <c>#r</c> paths start from; null for the notebook's own folder (a grader runs a copy elsewhere).</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>When set, each cell keeps at most this many characters of output; the rest is dropped with a note.</summary>
    public int? MaxOutputCharacters { get; init; }
}

/// <summary>What happened to a cell in a run.</summary>
public enum NotebookCellStatus
{
    /// <summary>The cell ran to the end.</summary>
    Ran,
    /// <summary>Markdown, raw, empty, or not C#: not executed (see the note).</summary>
    Skipped,
    /// <summary>The cell failed (and stopped the run unless <see cref="NotebookRunOptions.ContinueAfterFailure"/>).</summary>
    Failed,
}

/// <summary>One cell's part in a run.</summary>
/// <param name="CellNumber">1-based index among all cells.</param>
/// <param name="CodeCellNumber">1-based index among code cells, null for markdown and raw cells.</param>
/// <param name="Status">Ran, skipped or failed.</param>
/// <param name="Note">Why a cell was skipped; null otherwise.</param>
/// <param name="Result">The execution result of a cell that ran or failed; null when skipped.</param>
public sealed record NotebookCellReport(int CellNumber, int? CodeCellNumber, NotebookCellStatus Status, string? Note, CellResult? Result);

/// <summary>Where and why a notebook run stopped (with <see cref="NotebookRunOptions.ContinueAfterFailure"/>, its first failure).</summary>
/// <param name="NotebookPath">The notebook, as given to the runner.</param>
/// <param name="CellNumber">1-based index of the failing cell among all cells.</param>
/// <param name="CodeCellNumber">1-based index of the failing cell among code cells.</param>
/// <param name="Error">The cell's error, with its line within the cell.</param>
public sealed record NotebookFailure(string NotebookPath, int CellNumber, int CodeCellNumber, CellError Error)
{
    /// <summary>"path: cell 3 (code cell 2), line 4: error CS0103: ..." — the line a person reads.</summary>
    public string Message => $"{NotebookPath}: cell {CellNumber} (code cell {CodeCellNumber}), {Error}";

    /// <inheritdoc cref="Message"/>
    public override string ToString() => Message;
}

/// <summary>The outcome of running one notebook.</summary>
/// <param name="NotebookPath">The notebook, as given to the runner.</param>
/// <param name="Cells">Every cell reached, in order; cells after a failure are absent.</param>
/// <param name="Failure">Null when every cell ran.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
/// <param name="SavedTo">Path of the executed copy when one was saved.</param>
public sealed record NotebookRunResult(string NotebookPath, IReadOnlyList<NotebookCellReport> Cells, NotebookFailure? Failure, TimeSpan Elapsed, string? SavedTo)
{
    /// <summary>True when no cell failed.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>How many cells were executed (including a failing one).</summary>
    public int CellsRun => Cells.Count(c => c.Status != NotebookCellStatus.Skipped);
}

/// <summary>
/// Runs a notebook's C# cells top to bottom in one fresh <see cref="NotebookSession"/>, stopping at the first
/// failing cell. Relative <c>#r</c> paths start from the notebook's folder, whatever the current directory.
/// The source file is only read; with <see cref="NotebookRunOptions.SaveToDirectory"/> an executed copy is written elsewhere.
/// </summary>
public static class NotebookRunner
{
    /// <summary>Runs the notebook at <paramref name="path"/>.</summary>
    /// <exception cref="NotebookFormatException">The file is not an nbformat 4 notebook.</exception>
    /// <exception cref="NotebookParameterException">A parameter override does not fit the notebook.</exception>
    /// <exception cref="NotebookException">The executed copy would overwrite the source.</exception>
    public static async Task<NotebookRunResult> RunAsync(string path, NotebookRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new NotebookRunOptions();
        var stopwatch = Stopwatch.StartNew();
        var notebook = Notebook.Load(path);
        var fullPath = Path.GetFullPath(path);
        var savePath = options.SaveToDirectory is { } dir ? Path.Combine(Path.GetFullPath(dir), Path.GetFileName(fullPath)) : null;
        if (savePath is not null && string.Equals(savePath, fullPath, StringComparison.Ordinal))
            throw new NotebookException(path, "--save-to would overwrite the source notebook; choose another folder");

        var sources = PrepareSources(notebook, options.Parameters);
        var session = new NotebookSession(new NotebookSessionOptions
        {
            BaseDirectory = options.BaseDirectory is { } baseDirectory ? Path.GetFullPath(baseDirectory) : Path.GetDirectoryName(fullPath)!,
            Name = Path.GetFileName(fullPath),
            MaxOutputCharacters = options.MaxOutputCharacters,
        });

        var reports = new List<NotebookCellReport>();
        NotebookFailure? failure = null;
        var codeNumber = 0;
        foreach (var cell in notebook.Cells)
        {
            NotebookCellReport report;
            if (!cell.IsCode)
            {
                report = new(cell.Number, null, NotebookCellStatus.Skipped, $"{cell.CellType} cell", null);
            }
            else
            {
                codeNumber++;
                var language = cell.Language ?? notebook.DefaultLanguage;
                var source = sources[cell.Number];
                if (language != "csharp")
                {
                    report = new(cell.Number, codeNumber, NotebookCellStatus.Skipped, $"{language} cell skipped: the engine runs C# only", null);
                }
                else if (string.IsNullOrWhiteSpace(source))
                {
                    report = new(cell.Number, codeNumber, NotebookCellStatus.Skipped, "empty cell", null);
                }
                else
                {
                    var number = cell.Number;
                    var live = options.OnOutput is { } onOutput ? output => onOutput(number, output) : (Action<CellOutput>?)null;
                    using var cellCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    if (options.CellTimeout is { } limit) cellCancel.CancelAfter(limit);
                    var result = await session.ExecuteCellAsync(source, cellCancel.Token, live).ConfigureAwait(false);
                    if (result.Error is { Kind: CellErrorKind.Cancelled } && !cancellationToken.IsCancellationRequested && options.CellTimeout is { } timeout)
                        result = TimedOut(result, timeout);
                    cell.SetOutputs(result.ExecutionCount, result.Outputs);
                    if (!ReferenceEquals(source, cell.Source)) cell.SetSource(source);
                    report = new(cell.Number, codeNumber, result.Succeeded ? NotebookCellStatus.Ran : NotebookCellStatus.Failed, null, result);
                    if (result.Error is { } error) failure ??= new NotebookFailure(path, cell.Number, codeNumber, error);
                }
            }
            reports.Add(report);
            options.OnCell?.Invoke(report);
            if (failure is not null && (!options.ContinueAfterFailure || cancellationToken.IsCancellationRequested)) break;
        }

        if (savePath is not null) notebook.Save(savePath);
        return new NotebookRunResult(path, reports, failure, stopwatch.Elapsed, savePath);
    }

    /// <summary>The result of a cell cancelled by <see cref="NotebookRunOptions.CellTimeout"/>, its error saying so.</summary>
    static CellResult TimedOut(CellResult result, TimeSpan timeout)
    {
        var error = new CellError(CellErrorKind.Timeout, result.Error?.Line,
            $"the cell did not finish within {timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s and was stopped");
        return result with { Error = error, Outputs = [.. result.Outputs.Select(o => o is ErrorOutput ? new ErrorOutput(error) : o)] };
    }

    /// <summary>The variables the notebook's cell tagged <c>parameters</c> declares (empty when it has none).</summary>
    /// <exception cref="NotebookException">The file is not a readable nbformat 4 notebook.</exception>
    public static IReadOnlyList<string> DeclaredParameters(string path) =>
        Notebook.Load(path).Cells.FirstOrDefault(c => c.IsCode && c.Tags.Contains(ParametersCell.Tag)) is { } cell
            ? ParametersCell.Declared(cell.Source)
            : [];

    /// <summary>Each cell's source, with the parameters cell rewritten when overrides are given.</summary>
    static Dictionary<int, string> PrepareSources(Notebook notebook, IReadOnlyDictionary<string, string> parameters)
    {
        var sources = notebook.Cells.ToDictionary(c => c.Number, c => c.Source);
        if (parameters.Count == 0) return sources;
        var cell = notebook.Cells.FirstOrDefault(c => c.IsCode && c.Tags.Contains(ParametersCell.Tag))
            ?? throw new NotebookParameterException(notebook.Path,
                $"parameters were given ({string.Join(", ", parameters.Keys)}) but no code cell is tagged \"{ParametersCell.Tag}\"");
        sources[cell.Number] = ParametersCell.Apply(notebook.Path, cell.Number, cell.Source, parameters);
        return sources;
    }
}
