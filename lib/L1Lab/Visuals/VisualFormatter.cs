namespace L1Lab.Visuals;

/// <summary>
/// One MIME representation of one type, in the shape .NET Interactive's formatter convention expects:
/// <see cref="MimeType"/>, <see cref="Type"/> and a single <see cref="Format"/> method taking (object, TextWriter).
/// </summary>
public sealed class VisualFormatter
{
    readonly Action<object, TextWriter> _write;

    internal VisualFormatter(Type type, string mimeType, Action<object, TextWriter> write)
    {
        Type = type;
        MimeType = mimeType;
        _write = write;
    }

    /// <summary>The MIME type written, e.g. <c>image/svg+xml</c>.</summary>
    public string MimeType { get; }

    /// <summary>The type of value formatted (and types derived from it).</summary>
    public Type Type { get; }

    /// <summary>Writes <paramref name="instance"/> as <see cref="MimeType"/>; false when it is not a <see cref="Type"/>.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (instance is null || !Type.IsInstanceOfType(instance)) return false;
        _write(instance, writer);
        return true;
    }
}
