namespace L1Lab.Authoring.Export;

/// <summary>One notebook's lesson file: where it is written, its text, and whether the file there already holds that text.</summary>
/// <param name="NotebookPath">The notebook exported, as given.</param>
/// <param name="OutputPath">The .cs file it becomes.</param>
/// <param name="Text">The lesson's source.</param>
/// <param name="UpToDate">True when <paramref name="OutputPath"/> exists with exactly <paramref name="Text"/>.</param>
public sealed record ExportedLesson(string NotebookPath, string OutputPath, string Text, bool UpToDate);
