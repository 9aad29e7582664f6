using System.Text.Json;
using System.Text.Json.Nodes;

namespace L1Lab.Workshop;

/// <summary>
/// One line the grading child process reports to the grader: the outcome of a cell (by its 1-based number in the
/// merged notebook), or that the run started or finished.
/// </summary>
/// <param name="Kind">"started", "cell", "done" or "error" (the notebook could not be run at all).</param>
/// <param name="Cell">The cell's number; 0 for the other kinds.</param>
/// <param name="Status">For a cell: "ran", "skipped", "failed" or "timeout".</param>
/// <param name="Message">The cell's error ("line 3: System.Exception: ..."), or the reason for "error"; empty otherwise.</param>
public sealed record CellEvent(string Kind, int Cell, string Status, string Message)
{
    /// <summary>The event as one line of JSON.</summary>
    public string ToJson() => new JsonObject
    {
        ["kind"] = Kind,
        ["cell"] = Cell,
        ["status"] = Status,
        ["message"] = Message,
    }.ToJsonString();

    /// <summary>Parses a line written by <see cref="ToJson"/>; null for anything else.</summary>
    public static CellEvent? Parse(string line)
    {
        try
        {
            return JsonNode.Parse(line) is JsonObject o
                   && o["kind"] is JsonValue k && k.TryGetValue(out string? kind)
                   && o["cell"] is JsonValue c && c.TryGetValue(out int cell)
                   && o["status"] is JsonValue s && s.TryGetValue(out string? status)
                   && o["message"] is JsonValue m && m.TryGetValue(out string? message)
                ? new CellEvent(kind, cell, status, message)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
