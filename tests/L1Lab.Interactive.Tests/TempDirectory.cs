namespace L1Lab.Interactive.Tests;

/// <summary>
/// A throwaway folder under the system temp folder, deleted on dispose. Its path stays short: dotnet-interactive
/// creates Unix domain sockets in the one given to it as TMPDIR, and a socket path has at most 107 bytes.
/// </summary>
sealed class TempDirectory : IDisposable
{
    public TempDirectory(string purpose)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"l1lab-di-{purpose}-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
