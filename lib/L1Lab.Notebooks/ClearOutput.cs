using System.Text.Json.Nodes;

namespace L1Lab.Notebooks;

/// <summary>
/// A live event, never a saved output: the running cell's outputs so far are cleared (a kernel sends clear_output),
/// and the saved notebook keeps only what the cell showed after it.
/// </summary>
/// <param name="Wait">True to clear only when the next output arrives, so the front end does not flicker.</param>
public sealed record ClearOutput(bool Wait) : CellOutput
{
    /// <summary>The clear_output message's content; nbformat has no such output, so a notebook never holds it.</summary>
    public override JsonObject ToJson() => new() { ["output_type"] = "clear_output", ["wait"] = Wait };
}
