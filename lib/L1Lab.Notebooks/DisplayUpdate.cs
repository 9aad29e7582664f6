using System.Text.Json.Nodes;

namespace L1Lab.Notebooks;

/// <summary>
/// A live event, never a saved output: the display with <paramref name="DisplayId"/> now shows
/// <paramref name="Bundle"/> (a kernel sends update_display_data). The saved notebook holds the display's final
/// state in place of the original <see cref="DisplayDataOutput"/>.
/// </summary>
/// <param name="Bundle">The new value, formatted to MIME types.</param>
/// <param name="DisplayId">The display it replaces.</param>
public sealed record DisplayUpdate(MimeBundle Bundle, string DisplayId) : CellOutput
{
    /// <summary>The update as the display_data output it turns the display into.</summary>
    public override JsonObject ToJson() => new DisplayDataOutput(Bundle, DisplayId).ToJson();
}
