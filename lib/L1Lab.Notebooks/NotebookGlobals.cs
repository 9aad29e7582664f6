namespace L1Lab.Notebooks;

/// <summary>
/// The members every notebook cell can call without qualification, like the .NET Interactive kernel's globals.
/// </summary>
public sealed class NotebookGlobals
{
    /// <summary>Shows <paramref name="value"/> as an output of the running cell, formatted by <see cref="MimeFormatter"/>.</summary>
    public void display(object? value)
    {
        var bundle = MimeFormatter.Format(value);
        if (CellContext.Outputs is { } outputs) outputs.Add(new DisplayDataOutput(bundle));
        else Console.WriteLine(bundle.PlainText);
    }
}
