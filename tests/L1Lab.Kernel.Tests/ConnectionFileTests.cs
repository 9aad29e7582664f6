namespace L1Lab.Kernel.Tests;

public sealed class ConnectionFileTests
{
    [Fact]
    public void A_jupyter_connection_file_gives_the_endpoints_and_key()
    {
        var connection = ConnectionFile.Parse("""
            {"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004, "hb_port": 5005,
             "ip": "127.0.0.1", "key": "abc", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "l1lab-csharp"}
            """);

        Assert.Equal("tcp://127.0.0.1:5001", connection.Endpoint(connection.ShellPort));
        Assert.Equal(5005, connection.HeartbeatPort);
        Assert.Equal("abc", connection.Key);
        Assert.Equal(connection, ConnectionFile.Parse(connection.ToJson()));
    }

    [Theory]
    [InlineData("""{"transport": "ipc", "ip": "kernel", "shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5}""", "transport \"ipc\" is not supported")]
    [InlineData("""{"ip": "127.0.0.1", "shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "signature_scheme": "hmac-md5"}""", "hmac-md5")]
    [InlineData("""{"ip": "127.0.0.1", "shell_port": 1}""", "\"iopub_port\" must be a port number")]
    [InlineData("not json", "not valid JSON")]
    public void Unsupported_or_incomplete_connection_files_are_refused_with_a_reason(string json, string reason)
    {
        var e = Assert.Throws<KernelConfigurationException>(() => ConnectionFile.Parse(json, "kernel-1.json"));

        Assert.StartsWith("kernel-1.json: ", e.Message);
        Assert.Contains(reason, e.Message);
    }
}
