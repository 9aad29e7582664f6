using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace L1Lab.Kernel;

/// <summary>
/// The cells this kernel session executed with <c>store_history</c>, numbered by execution count, answering
/// <c>history_request</c> the way IPython's history manager does (tail, range, search with a glob pattern, <c>unique</c>
/// and <c>n</c>), so the up-arrow in jupyter-console and qtconsole recalls earlier cells. Only the running session is
/// kept (nothing is written to disk): its number is <see cref="Session"/>, and 0 names it too, as in IPython.
/// </summary>
internal sealed class ExecutionHistory
{
    /// <summary>The number this session's entries carry.</summary>
    public const int Session = 1;

    readonly object _gate = new();
    readonly List<Entry> _entries = [];

    /// <summary>Records cell <paramref name="line"/> (its execution count) with its input and the plain text of its result, if any.</summary>
    public void Add(int line, string input, string? output)
    {
        lock (_gate) _entries.Add(new Entry(line, input, output));
    }

    /// <summary>The history_reply content for a history_request's content.</summary>
    public JsonObject Reply(JsonObject request)
    {
        var output = JupyterMessage.Flag(request, "output", false);
        List<Entry> entries;
        lock (_gate) entries = [.. _entries];
        var selected = JupyterMessage.Text(request, "hist_access_type") switch
        {
            "tail" => Last(entries, Number(request, "n") ?? 10),
            "range" => Range(entries, Number(request, "session") ?? 0, Number(request, "start") ?? 1, Number(request, "stop")),
            "search" => Search(entries, JupyterMessage.Text(request, "pattern"), JupyterMessage.Flag(request, "unique", false), Number(request, "n")),
            _ => [],
        };
        return new JsonObject
        {
            ["status"] = "ok",
            ["history"] = new JsonArray([.. selected.Select(e => (JsonNode)new JsonArray(Session, e.Line,
                output ? new JsonArray(e.Input, e.Output) : JsonValue.Create(e.Input)))]),
        };
    }

    static List<Entry> Last(List<Entry> entries, int n) => n <= 0 ? [] : entries.Skip(Math.Max(0, entries.Count - n)).ToList();

    /// <summary>Lines start ≤ line &lt; stop of the session (stop absent or 0: to the end); another session has nothing.</summary>
    static List<Entry> Range(List<Entry> entries, int session, int start, int? stop) =>
        session is 0 or Session
            ? entries.Where(e => e.Line >= start && (stop is not { } end || end <= 0 || e.Line < end)).ToList()
            : [];

    /// <summary>
    /// Inputs matching the glob <paramref name="pattern"/> as a whole (<c>*</c> any text, <c>?</c> one character), oldest
    /// first; with <paramref name="unique"/> an input appears once, at its latest line; with <paramref name="n"/> only the
    /// last n matches.
    /// </summary>
    static List<Entry> Search(List<Entry> entries, string pattern, bool unique, int? n)
    {
        var glob = Glob(pattern.Length == 0 ? "*" : pattern);
        var matches = entries.Where(e => glob.IsMatch(e.Input)).ToList();
        if (unique)
            matches = matches.Where((e, i) => !matches.Skip(i + 1).Any(later => later.Input == e.Input)).ToList();
        return n is { } last ? Last(matches, last) : matches;
    }

    static Regex Glob(string pattern)
    {
        var regex = new StringBuilder("^");
        foreach (var c in pattern)
            regex.Append(c switch { '*' => ".*", '?' => ".", _ => Regex.Escape(c.ToString()) });
        return new Regex(regex.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    static int? Number(JsonObject content, string name) =>
        content[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i
        : content[name] is JsonValue d && d.TryGetValue<double>(out var x) ? (int)x
        : null;

    readonly record struct Entry(int Line, string Input, string? Output);
}
