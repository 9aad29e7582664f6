using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Data.Analysis;
using TorchSharp;

namespace L1Lab.Visuals;

/// <summary>
/// Gives Microsoft's .NET Interactive (Polyglot Notebooks, the dotnet-interactive Jupyter kernel) the course's look
/// for tensors and DataFrames. .NET Interactive honours <see cref="TypeFormatterSourceAttribute"/> only on the
/// formatted type itself, and TorchSharp and Microsoft.Data.Analysis own those types, so when this library is loaded
/// into a process where .NET Interactive's formatting assembly already runs, it registers the formatters of
/// <see cref="ValueFormatterSource"/> there through that assembly's public <c>Formatter.Register(Type,
/// Action&lt;object, TextWriter&gt;, string)</c>, found by name: the library does not reference .NET Interactive.
/// Elsewhere (L1Lab's own engine and kernel, console apps) this does nothing.
/// </summary>
internal static class InteractiveValueFormatters
{
    const string FormattingAssembly = "Microsoft.DotNet.Interactive.Formatting";
    const string FormatterType = "Microsoft.DotNet.Interactive.Formatting.Formatter";

#pragma warning disable CA2255 // Module initializers are meant for apps; here the library must act when a notebook's #r loads it.
    [ModuleInitializer]
    internal static void Register()
#pragma warning restore CA2255
    {
        var formatter = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => a.GetName().Name == FormattingAssembly)?.GetType(FormatterType);
        var register = formatter?.GetMethod("Register", BindingFlags.Public | BindingFlags.Static,
            [typeof(Type), typeof(Action<object, TextWriter>), typeof(string)]);
        var prefer = formatter?.GetMethod("SetPreferredMimeTypesFor", BindingFlags.Public | BindingFlags.Static, [typeof(Type), typeof(string[])]);
        if (register is null || prefer is null) return;

        foreach (var f in new ValueFormatterSource().CreateTypeFormatters())
        {
            Action<object, TextWriter> write = (value, writer) => f.Format(value, writer);
            register.Invoke(null, [f.Type, write, f.MimeType]);
        }
        // What .NET Interactive shows first: a tensor's values (its HTML would be an object table), a DataFrame's table.
        prefer.Invoke(null, [typeof(torch.Tensor), new[] { "text/plain" }]);
        prefer.Invoke(null, [typeof(DataFrame), new[] { "text/html", "text/plain" }]);
    }
}
