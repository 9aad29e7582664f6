using System.Text.Json;
using System.Text.Json.Nodes;

namespace L1Lab.Workshop;

/// <summary>
/// One line the grading child process reports to the grader: the outcome of a cell (by its 1-based number in the
/// merged notebook), or that the run started or finished. On the wire it is one JSON object
/// <c>{"kind":"cell","cell":3,"status":"ran","message":""}</c> with the enums in lower case and an empty status
/// for events that are not about a cell.
/// </summary>
/// <param name="Kind">What the line reports.</param>
/// <param name="Cell">The cell's number; 0 for the other kinds.</param>
/// <param name="Status">For a cell: how it ran; null for the other kinds.</param>
/// <param name="Message">The cell's error ("line 3: System.Exception: ..."), or the reason for an error; empty otherwise.</param>
public sealed record CellEvent(CellEventKind Kind, int Cell, CellRunStatus? Status, string Message)
{
    /// <summary>The run started.</summary>
    public static CellEvent Started { get; } = new(CellEventKind.Started, 0, null, "");

    /// <summary>Every cell was reported.</summary>
    public static CellEvent Done { get; } = new(CellEventKind.Done, 0, null, "");

    /// <summary>The notebook could not be run, for <paramref name="reason"/>.</summary>
    public static CellEvent Error(string reason) => new(CellEventKind.Error, 0, null, reason);

    /// <summary>Cell <paramref name="number"/> ended with <paramref name="status"/>.</summary>
    public static CellEvent ForCell(int number, CellRunStatus status, string message) => new(CellEventKind.Cell, number, status, message);

    /// <summary>The event as one line of JSON.</summary>
    public string ToJson() => new JsonObject
    {
        ["kind"] = WireName(Kind),
        ["cell"] = Cell,
        ["status"] = Status is { } status ? WireName(status) : "",
        ["message"] = Message,
    }.ToJsonString();

    /// <summary>Parses a line written by <see cref="ToJson"/>; null for anything else.</summary>
    public static CellEvent? Parse(string line)
    {
        try
        {
            return JsonNode.Parse(line) is JsonObject o
                   && o["kind"] is JsonValue k && k.TryGetValue(out string? kindName) && FromWireName<CellEventKind>(kindName) is { } kind
                   && o["cell"] is JsonValue c && c.TryGetValue(out int cell)
                   && o["status"] is JsonValue s && s.TryGetValue(out string? statusName)
                   && (statusName.Length == 0 || FromWireName<CellRunStatus>(statusName) is not null)
                   && o["message"] is JsonValue m && m.TryGetValue(out string? message)
                ? new CellEvent(kind, cell, statusName.Length == 0 ? null : FromWireName<CellRunStatus>(statusName), message)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>An enum value as the wire writes it: its name in lower case.</summary>
    public static string WireName<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    static T? FromWireName<T>(string name) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => (T?)v).FirstOrDefault(v => WireName(v!.Value) == name);
}
