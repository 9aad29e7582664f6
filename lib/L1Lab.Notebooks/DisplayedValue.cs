namespace L1Lab.Notebooks;

/// <summary>
/// What <c>display(x)</c> returns, as in .NET Interactive: a handle on that output whose <see cref="Update"/> replaces
/// it in place (a progress line, a figure that grows each epoch) instead of adding another.
/// </summary>
public sealed class DisplayedValue
{
    readonly CellOutputCollector? _origin;
    readonly ConventionFormatters _formatters;

    internal DisplayedValue(string displayId, CellOutputCollector? origin, ConventionFormatters formatters)
    {
        DisplayId = displayId;
        _origin = origin;
        _formatters = formatters;
    }

    /// <summary>The id front ends know this output by (the transient display_id of its messages).</summary>
    public string DisplayId { get; }

    /// <summary>
    /// Shows <paramref name="value"/> in place of what this display shows now. Called from a later cell, it updates
    /// the original output too. Outside any cell, it prints the value's plain text.
    /// </summary>
    public void Update(object? value)
    {
        var bundle = MimeFormatter.Format(value, _formatters);
        if ((CellContext.Outputs ?? _origin) is { } outputs) outputs.Update(DisplayId, bundle);
        else Console.WriteLine(bundle.PlainText);
    }
}
