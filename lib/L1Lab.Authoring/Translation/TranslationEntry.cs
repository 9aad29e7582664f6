namespace L1Lab.Authoring.Translation;

/// <summary>
/// The translation of one markdown cell, keyed by the English cell's id. <see cref="SourceHash"/> fingerprints the
/// English text it was made from, so an edit to the English cell shows up as a stale translation instead of
/// silently drifting.
/// </summary>
/// <param name="CellId">The English cell's <c>id</c>.</param>
/// <param name="SourceHash">The <see cref="Translation.SourceHash"/> of the English source this text translates.</param>
/// <param name="Text">The translated markdown.</param>
/// <param name="Todo">True while the entry still needs a translator (a new cell, or one whose English changed).</param>
public sealed record TranslationEntry(string CellId, string SourceHash, string Text, bool Todo);
