namespace L1Lab.Notebooks;

/// <summary>
/// The values each notebook's <c>parameters</c> cell runs with, decided in one place for every tool that runs
/// notebooks (<c>notebooks run</c>, <c>book build</c>, <c>workshop grade</c>): with <c>quick</c>, the quick values
/// the cell declares in its metadata (<c>"l1lab": {"quick": {…}}</c>); then each <c>--set</c> override the cell
/// declares. A <c>--set</c> name that none of the notebooks declares is a typo, and an error.
/// </summary>
public static class NotebookParameters
{
    /// <summary>The variables the notebook's cell tagged <c>parameters</c> declares (empty when it has none).</summary>
    /// <exception cref="NotebookException">The file is not a readable nbformat 4 notebook.</exception>
    public static IReadOnlyList<string> Declared(string path) => Declared(Notebook.Load(path));

    /// <summary>The variables <paramref name="notebook"/>'s cell tagged <c>parameters</c> declares (empty when it has none).</summary>
    public static IReadOnlyList<string> Declared(Notebook notebook) =>
        ParametersCellOf(notebook) is { } cell ? ParametersCell.Declared(cell.Source) : [];

    /// <summary>The quick values the notebook's parameters cell declares in its metadata (empty when none).</summary>
    /// <exception cref="NotebookException">
    /// The file is not a readable notebook, its quick values are not strings, or name a variable the cell does not declare.
    /// </exception>
    public static IReadOnlyDictionary<string, string> Quick(string path)
    {
        var notebook = Notebook.Load(path);
        if (ParametersCellOf(notebook) is not { } cell) return new Dictionary<string, string>(StringComparer.Ordinal);
        var quick = cell.QuickValues(path);
        var declared = ParametersCell.Declared(cell.Source);
        if (quick.Keys.FirstOrDefault(name => !declared.Contains(name)) is { } unknown)
            throw new NotebookFormatException(path,
                $"cell {cell.Number}: metadata l1lab.quick names '{unknown}', which the parameters cell does not declare (it declares {Names(declared)})");
        return quick;
    }

    /// <summary>
    /// For each of <paramref name="files"/>, the parameter values it runs with: its quick values when
    /// <paramref name="quick"/>, overridden by the <paramref name="overrides"/> its parameters cell declares.
    /// </summary>
    /// <exception cref="NotebookParameterException">An override names a variable no notebook declares (names the first file).</exception>
    /// <exception cref="NotebookException">A notebook cannot be read, or its quick values are malformed.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Resolve(
        IReadOnlyList<string> files, IReadOnlyDictionary<string, string> overrides, bool quick)
    {
        var declared = files.Distinct(StringComparer.Ordinal).ToDictionary(f => f, Declared, StringComparer.Ordinal);
        if (overrides.Keys.FirstOrDefault(name => !declared.Values.Any(d => d.Contains(name))) is { } unknown)
        {
            var names = declared.Values.SelectMany(d => d).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            throw new NotebookParameterException(files.Count == 1 ? files[0] : $"{files.Count} notebooks",
                $"--set {unknown}: no notebook given declares '{unknown}' in its parameters cell (they declare {Names(names)})");
        }
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (file, names) in declared)
        {
            var values = quick ? new Dictionary<string, string>(Quick(file), StringComparer.Ordinal) : new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in overrides)
                if (names.Contains(name)) values[name] = value;
            result[file] = values;
        }
        return result;
    }

    /// <summary>The notebook's first code cell tagged <c>parameters</c> (papermill's convention), or null when it has none.</summary>
    public static NotebookCell? ParametersCellOf(Notebook notebook) =>
        notebook.Cells.FirstOrDefault(c => c.IsCode && c.Tags.Contains(ParametersCell.Tag));

    static string Names(IReadOnlyCollection<string> names) => names.Count == 0 ? "nothing" : string.Join(", ", names);
}
