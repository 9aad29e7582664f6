using System.Diagnostics;

namespace L1Lab.Notebooks;

/// <summary>
/// Runs a notebook's C# cells top to bottom in one fresh <see cref="NotebookSession"/>, stopping at the first
/// failing cell unless told to go on. Relative <c>#r</c> paths start from the notebook's folder, whatever the current directory.
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
        var ran = new List<(NotebookCell Cell, int Count, List<CellOutput> Outputs)>();
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
                    var onOutput = options.OnOutput;
                    Action<CellOutput> live = output =>
                    {
                        if (output is DisplayUpdate update) UpdateEarlierCells(ran, update);
                        onOutput?.Invoke(number, output);
                    };
                    using var cellCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    if (options.CellTimeout is { } limit) cellCancel.CancelAfter(limit);
                    var result = await session.ExecuteCellAsync(source, cellCancel.Token, live).ConfigureAwait(false);
                    if (result.Error is { Kind: CellErrorKind.Cancelled } && !cancellationToken.IsCancellationRequested && options.CellTimeout is { } timeout)
                        result = TimedOut(result, timeout);
                    cell.SetOutputs(result.ExecutionCount, result.Outputs);
                    ran.Add((cell, result.ExecutionCount, [.. result.Outputs]));
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

    /// <summary>
    /// Applies a display update made by a later cell (a handle kept from an earlier one) to the earlier cells showing that
    /// display, so the saved notebook holds the display's final state where it was first shown.
    /// </summary>
    static void UpdateEarlierCells(List<(NotebookCell Cell, int Count, List<CellOutput> Outputs)> ran, DisplayUpdate update)
    {
        foreach (var (cell, count, outputs) in ran)
        {
            var changed = false;
            for (var i = 0; i < outputs.Count; i++)
                if (outputs[i] is DisplayDataOutput d && d.DisplayId == update.DisplayId)
                {
                    outputs[i] = d with { Bundle = update.Bundle };
                    changed = true;
                }
            if (changed) cell.SetOutputs(count, outputs);
        }
    }

    /// <summary>The result of a cell cancelled by <see cref="NotebookRunOptions.CellTimeout"/>, its error saying so.</summary>
    static CellResult TimedOut(CellResult result, TimeSpan timeout)
    {
        var error = new CellError(CellErrorKind.Timeout, result.Error?.Line,
            $"the cell did not finish within {timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s and was stopped");
        return result with { Error = error, Outputs = [.. result.Outputs.Select(o => o is ErrorOutput ? new ErrorOutput(error) : o)] };
    }

    /// <summary>The variables the notebook's cell tagged <c>parameters</c> declares (empty when it has none); see <see cref="NotebookParameters.Declared(string)"/>.</summary>
    /// <exception cref="NotebookException">The file is not a readable nbformat 4 notebook.</exception>
    public static IReadOnlyList<string> DeclaredParameters(string path) => NotebookParameters.Declared(path);

    /// <summary>Each cell's source, with the parameters cell rewritten when overrides are given.</summary>
    static Dictionary<int, string> PrepareSources(Notebook notebook, IReadOnlyDictionary<string, string> parameters)
    {
        var sources = notebook.Cells.ToDictionary(c => c.Number, c => c.Source);
        if (parameters.Count == 0) return sources;
        var cell = NotebookParameters.ParametersCellOf(notebook)
            ?? throw new NotebookParameterException(notebook.Path,
                $"parameters were given ({string.Join(", ", parameters.Keys)}) but no code cell is tagged \"{ParametersCell.Tag}\"");
        sources[cell.Number] = ParametersCell.Apply(notebook.Path, cell.Number, cell.Source, parameters);
        return sources;
    }
}
