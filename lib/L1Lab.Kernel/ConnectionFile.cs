using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace L1Lab.Kernel;

/// <summary>
/// The connection file a Jupyter front end writes before starting a kernel: where the five sockets listen and the
/// key that signs every message. The kernel binds exactly these endpoints and nothing else.
/// </summary>
/// <param name="Transport">"tcp" (the only transport this kernel supports).</param>
/// <param name="Ip">Address to bind, e.g. 127.0.0.1.</param>
/// <param name="ShellPort">Port of the shell ROUTER socket (requests from front ends).</param>
/// <param name="IOPubPort">Port of the IOPub PUB socket (outputs and status broadcast to every front end).</param>
/// <param name="StdinPort">Port of the stdin ROUTER socket (input requests; bound but unused by this kernel).</param>
/// <param name="ControlPort">Port of the control ROUTER socket (interrupt and shutdown, served while a cell runs).</param>
/// <param name="HeartbeatPort">Port of the heartbeat REP socket (echoes every message).</param>
/// <param name="SignatureScheme">"hmac-sha256" (the only scheme this kernel supports).</param>
/// <param name="Key">The HMAC key; empty disables signing, as the protocol allows.</param>
public sealed record ConnectionFile(
    string Transport, string Ip, int ShellPort, int IOPubPort, int StdinPort, int ControlPort, int HeartbeatPort,
    string SignatureScheme, string Key)
{
    /// <summary>The ZeroMQ endpoint for <paramref name="port"/>, e.g. tcp://127.0.0.1:5555.</summary>
    public string Endpoint(int port) => $"{Transport}://{Ip}:{port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Reads and checks a connection file.</summary>
    /// <exception cref="KernelConfigurationException">The file is missing, not JSON, lacks a field, or asks for an unsupported transport or scheme.</exception>
    public static ConnectionFile Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KernelConfigurationException($"{path}: cannot read the connection file: {e.Message}", e);
        }
        return Parse(text, path);
    }

    /// <summary>Parses connection-file JSON; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="KernelConfigurationException">Not JSON, a missing field, or an unsupported transport or scheme.</exception>
    public static ConnectionFile Parse(string json, string source = "connection file")
    {
        JsonObject o;
        try
        {
            o = JsonNode.Parse(json) as JsonObject ?? throw new KernelConfigurationException($"{source}: not a JSON object");
        }
        catch (JsonException e)
        {
            throw new KernelConfigurationException($"{source}: not valid JSON: {e.Message}", e);
        }

        string Text(string name, string? fallback = null) =>
            o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s
            : fallback ?? throw new KernelConfigurationException($"{source}: missing \"{name}\"");

        int Port(string name) =>
            o[name] is JsonValue v && v.TryGetValue<int>(out var p) && p is > 0 and < 65536 ? p
            : throw new KernelConfigurationException($"{source}: \"{name}\" must be a port number between 1 and 65535");

        var transport = Text("transport", "tcp");
        if (transport != "tcp")
            throw new KernelConfigurationException($"{source}: transport \"{transport}\" is not supported; use \"tcp\"");
        var scheme = Text("signature_scheme", "hmac-sha256");
        if (scheme != "hmac-sha256")
            throw new KernelConfigurationException($"{source}: signature_scheme \"{scheme}\" is not supported; use \"hmac-sha256\"");
        return new ConnectionFile(transport, Text("ip"), Port("shell_port"), Port("iopub_port"), Port("stdin_port"),
            Port("control_port"), Port("hb_port"), scheme, Text("key", ""));
    }

    /// <summary>This connection as connection-file JSON (what a front end would write).</summary>
    public string ToJson() => new JsonObject
    {
        ["transport"] = Transport,
        ["ip"] = Ip,
        ["shell_port"] = ShellPort,
        ["iopub_port"] = IOPubPort,
        ["stdin_port"] = StdinPort,
        ["control_port"] = ControlPort,
        ["hb_port"] = HeartbeatPort,
        ["signature_scheme"] = SignatureScheme,
        ["key"] = Key,
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}

/// <summary>The kernel cannot start as asked: a bad connection file or kernelspec location. Reported in one line.</summary>
public sealed class KernelConfigurationException : Exception
{
    /// <summary>Creates the error with a message a person can act on.</summary>
    public KernelConfigurationException(string message, Exception? inner = null) : base(message, inner) { }
}
