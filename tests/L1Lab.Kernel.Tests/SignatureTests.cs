using System.Text.Json.Nodes;
using NetMQ;
using NetMQ.Sockets;

namespace L1Lab.Kernel.Tests;

/// <summary>Forged messages sent raw over ZeroMQ are dropped before anything runs.</summary>
public sealed class SignatureTests
{
    static JupyterMessage ExecuteRequest(string code) => JupyterMessage.Create("execute_request", "attacker", new JsonObject
    {
        ["code"] = code, ["silent"] = false, ["store_history"] = true, ["user_expressions"] = new JsonObject(), ["allow_stdin"] = false,
    }, null);

    [Fact]
    public void Messages_with_a_bad_or_missing_signature_are_not_executed_and_a_signed_one_is()
    {
        using var kernel = KernelProcess.Start();
        kernel.Drive(Step.KernelInfo()); // the kernel is up

        using (var dealer = new DealerSocket())
        {
            dealer.Options.Linger = TimeSpan.Zero;
            dealer.Connect(kernel.Connection.Endpoint(kernel.Connection.ShellPort));

            // Given: a message signed with the wrong key, and one whose signature frame is empty.
            dealer.SendMultipartBytes(WireFormat.Serialize(ExecuteRequest("var forged = 1;"), new MessageSigner("not-the-key")));
            var unsigned = WireFormat.Serialize(ExecuteRequest("var unsigned = 2;"), new MessageSigner(kernel.Connection.Key));
            unsigned[1] = [];
            dealer.SendMultipartBytes(unsigned);
            // Then: no reply comes back for either.
            var answer = new List<byte[]>();
            Assert.False(dealer.TryReceiveMultipartBytes(TimeSpan.FromSeconds(2), ref answer), "the kernel answered a forged message");

            // And the same sender with the right key is served (so silence above was the signature check).
            dealer.SendMultipartBytes(WireFormat.Serialize(ExecuteRequest("var signed = 3;"), new MessageSigner(kernel.Connection.Key)));
            var frames = new List<byte[]>();
            Assert.True(dealer.TryReceiveMultipartBytes(TimeSpan.FromSeconds(60), ref frames), "no reply to a correctly signed message");
            Assert.True(WireFormat.TryParse(frames, new MessageSigner(kernel.Connection.Key), out var reply, out var error), error);
            Assert.Equal("execute_reply", reply!.MessageType);
            Assert.Equal("ok", (string)reply.Content["status"]!);
        }

        var results = kernel.Drive(Step.Execute("forged"), Step.Execute("unsigned"), Step.Execute("signed"));
        Assert.Contains("CS0103", (string)results[0]!["reply"]!["evalue"]!);
        Assert.Contains("CS0103", (string)results[1]!["reply"]!["evalue"]!);
        Assert.Equal("3", results[2]!.ResultText());
        Assert.Contains("rejected a shell message: bad signature", kernel.Stderr);
        Assert.Contains("rejected a shell message: missing signature", kernel.Stderr);
    }
}
