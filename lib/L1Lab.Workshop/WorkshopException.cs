namespace L1Lab.Workshop;

/// <summary>A notebook the workshop tools cannot use (unreadable, not a notebook, unpaired markers); the message names the file.</summary>
public sealed class WorkshopException(string path, string problem) : Exception($"{path}: {problem}")
{
    /// <summary>The file the problem is in.</summary>
    public string Path { get; } = path;
}
