namespace L1Lab.Authoring.Translation;

/// <summary>
/// One notebook of an edition as the generator sees it: the notebook text it would write, whether the committed
/// file already holds exactly that, and the state of every markdown cell's translation.
/// </summary>
/// <param name="EnglishPath">The English notebook it is generated from.</param>
/// <param name="TranslationPath">Its translation file.</param>
/// <param name="OutputPath">Where the edition's notebook lives.</param>
/// <param name="Json">The generated notebook (nbformat JSON, one-space indent, final newline).</param>
/// <param name="UpToDate">True when <paramref name="OutputPath"/> already holds exactly <paramref name="Json"/>.</param>
/// <param name="Cells">Every English markdown cell, in notebook order, with its translation state.</param>
/// <param name="Orphans">Ids of translation entries that match no English markdown cell (left over after an edit).</param>
public sealed record NotebookTranslation(
    string EnglishPath,
    string TranslationPath,
    string OutputPath,
    string Json,
    bool UpToDate,
    IReadOnlyList<CellTranslation> Cells,
    IReadOnlyList<string> Orphans)
{
    /// <summary>Markdown cells whose translation is current.</summary>
    public int Translated => Cells.Count(c => c.State == CellTranslationState.Translated);

    /// <summary>Cells that need a translator: stale, marked todo, or missing.</summary>
    public IReadOnlyList<CellTranslation> Pending => Cells.Where(c => c.State != CellTranslationState.Translated).ToList();

    /// <summary>True when the committed notebook is current and every cell is translated from the current English.</summary>
    public bool Complete => UpToDate && Pending.Count == 0 && Orphans.Count == 0;
}
