using System.Text.Json.Nodes;

namespace L1Lab.Notebooks;

/// <summary>Text the cell wrote to the console.</summary>
/// <param name="Name">"stdout" or "stderr".</param>
/// <param name="Text">What was written, in order.</param>
public sealed record StreamOutput(string Name, string Text) : CellOutput
{
    /// <inheritdoc />
    public override JsonObject ToJson() => new()
    {
        ["output_type"] = "stream",
        ["name"] = Name,
        ["text"] = MultilineString.Lines(Text),
    };
}
