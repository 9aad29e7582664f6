using System.Globalization;

namespace L1Lab.IO;

/// <summary>How L1Lab writes CSV fields: invariant culture, numbers that round-trip, text quoted only when needed (RFC 4180).</summary>
public static class Csv
{
    /// <summary>A number in invariant culture that parses back to the same double ("R" format).</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An integer in invariant culture.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A text field, quoted (with doubled quotes) when it contains a comma, a quote or a line break.</summary>
    public static string Text(string value) => value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : $"\"{value.Replace("\"", "\"\"")}\"";
}
