using System.Text.Json.Nodes;

namespace L1Lab.Interactive.Tests;

/// <summary>
/// One event envelope read from dotnet-interactive's stdout: <c>{"eventType", "event", "command": {"token", "commandType", …}}</c>.
/// </summary>
public sealed record KernelEvent(string EventType, JsonObject Event, string? CommandToken, string? CommandType)
{
    /// <summary>The event of a value shown with <c>display(…)</c> (or updated in place).</summary>
    public bool IsDisplay => EventType is "DisplayedValueProduced" or "DisplayedValueUpdated";

    /// <summary>The event of a cell's final expression value.</summary>
    public bool IsReturnValue => EventType == "ReturnValueProduced";

    /// <summary>The MIME bundle a display or return-value event carries (empty for other events).</summary>
    public IReadOnlyList<FormattedValue> FormattedValues =>
        Event["formattedValues"] is JsonArray values
            ? [.. values.OfType<JsonObject>().Select(v => new FormattedValue((string?)v["mimeType"] ?? "", (string?)v["value"] ?? ""))]
            : [];

    /// <summary>Reads an event envelope; null for a line that is not one (dotnet-interactive also prints a banner).</summary>
    public static KernelEvent? TryParse(string line)
    {
        if (!line.StartsWith('{')) return null;
        JsonNode? node;
        try { node = JsonNode.Parse(line); }
        catch (System.Text.Json.JsonException) { return null; }
        if (node is not JsonObject envelope || (string?)envelope["eventType"] is not { } type) return null;
        var command = envelope["command"] as JsonObject;
        return new KernelEvent(type, envelope["event"] as JsonObject ?? [], (string?)command?["token"], (string?)command?["commandType"]);
    }
}
