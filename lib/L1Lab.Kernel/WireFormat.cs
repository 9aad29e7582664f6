using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace L1Lab.Kernel;

/// <summary>
/// The Jupyter wire format: routing identities, the <c>&lt;IDS|MSG&gt;</c> delimiter, the HMAC signature, then the
/// header, parent header, metadata and content as UTF-8 JSON, then binary buffers. Parsing checks the signature
/// over the frames as received before looking at the JSON, so an unsigned or forged message is never acted on.
/// </summary>
public static class WireFormat
{
    /// <summary>The frame that separates routing identities from the message.</summary>
    public static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    /// <summary>The frames of <paramref name="message"/>, signed by <paramref name="signer"/>.</summary>
    public static List<byte[]> Serialize(JupyterMessage message, MessageSigner signer)
    {
        var parts = new[] { message.Header, message.ParentHeader, message.Metadata, message.Content }
            .Select(o => Encoding.UTF8.GetBytes(o.ToJsonString()))
            .ToArray();
        var frames = new List<byte[]>(message.Identities.Count + 6 + message.Buffers.Count);
        frames.AddRange(message.Identities);
        frames.Add(Delimiter);
        frames.Add(Encoding.ASCII.GetBytes(signer.Sign(parts)));
        frames.AddRange(parts);
        frames.AddRange(message.Buffers);
        return frames;
    }

    /// <summary>
    /// Reads a received multipart message. Returns false with a reason when the delimiter or a frame is missing, the
    /// signature is absent or wrong, or a part is not a JSON object.
    /// </summary>
    public static bool TryParse(IReadOnlyList<byte[]> frames, MessageSigner signer, out JupyterMessage? message, out string error)
    {
        message = null;
        var delimiter = -1;
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(Delimiter)) { delimiter = i; break; }
        }
        if (delimiter < 0)
        {
            error = "no <IDS|MSG> delimiter";
            return false;
        }
        if (frames.Count < delimiter + 6)
        {
            error = $"{frames.Count - delimiter - 1} frames after the delimiter; a message needs a signature and 4 JSON parts";
            return false;
        }
        var parts = frames.Skip(delimiter + 2).Take(4).ToArray();
        if (!signer.Verify(frames[delimiter + 1], parts))
        {
            error = frames[delimiter + 1].Length == 0 ? "missing signature" : "bad signature";
            return false;
        }

        var objects = new JsonObject[4];
        for (var i = 0; i < 4; i++)
        {
            try
            {
                objects[i] = JsonNode.Parse(parts[i]) as JsonObject ?? throw new JsonException("not an object");
            }
            catch (JsonException e)
            {
                error = $"part {i + 1} (header, parent header, metadata, content) is not a JSON object: {e.Message}";
                return false;
            }
        }
        message = new JupyterMessage(frames.Take(delimiter).ToArray(), objects[0], objects[1], objects[2], objects[3],
            frames.Skip(delimiter + 6).ToArray());
        error = "";
        return true;
    }
}
