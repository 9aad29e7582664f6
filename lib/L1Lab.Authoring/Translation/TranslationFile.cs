using System.Text;
using System.Text.RegularExpressions;

namespace L1Lab.Authoring.Translation;

/// <summary>
/// Reads and writes a translation file: plain markdown, so it renders and diffs like the course text, with one
/// entry per English markdown cell. Each entry is a header line
/// <c>&lt;!-- cell: ID | en: HASH --&gt;</c> (or <c>… | todo --&gt;</c> while it needs a translator) followed by
/// the translated markdown, up to the next header. Lines before the first header are a note for editors.
/// </summary>
public static partial class TranslationFile
{
    /// <summary>The entries of the file at <paramref name="path"/>, in file order.</summary>
    /// <exception cref="TranslationFileException">The file cannot be read, a header is malformed, or an id repeats.</exception>
    public static IReadOnlyList<TranslationEntry> Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TranslationFileException(path, $"cannot read the file ({e.Message})");
        }
        return Parse(path, text);
    }

    /// <summary>Parses translation-file text; <paramref name="path"/> names it in errors.</summary>
    /// <exception cref="TranslationFileException">A header is malformed or an id repeats.</exception>
    public static IReadOnlyList<TranslationEntry> Parse(string path, string text)
    {
        var entries = new List<TranslationEntry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        string? id = null, hash = null;
        var todo = false;
        var body = new List<string>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

        void Flush()
        {
            if (id is not null) entries.Add(new TranslationEntry(id, hash!, Trim(body), todo));
            body.Clear();
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (!line.StartsWith("<!-- cell:", StringComparison.Ordinal))
            {
                if (id is not null) body.Add(line);
                continue;
            }
            var match = Header().Match(line);
            if (!match.Success)
                throw new TranslationFileException(path, $"line {i + 1}: expected a header like <!-- cell: ID | en: {new string('0', SourceHash.Length)} --> (optionally ending \"| todo -->\"), found: {line}");
            Flush();
            id = match.Groups["id"].Value;
            hash = match.Groups["hash"].Value;
            todo = match.Groups["todo"].Success;
            if (seen.TryGetValue(id, out var first))
                throw new TranslationFileException(path, $"line {i + 1}: cell {id} already has an entry at line {first}");
            seen[id] = i + 1;
        }
        Flush();
        return entries;
    }

    /// <summary>The file text for <paramref name="entries"/>, after the editors' <paramref name="note"/> (one HTML comment).</summary>
    public static string Format(string note, IEnumerable<TranslationEntry> entries)
    {
        var text = new StringBuilder();
        text.Append("<!--\n").Append(note.TrimEnd()).Append("\n-->\n");
        foreach (var entry in entries)
        {
            text.Append('\n').Append(HeaderFor(entry)).Append('\n');
            text.Append(entry.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n')).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The header line of <paramref name="entry"/>.</summary>
    public static string HeaderFor(TranslationEntry entry) =>
        $"<!-- cell: {entry.CellId} | en: {entry.SourceHash}{(entry.Todo ? " | todo" : "")} -->";

    /// <summary>Writes <paramref name="entries"/> to <paramref name="path"/> atomically.</summary>
    public static void Save(string path, string note, IEnumerable<TranslationEntry> entries) =>
        L1Lab.IO.AtomicFile.WriteAllText(path, Format(note, entries));

    /// <summary>The body lines without the blank lines that separate entries.</summary>
    static string Trim(List<string> lines)
    {
        var start = 0;
        var end = lines.Count;
        while (start < end && lines[start].Trim().Length == 0) start++;
        while (end > start && lines[end - 1].Trim().Length == 0) end--;
        return string.Join("\n", lines.Skip(start).Take(end - start));
    }

    [GeneratedRegex(@"^<!-- cell: (?<id>[^\s|]+) \| en: (?<hash>[0-9a-f]{12})(?<todo> \| todo)? -->\s*$")]
    private static partial Regex Header();
}
