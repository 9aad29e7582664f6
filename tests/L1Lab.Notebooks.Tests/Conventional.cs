namespace L1Lab.Notebooks.Tests.Conventional;

// A formatter source declared the way any library can, with no reference to L1Lab.Visuals or .NET Interactive:
// the engine must find it by the attribute's name and the members' names alone.

[AttributeUsage(AttributeTargets.Class)]
public sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    public Type FormatterSourceType { get; } = formatterSourceType;
}

[TypeFormatterSource(typeof(ThermometerFormatters))]
public sealed record Thermometer(double Celsius);

public sealed class ThermometerFormatters
{
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new Writer("text/html", t => FormattableString.Invariant($"<meter value=\"{t.Celsius}\"></meter>")),
        new Writer("text/plain", t => FormattableString.Invariant($"{t.Celsius} °C")),
    ];

    public sealed class Writer(string mimeType, Func<Thermometer, string> write)
    {
        public string MimeType { get; } = mimeType;

        public Type Type => typeof(Thermometer);

        public bool Format(object instance, TextWriter writer)
        {
            if (instance is not Thermometer t) return false;
            writer.Write(write(t));
            return true;
        }
    }
}
