using System.Text.Json.Nodes;
using NetMQ;
using NetMQ.Sockets;

namespace L1Lab.Kernel.Tests;

/// <summary>Forged messages sent raw over ZeroMQ are dropped before anything runs.</summary>
public sealed class SignatureTests
{
    static JupyterMessage ExecuteRequest(string code) => JupyterMessage.Create("execute_request", "attacker", new JsonObject
    {
        ["code"] = code,
        ["silent"] = false,
        ["store_history"] = true,
        ["user_expressions"] = new JsonObject(),
        ["allow_stdin"] = false,
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

    static JupyterMessage ControlRequest(string type, JsonObject content) => JupyterMessage.Create(type, "attacker", content, null);

    static JupyterMessage Receive(DealerSocket socket, MessageSigner signer, TimeSpan timeout, string what)
    {
        var frames = new List<byte[]>();
        Assert.True(socket.TryReceiveMultipartBytes(timeout, ref frames), $"no {what} within {timeout.TotalSeconds} s");
        Assert.True(WireFormat.TryParse(frames, signer, out var message, out var error), error);
        return message!;
    }

    [Fact]
    public void Forged_interrupt_and_shutdown_on_control_are_ignored_while_a_signed_control_request_is_served()
    {
        // Given a warm kernel running a cell that sleeps for three seconds
        using var kernel = KernelProcess.Start();
        var signer = new MessageSigner(kernel.Connection.Key);
        using var shell = new DealerSocket();
        using var control = new DealerSocket();
        shell.Options.Linger = control.Options.Linger = TimeSpan.Zero;
        shell.Connect(kernel.Connection.Endpoint(kernel.Connection.ShellPort));
        control.Connect(kernel.Connection.Endpoint(kernel.Connection.ControlPort));
        shell.SendMultipartBytes(WireFormat.Serialize(ExecuteRequest("1"), signer));
        Receive(shell, signer, TimeSpan.FromSeconds(120), "reply to the warm-up cell");
        shell.SendMultipartBytes(WireFormat.Serialize(ExecuteRequest("System.Threading.Thread.Sleep(3000); \"slept\""), signer));
        Thread.Sleep(1000);

        // When interrupt and shutdown requests arrive on control signed with another key or not signed at all
        foreach (var request in new[] { ControlRequest("interrupt_request", []), ControlRequest("shutdown_request", new JsonObject { ["restart"] = false }) })
        {
            control.SendMultipartBytes(WireFormat.Serialize(request, new MessageSigner("not-the-key")));
            var unsigned = WireFormat.Serialize(request, signer);
            unsigned[1] = [];
            control.SendMultipartBytes(unsigned);
        }

        // Then control still answers a signed request while the cell runs, the cell finishes uninterrupted, and the kernel lives on
        control.SendMultipartBytes(WireFormat.Serialize(ControlRequest("kernel_info_request", []), signer));
        Assert.Equal("kernel_info_reply", Receive(control, signer, TimeSpan.FromSeconds(10), "kernel_info_reply on control").MessageType);
        var reply = Receive(shell, signer, TimeSpan.FromSeconds(60), "execute_reply of the sleeping cell");
        Assert.Equal("ok", (string)reply.Content["status"]!);
        Thread.Sleep(500);
        Assert.False(kernel.Process.HasExited, $"a forged shutdown_request stopped the kernel:\n{kernel.Stderr}");
        Assert.Equal("42", kernel.Drive(Step.Execute("6 * 7"))[0]!.ResultText());
        Assert.Contains("rejected a control message: bad signature", kernel.Stderr);
        Assert.Contains("rejected a control message: missing signature", kernel.Stderr);
    }

    [Fact]
    public void With_an_empty_key_messages_go_unsigned_and_a_signed_one_is_refused()
    {
        // Given a kernel whose connection file has key "" (the protocol's "signing off")
        using var kernel = KernelProcess.Start(key: "");
        var off = new MessageSigner("");
        Assert.Equal("", off.Sign([[1], [2], [3], [4]]));
        using var shell = new DealerSocket();
        shell.Options.Linger = TimeSpan.Zero;
        shell.Connect(kernel.Connection.Endpoint(kernel.Connection.ShellPort));

        // When a client sends one message with a signature (from some key) and one without
        shell.SendMultipartBytes(WireFormat.Serialize(ExecuteRequest("var signedAnyway = 1;"), new MessageSigner("some-key")));
        shell.SendMultipartBytes(WireFormat.Serialize(ExecuteRequest("var plain = 2;"), off));

        // Then only the unsigned one runs, and the kernel's reply carries an empty signature
        var frames = new List<byte[]>();
        Assert.True(shell.TryReceiveMultipartBytes(TimeSpan.FromSeconds(120), ref frames), "no reply to the unsigned message");
        int delimiter = frames.FindIndex(f => f.AsSpan().SequenceEqual(WireFormat.Delimiter));
        Assert.Empty(frames[delimiter + 1]);
        Assert.True(WireFormat.TryParse(frames, off, out var reply, out var error), error);
        Assert.Equal("ok", (string)reply!.Content["status"]!);
        var results = kernel.Drive(Step.Execute("plain"), Step.Execute("signedAnyway"));
        Assert.Equal("2", results[0]!.ResultText());
        Assert.Contains("CS0103", (string)results[1]!["reply"]!["evalue"]!);
        Assert.Contains("rejected a shell message: bad signature", kernel.Stderr);
    }
}
