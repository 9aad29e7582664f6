using System.Globalization;
using System.Text;

namespace L1Lab;

/// <summary>
/// The language of the sentences a notebook prints. Code cells are shared by every edition of the course, so a cell
/// that reads its result in words writes the English sentence, <c>words.Say($"{zeros:P0} of the weights are zero")</c>,
/// and gets it back in the edition's language with the same numbers. The setup cell says which language:
/// <c>var words = Words.English;</c>, which <c>l1lab notebooks translate --lang zh-CN</c> rewrites to
/// <c>Words.For("zh-CN")</c> in the Chinese edition. A value held by the notebook, not a static setting: two
/// notebooks in one process (tests, the CLI) cannot change each other's language.
/// </summary>
public sealed class Words
{
    /// <summary>The languages with a catalog of printed sentences, besides English.</summary>
    public static IReadOnlyList<string> Translated { get; } = ["zh-CN"];

    /// <summary>Prints every sentence as written.</summary>
    public static Words English { get; } = new("en", new Dictionary<string, string>(StringComparer.Ordinal));

    static readonly Lazy<Words> Chinese = new(() => new Words("zh-CN", SentenceCatalog.Parse(ReadResource("zh-CN"))));

    readonly IReadOnlyDictionary<string, string> _sentences;

    Words(string language, IReadOnlyDictionary<string, string> sentences)
    {
        Language = language;
        _sentences = sentences;
    }

    /// <summary>The language's name ("en", "zh-CN").</summary>
    public string Language { get; }

    /// <summary>The sentences of <paramref name="language"/>: "en" or one of <see cref="Translated"/>.</summary>
    /// <exception cref="ArgumentException">No catalog for that language (one line naming the known ones).</exception>
    public static Words For(string language) => language switch
    {
        "en" => English,
        "zh-CN" => Chinese.Value,
        _ => throw new ArgumentException($"no printed sentences for language '{language}' (known: en, {string.Join(", ", Translated)})", nameof(language)),
    };

    /// <summary>The sentence in this language, its holes filled with the values the English interpolation holds.</summary>
    /// <remarks>A sentence the catalog lacks comes back in English (a test keeps the catalog complete).</remarks>
    public string Say(SentenceHandler sentence) => Fill(sentence.Format, sentence.Arguments);

    /// <summary>A sentence without holes, in this language.</summary>
    public string Say(string sentence) => Fill(SentenceHandler.Escape(sentence), []);

    /// <summary>The catalog's form of the English composite format <paramref name="format"/>, or null when it has none.</summary>
    public string? Translation(string format) => _sentences.TryGetValue(format, out var s) ? s : null;

    /// <summary>Every English composite format the catalog translates.</summary>
    public IEnumerable<string> Keys => _sentences.Keys;

    string Fill(string format, IReadOnlyList<object?> arguments) =>
        string.Format(CultureInfo.CurrentCulture, Translation(format) ?? format, arguments.ToArray());

    static string ReadResource(string language)
    {
        var name = $"L1Lab.Words.{language}.md";
        using var stream = typeof(Words).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"L1Lab.dll has no resource {name}; rebuild lib/L1Lab");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
