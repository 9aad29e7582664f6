namespace L1Lab.Authoring.Translation;

/// <summary>Where the translation of one English markdown cell stands.</summary>
public enum CellTranslationState
{
    /// <summary>Translated from the current English text.</summary>
    Translated,

    /// <summary>Translated, but the English text has changed since (its hash differs); the old translation is used.</summary>
    Stale,

    /// <summary>An entry marked <c>todo</c>: it still needs a translator; the English text is used.</summary>
    Todo,

    /// <summary>No entry at all; the English text is used.</summary>
    Missing,
}
