using System.Globalization;
using System.Text.Json.Nodes;

namespace L1Lab.Kernel;

/// <summary>
/// One Jupyter protocol message: the routing identities it came with, its header, the header of the request it
/// answers, metadata, content and any binary buffers. Header, parent header, metadata and content are JSON objects
/// kept as parsed, so a reply's parent header is exactly what the request sent.
/// </summary>
/// <param name="Identities">ZeroMQ routing frames before the <c>&lt;IDS|MSG&gt;</c> delimiter (a topic for IOPub).</param>
/// <param name="Header">msg_id, session, username, date, msg_type, version.</param>
/// <param name="ParentHeader">The header of the request this message answers; empty for none.</param>
/// <param name="Metadata">Free-form metadata; usually empty.</param>
/// <param name="Content">The message type's payload.</param>
/// <param name="Buffers">Extra binary frames after the content; usually none.</param>
public sealed record JupyterMessage(
    IReadOnlyList<byte[]> Identities, JsonObject Header, JsonObject ParentHeader, JsonObject Metadata, JsonObject Content,
    IReadOnlyList<byte[]> Buffers)
{
    /// <summary>The protocol version this kernel speaks.</summary>
    public const string ProtocolVersion = "5.3";

    /// <summary>The header's msg_type, e.g. "execute_request"; empty when absent.</summary>
    public string MessageType => Text(Header, "msg_type");

    /// <summary>The header's msg_id; empty when absent.</summary>
    public string MessageId => Text(Header, "msg_id");

    /// <summary>A new message of <paramref name="messageType"/> in <paramref name="session"/> answering <paramref name="parent"/> (null for none).</summary>
    /// <param name="messageType">The msg_type, e.g. "execute_reply".</param>
    /// <param name="session">The kernel's session id, the same for every message it sends.</param>
    /// <param name="content">The payload.</param>
    /// <param name="parent">The request being answered: its header becomes the parent header and, for replies, its identities route the answer.</param>
    /// <param name="identities">Routing frames; defaults to the parent's (right for shell, control and stdin replies).</param>
    public static JupyterMessage Create(string messageType, string session, JsonObject content, JupyterMessage? parent, IReadOnlyList<byte[]>? identities = null)
    {
        var header = new JsonObject
        {
            ["msg_id"] = Guid.NewGuid().ToString("N"),
            ["session"] = session,
            ["username"] = "l1lab",
            ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["msg_type"] = messageType,
            ["version"] = ProtocolVersion,
        };
        var parentHeader = parent is null ? new JsonObject() : (JsonObject)parent.Header.DeepClone();
        return new JupyterMessage(identities ?? parent?.Identities ?? [], header, parentHeader, new JsonObject(), content, []);
    }

    /// <summary>
    /// A new IOPub message of <paramref name="messageType"/>, routed by the topic front ends subscribe with:
    /// <c>kernel.{session}.{messageType}</c>.
    /// </summary>
    public static JupyterMessage CreateBroadcast(string messageType, string session, JsonObject content, JupyterMessage? parent) =>
        Create(messageType, session, content, parent, [System.Text.Encoding.UTF8.GetBytes($"kernel.{session}.{messageType}")]);

    /// <summary>A string field of <paramref name="o"/>, or empty.</summary>
    internal static string Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    /// <summary>A boolean field of <paramref name="o"/>, or <paramref name="fallback"/>.</summary>
    internal static bool Flag(JsonObject o, string name, bool fallback) =>
        o[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : fallback;
}
