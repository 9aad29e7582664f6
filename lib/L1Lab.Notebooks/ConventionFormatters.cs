using System.Collections;
using System.Globalization;
using System.Reflection;

namespace L1Lab.Notebooks;

/// <summary>
/// The formatters that types declare for themselves, found the way .NET Interactive finds them without a reference
/// to it: an attribute on the type (or a base type) whose class is named <c>TypeFormatterSourceAttribute</c>, whose
/// <c>FormatterSourceType</c> has a public parameterless constructor and a public <c>CreateTypeFormatters()</c>
/// returning objects with <c>string MimeType</c>, optional <c>Type Type</c> and <c>bool Format(object, TextWriter)</c>.
/// The same attribute on an assembly contributes formatters for types the assembly does not own (each formatter's
/// <c>Type</c> says which): every loaded assembly is asked, and such formatters replace the type's own (the course
/// library shows a tensor's values, TorchSharp's own formatter only its shape). That is how tensors and DataFrames get
/// their notebook look while the engine references neither TorchSharp nor Microsoft.Data.Analysis.
/// One instance is one session: each formatter source is created once and reused, so a source can keep per-session
/// state (L1Lab's figures inline plotly.js in the first figure of a session only).
/// </summary>
internal sealed class ConventionFormatters
{
    const string AttributeName = "TypeFormatterSourceAttribute";

    readonly object _gate = new();
    readonly Dictionary<Type, IReadOnlyList<Formatter>> _bySource = [];
    readonly Dictionary<Type, IReadOnlyList<Formatter>> _byType = [];
    readonly Dictionary<Assembly, IReadOnlyList<Type>> _byAssembly = [];
    int _assembliesSeen;

    sealed record Formatter(string MimeType, Type? Type, object Instance, MethodInfo Format);

    /// <summary>
    /// Adds every representation the value's type declares to <paramref name="data"/> (MIME type → text), in the order
    /// the source gives them; false when the type declares no formatter source.
    /// </summary>
    public bool TryFormat(object value, IDictionary<string, string> data)
    {
        var type = value.GetType();
        var formatters = For(type);
        if (formatters.Count == 0) return false;
        foreach (var f in formatters)
        {
            if (data.ContainsKey(f.MimeType) || !(f.Type ?? type).IsInstanceOfType(value)) continue;
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            try
            {
                if (f.Format.Invoke(f.Instance, [value, writer]) is true) data[f.MimeType] = writer.ToString();
            }
            catch (TargetInvocationException e) when (e.InnerException is not OutOfMemoryException)
            {
                // A representation that fails is left out; the others (and text/plain) still show.
            }
        }
        return true;
    }

    IReadOnlyList<Formatter> For(Type type)
    {
        lock (_gate)
        {
            // An assembly loaded since (a #r in a later cell) may contribute formatters: ask again.
            var assemblies = AppDomain.CurrentDomain.GetAssemblies();
            if (assemblies.Length != _assembliesSeen)
            {
                _assembliesSeen = assemblies.Length;
                _byType.Clear();
            }
            if (_byType.TryGetValue(type, out var known)) return known;
            var found = new List<Formatter>();
            foreach (var assembly in assemblies)
                foreach (var sourceType in AssemblySources(assembly))
                    found.AddRange(FromSource(sourceType).Where(f => f.Type is { } t && t.IsAssignableFrom(type)));
            if (found.Count > 0) return _byType[type] = found;
            foreach (var attribute in type.GetCustomAttributes(inherit: true).Where(a => a.GetType().Name == AttributeName))
                if (attribute.GetType().GetProperty("FormatterSourceType")?.GetValue(attribute) is Type sourceType)
                    found.AddRange(FromSource(sourceType));
            return _byType[type] = found;
        }
    }

    /// <summary>The formatter sources an assembly-level attribute of <paramref name="assembly"/> names (read without running any attribute code).</summary>
    IReadOnlyList<Type> AssemblySources(Assembly assembly)
    {
        if (_byAssembly.TryGetValue(assembly, out var known)) return known;
        List<Type> sources = [];
        try
        {
            foreach (var data in assembly.GetCustomAttributesData())
                if (data.AttributeType.Name == AttributeName && data.ConstructorArguments is [{ Value: Type source }])
                    sources.Add(source);
        }
        catch (Exception e) when (e is FileNotFoundException or TypeLoadException or BadImageFormatException or NotSupportedException)
        {
            // An assembly whose attributes cannot be read contributes nothing.
        }
        return _byAssembly[assembly] = sources;
    }

    IReadOnlyList<Formatter> FromSource(Type sourceType)
    {
        if (_bySource.TryGetValue(sourceType, out var known)) return known;
        var formatters = new List<Formatter>();
        IEnumerable? created;
        try
        {
            var source = Activator.CreateInstance(sourceType);
            created = sourceType.GetMethod("CreateTypeFormatters", Type.EmptyTypes)?.Invoke(source, null) as IEnumerable;
        }
        catch (Exception e) when (e is MissingMethodException or TargetInvocationException or MemberAccessException or ArgumentException)
        {
            created = null; // a source that cannot be made contributes nothing; the value falls back to the default formatting
        }
        if (created is not null)
            foreach (var formatter in created)
            {
                if (formatter is null) continue;
                var t = formatter.GetType();
                var format = t.GetMethod("Format", [typeof(object), typeof(TextWriter)]);
                if (t.GetProperty("MimeType")?.GetValue(formatter) is string mime && format is not null && format.ReturnType == typeof(bool))
                    formatters.Add(new Formatter(mime, t.GetProperty("Type")?.GetValue(formatter) as Type, formatter, format));
            }
        return _bySource[sourceType] = formatters;
    }
}
