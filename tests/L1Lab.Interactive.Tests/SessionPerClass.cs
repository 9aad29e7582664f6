namespace L1Lab.Interactive.Tests;

/// <summary>
/// One dotnet-interactive process shared by the tests of a class (a class fixture), started by the first test
/// that asks — inside the test, so a missing tool reports a skip — in its own temporary working folder.
/// </summary>
public sealed class SessionPerClass : IDisposable
{
    readonly TempDirectory _folder = new("session");
    InteractiveSession? _session;

    /// <summary>The session's working folder (removed with it).</summary>
    public string Folder => _folder.Path;

    /// <summary>The running session; the first call starts it and runs <paramref name="prepare"/> on it.</summary>
    public InteractiveSession Get(DotnetInteractiveTool tool, Action<InteractiveSession> prepare)
    {
        if (_session is not null) return _session;
        var session = tool.Start(Folder);
        try
        {
            prepare(session);
        }
        catch
        {
            session.Dispose();
            throw;
        }
        return _session = session;
    }

    public void Dispose()
    {
        _session?.Dispose();
        _folder.Dispose();
    }
}
