namespace L1Lab.Notebooks;

/// <summary>A <c>--set name=value</c> override does not fit the notebook's <c>parameters</c> cell.</summary>
public sealed class NotebookParameterException(string path, string reason)
    : NotebookException(path, reason);
