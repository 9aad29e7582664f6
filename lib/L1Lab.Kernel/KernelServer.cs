using System.Text.Json.Nodes;
using System.Threading.Channels;
using NetMQ;
using NetMQ.Sockets;

namespace L1Lab.Kernel;

/// <summary>
/// A Jupyter kernel (messaging protocol 5.3) for C# on L1Lab's notebook engine. It binds the five sockets of a
/// connection file and nothing else. One socket thread owns every socket: it checks each message's signature,
/// answers heartbeats and control requests (interrupt, shutdown) at once, and queues shell requests for one
/// execution worker, so an interrupt reaches a running cell. Everything sent goes through that thread, in order.
/// </summary>
public sealed class KernelServer
{
    readonly ConnectionFile _connection;
    readonly KernelServerOptions _options;
    readonly MessageSigner _signer;
    readonly string _session = Guid.NewGuid().ToString();
    readonly Channel<JupyterMessage> _shellQueue = Channel.CreateUnbounded<JupyterMessage>(new UnboundedChannelOptions { SingleReader = true });
    readonly NetMQQueue<Outgoing> _outgoing = new();
    readonly ShellHandler _shell;
    volatile bool _started;
    volatile bool _closed;

    /// <summary>A kernel for <paramref name="connection"/>; nothing is bound until <see cref="RunAsync"/>.</summary>
    public KernelServer(ConnectionFile connection, KernelServerOptions? options = null)
    {
        _connection = connection;
        _options = options ?? new KernelServerOptions();
        _signer = new MessageSigner(connection.Key);
        _shell = new ShellHandler(_session, Send, _options.SessionFactory, _options.Log);
        _shell.WarmUp();
    }

    /// <summary>How many messages were dropped because their signature was missing or wrong, or their frames were malformed.</summary>
    public int RejectedMessages => _rejected;

    int _rejected;

    /// <summary>Cancels the running cell, as an interrupt_request does (e.g. on SIGINT). Safe from any thread.</summary>
    public bool Interrupt() => _shell.Interrupt();

