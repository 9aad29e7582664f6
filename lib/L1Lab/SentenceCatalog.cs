using System.Text.RegularExpressions;

namespace L1Lab;

/// <summary>
/// The catalog file (notebooks/&lt;lang&gt;/translations/printed-sentences.md, embedded in the library): after a
/// leading comment, entries <c>&lt;!-- en: ENGLISH FORMAT --&gt;</c> followed by the sentence in the language.
/// </summary>
public static partial class SentenceCatalog
{
    /// <summary>The entries of a catalog text, English format → translated format.</summary>
    /// <exception cref="FormatException">Text outside an entry, an empty entry or a repeated key (naming the line).</exception>
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var i = 0;
        if (lines.Length > 0 && lines[0].StartsWith("<!--", StringComparison.Ordinal) && !Header().IsMatch(lines[0]))
            while (i < lines.Length && !lines[i++].Contains("-->", StringComparison.Ordinal)) { }
        string? key = null;
        int keyLine = 0;
        var body = new List<string>();
        void Close()
        {
            if (key is null) return;
            var translated = string.Join("\n", body).Trim();
            if (translated.Length == 0) throw new FormatException($"line {keyLine}: the entry has no translation");
            if (!entries.TryAdd(key, translated)) throw new FormatException($"line {keyLine}: the sentence is already in the catalog");
            body.Clear();
        }
        for (; i < lines.Length; i++)
        {
            var header = Header().Match(lines[i]);
            if (header.Success)
            {
                Close();
                key = header.Groups["en"].Value;
                keyLine = i + 1;
            }
            else if (key is null)
            {
                if (lines[i].Trim().Length > 0) throw new FormatException($"line {i + 1}: text before the first <!-- en: … --> entry");
            }
            else body.Add(lines[i]);
        }
        Close();
        return entries;
    }

    [GeneratedRegex(@"^<!-- en: (?<en>.+) -->\s*$")]
    private static partial Regex Header();
}
