using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace L1Lab;

/// <summary>
/// What the compiler builds from <c>words.Say($"…")</c>: the sentence as a composite format (the English text with
/// its holes numbered, <c>"{0} of {1} weights are zero"</c>) and the values of the holes. The format is the key under
/// which <see cref="Words"/> finds the sentence in another language, so a notebook writes plain English
/// interpolation and the Chinese edition still prints Chinese with the same numbers.
/// </summary>
[InterpolatedStringHandler]
public struct SentenceHandler
{
    readonly StringBuilder _format;
    readonly List<object?> _arguments;

    /// <summary>Called by the compiler with the total length of the literal parts and the number of holes.</summary>
    public SentenceHandler(int literalLength, int formattedCount)
    {
        _format = new StringBuilder(literalLength + 6 * formattedCount);
        _arguments = new List<object?>(formattedCount);
    }

    /// <summary>The English sentence as a composite format: literal braces doubled, holes as <c>{i[,alignment][:format]}</c>.</summary>
    public readonly string Format => _format?.ToString() ?? "";

    /// <summary>The values of the holes, in order.</summary>
    public readonly IReadOnlyList<object?> Arguments => _arguments ?? [];

    /// <summary>Adds literal text.</summary>
    public readonly void AppendLiteral(string value) => _format.Append(Escape(value));

    /// <summary>Adds a hole.</summary>
    public readonly void AppendFormatted<T>(T value) => Hole(value, null, null);

    /// <summary>Adds a hole with a format (<c>{x:P1}</c>).</summary>
    public readonly void AppendFormatted<T>(T value, string? format) => Hole(value, null, format);

    /// <summary>Adds a hole with an alignment (<c>{x,8}</c>).</summary>
    public readonly void AppendFormatted<T>(T value, int alignment) => Hole(value, alignment, null);

    /// <summary>Adds a hole with an alignment and a format (<c>{x,8:F1}</c>).</summary>
    public readonly void AppendFormatted<T>(T value, int alignment, string? format) => Hole(value, alignment, format);

    /// <summary>A literal as composite-format text: braces doubled.</summary>
    public static string Escape(string literal) => literal.Replace("{", "{{").Replace("}", "}}");

    readonly void Hole(object? value, int? alignment, string? format)
    {
        _format.Append('{').Append(_arguments.Count.ToString(CultureInfo.InvariantCulture));
        if (alignment is int a) _format.Append(',').Append(a.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(format)) _format.Append(':').Append(format);
        _format.Append('}');
        _arguments.Add(value);
    }
}
