using System.Text.Json.Nodes;

namespace L1Lab.Notebooks;

/// <summary>A value passed to <c>display(...)</c>.</summary>
/// <param name="Bundle">The value formatted to MIME types.</param>
public sealed record DisplayDataOutput(MimeBundle Bundle) : CellOutput
{
    /// <inheritdoc />
    public override JsonObject ToJson() => new()
    {
        ["output_type"] = "display_data",
        ["data"] = Bundle.ToJson(),
        ["metadata"] = new JsonObject(),
    };
}
