namespace L1Lab.Notebooks;

/// <summary>
/// A problem with a notebook or with how it was asked to run, reported as one line
/// <c>&lt;file&gt;: &lt;reason&gt;</c> that a person can act on, never as a stack trace.
/// </summary>
public class NotebookException : Exception
{
    /// <summary>Creates the error for <paramref name="path"/> with a human <paramref name="reason"/>.</summary>
    public NotebookException(string path, string reason, Exception? inner = null)
        : base($"{path}: {reason}", inner)
    {
        NotebookPath = path;
        Reason = reason;
    }

    /// <summary>The notebook the problem is about, as given by the caller.</summary>
    public string NotebookPath { get; }

    /// <summary>What is wrong, without the file name.</summary>
    public string Reason { get; }
}
