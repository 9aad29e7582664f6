namespace L1Lab.Tests.Shared;

/// <summary>
/// A throwaway folder under the system temp folder, deleted on dispose. Its path stays short: dotnet-interactive
/// creates Unix domain sockets in the one given to it as TMPDIR, and a socket path has at most 107 bytes.
/// </summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates <c>l1lab-&lt;purpose&gt;-&lt;12 hex digits&gt;</c> in the temp folder.</summary>
    public TempDirectory(string purpose = "test")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"l1lab-{purpose}-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(Path);
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>Deletes the folder and everything in it; a file still held open elsewhere is left behind.</summary>
    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
