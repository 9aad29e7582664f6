using System.Text;
using System.Text.Json.Nodes;

namespace L1Lab.Kernel.Tests;

public sealed class WireFormatTests
{
    static readonly MessageSigner Signer = new("secret-key");

    [Fact]
    public void A_signed_message_round_trips_with_its_identities_and_parent()
    {
        var request = JupyterMessage.Create("execute_request", "s1", new JsonObject { ["code"] = "1 + 1" }, null, [[1, 2, 3]]);
        var reply = JupyterMessage.Create("execute_reply", "s2", new JsonObject { ["status"] = "ok" }, request);

        var frames = WireFormat.Serialize(reply, Signer);

        Assert.Equal([1, 2, 3], frames[0]);
        Assert.Equal("<IDS|MSG>", Encoding.ASCII.GetString(frames[1]));
        Assert.True(WireFormat.TryParse(frames, Signer, out var parsed, out var error), error);
        Assert.Equal("execute_reply", parsed!.MessageType);
        Assert.Equal(request.MessageId, (string)parsed.ParentHeader["msg_id"]!);
        Assert.Equal("5.3", (string)parsed.Header["version"]!);
    }

    [Fact]
    public void The_signature_is_hmac_sha256_hex_over_the_four_json_frames_as_Python_computes_it()
    {
        var frames = WireFormat.Serialize(JupyterMessage.Create("status", "s", new JsonObject(), null), Signer);
        var parts = frames.Skip(2).Take(4).Select(f => Encoding.UTF8.GetString(f)).ToArray();

        // Python's jupyter_client: hmac.new(key, digestmod=sha256) updated with each part, hexdigest().
        var python = ChildProcess.Run(TestPaths.Python, ["-c",
            "import hmac, hashlib, sys, json; parts = json.load(sys.stdin); h = hmac.new(b'secret-key', digestmod=hashlib.sha256)\n" +
            "for p in parts: h.update(p.encode())\nprint(h.hexdigest())"], stdin: new JsonArray(parts.Select(p => (JsonNode)p!).ToArray()).ToJsonString());

        Assert.Equal(python.Stdout.Trim(), Encoding.ASCII.GetString(frames[1]));
    }

    [Fact]
    public void Tampered_content_and_a_missing_signature_are_rejected()
    {
        var frames = WireFormat.Serialize(JupyterMessage.Create("execute_request", "s", new JsonObject { ["code"] = "1" }, null), Signer);
        var tampered = frames.ToList();
        tampered[5] = Encoding.UTF8.GetBytes("{\"code\":\"2\"}");
        var unsigned = frames.ToList();
        unsigned[1] = [];

        Assert.False(WireFormat.TryParse(tampered, Signer, out _, out var bad));
        Assert.Equal("bad signature", bad);
        Assert.False(WireFormat.TryParse(unsigned, Signer, out _, out var missing));
        Assert.Equal("missing signature", missing);
        Assert.False(WireFormat.TryParse(frames, new MessageSigner("other-key"), out _, out _));
        Assert.False(WireFormat.TryParse(frames.Take(4).ToList(), Signer, out _, out _));
    }
}
