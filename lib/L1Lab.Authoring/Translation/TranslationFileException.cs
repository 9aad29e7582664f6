namespace L1Lab.Authoring.Translation;

/// <summary>A translation file that cannot be read: reported as one line naming the file, the line and the problem.</summary>
public sealed class TranslationFileException(string path, string reason)
    : Exception($"{path}: {reason}")
{
    /// <summary>The translation file, as given.</summary>
    public string FilePath { get; } = path;
}
