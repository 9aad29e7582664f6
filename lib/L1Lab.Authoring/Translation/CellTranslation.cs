namespace L1Lab.Authoring.Translation;

/// <summary>The state of one English markdown cell in an edition.</summary>
/// <param name="CellId">The cell's id, shared by both editions.</param>
/// <param name="State">Whether its translation is current, stale, to do or missing.</param>
/// <param name="FirstLine">The first line of the English source, to recognise the cell in a report.</param>
public sealed record CellTranslation(string CellId, CellTranslationState State, string FirstLine);
