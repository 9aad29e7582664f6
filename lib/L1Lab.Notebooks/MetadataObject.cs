using System.Text.Json.Nodes;

namespace L1Lab.Notebooks;

/// <summary>
/// The <c>metadata</c> object of a notebook or a cell. nbformat requires one on both, so a file that lacks it gets an
/// empty one, stored in place so that changes to it are saved with the notebook.
/// </summary>
static class MetadataObject
{
    /// <summary>The <c>metadata</c> object of <paramref name="owner"/>, created empty where it is missing.</summary>
    public static JsonObject Of(JsonObject owner)
    {
        if (owner["metadata"] is JsonObject metadata) return metadata;
        var created = new JsonObject();
        owner["metadata"] = created;
        return created;
    }
}