    /// <summary>
    /// Binds the sockets and serves until a shutdown_request arrives or <paramref name="cancellationToken"/> is cancelled.
    /// Call once.
    /// </summary>
    /// <exception cref="KernelConfigurationException">A socket could not be bound (port in use, address not local).</exception>
    public async Task<KernelExit> RunAsync(CancellationToken cancellationToken = default)
    {
        if (_started) throw new InvalidOperationException("a KernelServer runs once");
        _started = true;

        using var shell = new RouterSocket();
        using var control = new RouterSocket();
        using var stdin = new RouterSocket();
        using var iopub = new PublisherSocket();
        using var heartbeat = new ResponseSocket();
        var sockets = new (NetMQSocket Socket, int Port)[]
        {
            (shell, _connection.ShellPort), (control, _connection.ControlPort), (stdin, _connection.StdinPort),
            (iopub, _connection.IOPubPort), (heartbeat, _connection.HeartbeatPort),
        };
        foreach (var (socket, port) in sockets)
        {
            socket.Options.Linger = TimeSpan.FromSeconds(2);
            try
            {
                socket.Bind(_connection.Endpoint(port));
            }
            catch (Exception e) when (e is NetMQException or System.Net.Sockets.SocketException)
            {
                throw new KernelConfigurationException($"cannot bind {_connection.Endpoint(port)}: {e.Message}", e);
            }
        }

        var exit = KernelExit.Stopped;
        using var poller = new NetMQPoller { shell, control, stdin, heartbeat, _outgoing };
        shell.ReceiveReady += (_, e) => Receive(e.Socket, KernelChannel.Shell, m => _shellQueue.Writer.TryWrite(m));
        control.ReceiveReady += (_, e) => Receive(e.Socket, KernelChannel.Control, m => exit = OnControl(m, poller) ?? exit);
        stdin.ReceiveReady += (_, e) => Receive(e.Socket, KernelChannel.Stdin, _ => { });
        heartbeat.ReceiveReady += (_, e) => e.Socket.SendMultipartBytes(e.Socket.ReceiveMultipartBytes());
        _outgoing.ReceiveReady += (_, e) =>
        {
            while (e.Queue.TryDequeue(out var item, TimeSpan.Zero))
            {
                if (item.Message is null)
                {
                    poller.StopAsync();
                    return;
                }
                NetMQSocket target = item.Channel switch
                {
                    KernelChannel.Shell => shell,
                    KernelChannel.Control => control,
                    KernelChannel.Stdin => stdin,
                    _ => iopub,
                };
                target.SendMultipartBytes(WireFormat.Serialize(item.Message, _signer));
            }
        };

        var worker = Task.Run(async () =>
        {
            await foreach (var request in _shellQueue.Reader.ReadAllAsync().ConfigureAwait(false))
                await _shell.HandleAsync(request).ConfigureAwait(false);
        }, CancellationToken.None);

        using (cancellationToken.Register(() => _outgoing.Enqueue(new Outgoing(KernelChannel.IOPub, null))))
        {
            // Let front ends that connected early see the kernel come up.
            PublishStatus("starting", null);
            await Task.Factory.StartNew(poller.Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
        }

        _shellQueue.Writer.TryComplete();
        _shell.Interrupt();
        // A cell that ignores cancellation must not keep the kernel from exiting: wait briefly, then leave it.
        await Task.WhenAny(worker, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
        _closed = true;
        poller.Remove(_outgoing);
        _outgoing.Dispose();
        return exit;
    }

    /// <summary>Queues a message to be signed and sent on <paramref name="channel"/> by the socket thread.</summary>
    void Send(KernelChannel channel, JupyterMessage message)
    {
        // After shutdown a cell that ignored cancellation may still finish; its outputs have nowhere to go.
        if (!_closed) _outgoing.Enqueue(new Outgoing(channel, message));
    }

    void Receive(NetMQSocket socket, KernelChannel channel, Action<JupyterMessage> accept)
    {
        var frames = socket.ReceiveMultipartBytes();
        if (!WireFormat.TryParse(frames, _signer, out var message, out var error))
        {
            Interlocked.Increment(ref _rejected);
            _options.Log.WriteLine($"l1lab kernel: rejected a {channel.ToString().ToLowerInvariant()} message: {error}");
            return;
        }
        accept(message!);
    }

    /// <summary>Answers a control request at once; returns how the kernel should exit, or null to keep serving.</summary>
    KernelExit? OnControl(JupyterMessage request, NetMQPoller poller)
    {
        PublishStatus("busy", request);
        KernelExit? exit = null;
        switch (request.MessageType)
        {
            case "interrupt_request":
                _shell.Interrupt();
                Send(KernelChannel.Control, JupyterMessage.Create("interrupt_reply", _session, new JsonObject { ["status"] = "ok" }, request));
                break;
            case "shutdown_request":
                var restart = JupyterMessage.Flag(request.Content, "restart", false);
                _shell.Interrupt();
                Send(KernelChannel.Control, JupyterMessage.Create("shutdown_reply", _session,
                    new JsonObject { ["status"] = "ok", ["restart"] = restart }, request));
                exit = restart ? KernelExit.Restart : KernelExit.Shutdown;
                break;
            case "kernel_info_request":
                Send(KernelChannel.Control, JupyterMessage.Create("kernel_info_reply", _session, KernelInfo.Reply(), request));
                break;
            default:
                _options.Log.WriteLine($"l1lab kernel: ignored control message of unknown type \"{request.MessageType}\"");
                break;
        }
        PublishStatus("idle", request);
        // Stop only after the reply and status above have been handed to the sockets (the queue is in order).
        if (exit is not null) _outgoing.Enqueue(new Outgoing(KernelChannel.Control, null));
        return exit;
    }

    /// <summary>Broadcasts a status message: <paramref name="executionState"/> is starting, busy or idle.</summary>
    void PublishStatus(string executionState, JupyterMessage? parent) =>
        Send(KernelChannel.IOPub, JupyterMessage.CreateBroadcast("status", _session, new JsonObject { ["execution_state"] = executionState }, parent));

    /// <summary>A message for the socket thread to send; a null message asks it to stop.</summary>
    readonly record struct Outgoing(KernelChannel Channel, JupyterMessage? Message);
}
