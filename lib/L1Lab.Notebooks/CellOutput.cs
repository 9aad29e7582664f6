using System.Text.Json.Nodes;

namespace L1Lab.Notebooks;

/// <summary>
/// A value shown by a cell, as one MIME type per representation, like a Jupyter display bundle:
/// text/plain and text/html are text, image/png is base64.
/// </summary>
/// <param name="Data">Representations keyed by MIME type; always has text/plain.</param>
public sealed record MimeBundle(IReadOnlyDictionary<string, string> Data)
{
    /// <summary>The text/plain representation.</summary>
    public string PlainText => Data.TryGetValue("text/plain", out var s) ? s : "";

    internal JsonObject ToJson()
    {
        var o = new JsonObject();
        foreach (var (mime, value) in Data)
            o[mime] = mime == "image/png" ? JsonValue.Create(value) : Lines(value);
        return o;
    }

    internal static JsonArray Lines(string text)
    {
        var array = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            array.Add(JsonValue.Create(text[start..(i + 1)]));
            start = i + 1;
        }
        if (start < text.Length) array.Add(JsonValue.Create(text[start..]));
        return array;
    }
}

/// <summary>One output of a cell, in the shapes nbformat 4 knows.</summary>
public abstract record CellOutput
{
    /// <summary>This output as an nbformat 4 output object.</summary>
    public abstract JsonObject ToJson();
}

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
        ["text"] = MimeBundle.Lines(Text),
    };
}

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
