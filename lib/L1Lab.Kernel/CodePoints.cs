namespace L1Lab.Kernel;

/// <summary>Converts between the protocol's cursor positions (Unicode code points) and .NET string indices (UTF-16 units).</summary>
internal static class CodePoints
{
    public static int ToUtf16Index(string text, int codePoints)
    {
        var index = 0;
        for (var n = 0; n < codePoints && index < text.Length; n++)
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length ? 2 : 1;
        return index;
    }

    public static int FromUtf16Index(string text, int index)
    {
        var count = 0;
        for (var i = 0; i < index && i < text.Length; count++)
            i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
        return count;
    }
}
