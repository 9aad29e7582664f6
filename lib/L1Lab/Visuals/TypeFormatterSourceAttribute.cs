namespace L1Lab.Visuals;

/// <summary>
/// Names the type that formats values of the marked type as MIME representations. .NET Interactive (Polyglot
/// Notebooks) honours this attribute by convention, matching only its name and members, so figures and images draw
/// there with no package reference to it; L1Lab's own notebook engine and Jupyter kernel use the same discovery.
/// The source type has a public parameterless constructor and a public <c>CreateTypeFormatters()</c> returning objects
/// with <c>string MimeType</c>, <c>Type Type</c> and <c>bool Format(object, TextWriter)</c> (see <see cref="VisualFormatter"/>).
/// On an assembly, it contributes formatters for types the assembly does not own (each formatter's <c>Type</c> says
/// which): L1Lab's engine finds those in every loaded assembly, and prefers them to the type's own (see
/// <see cref="ValueFormatterSource"/>).
/// </summary>
/// <param name="formatterSourceType">The formatter source, e.g. <see cref="VisualFormatterSource"/>.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Assembly, AllowMultiple = false, Inherited = true)]
public sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    /// <summary>The type whose <c>CreateTypeFormatters()</c> gives the formatters.</summary>
    public Type FormatterSourceType { get; } = formatterSourceType;

    /// <summary>MIME types a front end should produce for the marked type, in order of preference.</summary>
    public string[]? PreferredMimeTypes { get; set; }
}
