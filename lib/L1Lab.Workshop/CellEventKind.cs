namespace L1Lab.Workshop;

/// <summary>What a line from the grading child reports; written in lower case on the wire ("started", "cell", …).</summary>
public enum CellEventKind
{
    /// <summary>The child is up and about to run the notebook.</summary>
    Started,
    /// <summary>One cell's outcome.</summary>
    Cell,
    /// <summary>Every cell was reported.</summary>
    Done,
    /// <summary>The notebook could not be run at all (not a notebook, a bad parameter).</summary>
    Error,
}
