namespace L1Lab.Notebooks;

/// <summary>How a <see cref="NotebookSession"/> resolves paths and names its code in messages.</summary>
public sealed record NotebookSessionOptions
{
    /// <summary>Folder that relative <c>#r "file.dll"</c> paths start from: the notebook's folder. Defaults to the current directory.</summary>
    public string BaseDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Name used for the cells' code in stack traces, usually the notebook's file name.</summary>
    public string Name { get; init; } = "notebook";

    /// <summary>When set, each cell keeps at most this many characters of output (streams and displays); the rest is dropped with a note.</summary>
    public int? MaxOutputCharacters { get; init; }
}
