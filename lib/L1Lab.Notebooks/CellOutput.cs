using System.Text.Json.Nodes;

namespace L1Lab.Notebooks;

/// <summary>One output of a cell, in the shapes nbformat 4 knows.</summary>
public abstract record CellOutput
{
    /// <summary>This output as an nbformat 4 output object.</summary>
    public abstract JsonObject ToJson();
}
