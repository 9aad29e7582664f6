using System.Security.Cryptography;
using System.Text;

namespace L1Lab.Authoring.Translation;

/// <summary>
/// A short fingerprint of a cell's English source (the first 12 hex digits of its SHA-256, line endings
/// normalised to <c>\n</c>), stored next to each translation to tell when the English has changed since.
/// </summary>
public static class SourceHash
{
    /// <summary>Hex digits kept: enough to tell edits apart, short enough to read in a diff.</summary>
    public const int Length = 12;

    /// <summary>The fingerprint of <paramref name="source"/>.</summary>
    public static string Of(string source)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(source.Replace("\r\n", "\n", StringComparison.Ordinal)));
        return Convert.ToHexStringLower(bytes)[..Length];
    }
}
