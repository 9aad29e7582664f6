using System.Text.Json.Nodes;

namespace L1Lab.Notebooks;

/// <summary>The value of the cell's trailing expression.</summary>
/// <param name="ExecutionCount">The count of the cell that produced it.</param>
/// <param name="Bundle">The value formatted to MIME types.</param>
public sealed record ExecuteResultOutput(int ExecutionCount, MimeBundle Bundle) : CellOutput
{
    /// <inheritdoc />
    public override JsonObject ToJson() => new()
    {
        ["output_type"] = "execute_result",
        ["execution_count"] = ExecutionCount,
        ["data"] = Bundle.ToJson(),
        ["metadata"] = new JsonObject(),
    };
}
