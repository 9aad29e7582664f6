using System.Text.Json.Nodes;

namespace L1Lab.Notebooks;

/// <summary>The error that stopped the cell.</summary>
/// <param name="Error">What failed and where.</param>
public sealed record ErrorOutput(CellError Error) : CellOutput
{
    /// <inheritdoc />
    public override JsonObject ToJson() => new()
    {
        ["output_type"] = "error",
        ["ename"] = Error.Kind.ToString(),
        ["evalue"] = Error.Message,
        ["traceback"] = new JsonArray(Error.ToString().Split('\n').Select(l => (JsonNode)JsonValue.Create(l)!).ToArray()),
    };
}
