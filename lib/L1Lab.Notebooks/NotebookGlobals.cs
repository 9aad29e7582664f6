namespace L1Lab.Notebooks;

/// <summary>
/// The members every notebook cell can call without qualification, like the .NET Interactive kernel's globals.
/// </summary>
public sealed class NotebookGlobals
{
    readonly ConventionFormatters _formatters;

    /// <summary>Globals with formatters of their own (a session of their own).</summary>
    public NotebookGlobals() : this(new ConventionFormatters()) { }

    internal NotebookGlobals(ConventionFormatters formatters) => _formatters = formatters;

    /// <summary>
    /// Shows <paramref name="value"/> as an output of the running cell, formatted by <see cref="MimeFormatter"/>, and
    /// returns a handle whose <see cref="DisplayedValue.Update"/> replaces that output in place.
    /// </summary>
    public DisplayedValue display(object? value)
    {
        var bundle = MimeFormatter.Format(value, _formatters);
        var outputs = CellContext.Outputs;
        var handle = new DisplayedValue(Guid.NewGuid().ToString("N"), outputs, _formatters);
        if (outputs is not null) outputs.Add(new DisplayDataOutput(bundle, handle.DisplayId));
        else Console.WriteLine(bundle.PlainText);
        return handle;
    }

    /// <summary>
    /// Clears what the running cell has shown so far, as IPython's <c>clear_output</c>: with <paramref name="wait"/>,
    /// the front end clears only when the next output arrives, so a redrawn output does not flicker.
    /// </summary>
    public void clear_output(bool wait = false) => CellContext.Outputs?.Clear(wait);
}
