using System.Text.Json.Nodes;

namespace L1Lab.Notebooks;

/// <summary>A value passed to <c>display(...)</c>.</summary>
/// <param name="Bundle">The value formatted to MIME types.</param>
/// <param name="DisplayId">
/// The id later <see cref="DisplayedValue.Update"/> calls replace this output by (a kernel sends it as the message's
/// transient display_id); null for an output nothing can update. Not saved: nbformat keeps only the final state.
/// </param>
public sealed record DisplayDataOutput(MimeBundle Bundle, string? DisplayId = null) : CellOutput
{
    /// <inheritdoc />
    public override JsonObject ToJson() => new()
    {
        ["output_type"] = "display_data",
        ["data"] = Bundle.ToJson(),
        ["metadata"] = new JsonObject(),
    };
}
