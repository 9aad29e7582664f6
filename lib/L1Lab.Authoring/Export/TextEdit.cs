namespace L1Lab.Authoring.Export;

/// <summary>One replacement in a cell's text: <see cref="Length"/> characters at <see cref="Start"/> become <see cref="Text"/> (an insertion when the length is 0).</summary>
readonly record struct TextEdit(int Start, int Length, string Text)
{
    /// <summary><paramref name="text"/> with every edit applied; edits must not overlap (an insertion may sit at a replacement's start).</summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var result = text;
        foreach (var edit in edits.OrderByDescending(e => e.Start).ThenByDescending(e => e.Length))
            result = string.Concat(result.AsSpan(0, edit.Start), edit.Text, result.AsSpan(edit.Start + edit.Length));
        return result;
    }
}
