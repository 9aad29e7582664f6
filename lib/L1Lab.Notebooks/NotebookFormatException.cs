namespace L1Lab.Notebooks;

/// <summary>The file is not a notebook the engine can read: not JSON, not nbformat 4, or without a cells array.</summary>
public sealed class NotebookFormatException(string path, string reason, Exception? inner = null)
    : NotebookException(path, reason, inner);
