namespace L1Lab.Notebooks;

/// <summary>A directive line the engine could not honour.</summary>
internal sealed class DirectiveException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}
