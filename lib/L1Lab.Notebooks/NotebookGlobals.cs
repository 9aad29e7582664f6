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

    /// <summary>Shows <paramref name="value"/> as an output of the running cell, formatted by <see cref="MimeFormatter"/>.</summary>
    public void display(object? value)
    {
        var bundle = MimeFormatter.Format(value, _formatters);
        if (CellContext.Outputs is { } outputs) outputs.Add(new DisplayDataOutput(bundle));
        else Console.WriteLine(bundle.PlainText);
    }
}
