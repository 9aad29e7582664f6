using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace L1Lab.Interactive.Tests;

/// <summary>
/// A tiny assembly, compiled by the test, that follows .NET Interactive's convention for formatters without
/// referencing .NET Interactive: it declares its own attribute class named <c>TypeFormatterSourceAttribute</c>
/// (with <c>FormatterSourceType</c> and <c>PreferredMimeTypes</c>), and the source's <c>CreateTypeFormatters()</c>
/// returns plain objects with <c>MimeType</c>, <c>Type</c> and <c>bool Format(object, TextWriter)</c> — the same
/// shape the L1Lab library gives its figures, so this checks the convention and the test client on their own.
/// </summary>
static class ConventionAssembly
{
    /// <summary>The namespace of the compiled types.</summary>
    public const string Namespace = "ConventionProbe";

    /// <summary>What the probe's formatters write, per MIME type (the test looks for these exact texts).</summary>
    public const string Svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"8\"><title>probe picture</title></svg>";
    public const string Html = "<div class=\"probe-picture\"><img alt=\"probe picture\" src=\"data:image/svg+xml;base64,cHJvYmU=\"></div>";
    public const string PlotlyJson = "{\"data\":[{\"type\":\"scatter\",\"x\":[1,2],\"y\":[3,4]}],\"layout\":{}}";

    static readonly string Source = $$"""
        using System;
        using System.Collections.Generic;
        using System.IO;

        namespace {{Namespace}};

        [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = true)]
        public sealed class TypeFormatterSourceAttribute : Attribute
        {
            public TypeFormatterSourceAttribute(Type formatterSourceType) => FormatterSourceType = formatterSourceType;
            public Type FormatterSourceType { get; }
            public string[]? PreferredMimeTypes { get; set; }
        }

        /// A picture that asks for its static image and its HTML, in that order.
        [TypeFormatterSource(typeof(PictureFormatterSource), PreferredMimeTypes = new[] { "image/svg+xml", "text/html" })]
        public sealed class Picture
        {
            public int Height => 8;
            public string PlotlySrc => "not a picture";
        }

        /// A picture with no preference: .NET Interactive's default MIME type (text/html) applies.
        [TypeFormatterSource(typeof(PictureFormatterSource))]
        public sealed class PlainPicture
        {
            public int Height => 8;
        }

        /// The same shape without the attribute: .NET Interactive shows it as a property table.
        public sealed class Unformatted
        {
            public int Height => 8;
            public string PlotlySrc => "not a picture";
        }

        public sealed class PictureFormatterSource
        {
            public IEnumerable<object> CreateTypeFormatters() => new object[]
            {
                new TextFormatter("image/svg+xml", {{Literal(Svg)}}),
                new TextFormatter("text/html", {{Literal(Html)}}),
                new TextFormatter("application/vnd.plotly.v1+json", {{Literal(PlotlyJson)}}),
            };
        }

        public sealed class TextFormatter
        {
            readonly string _text;
            public TextFormatter(string mimeType, string text) { MimeType = mimeType; _text = text; }
            public string MimeType { get; }
            public Type Type => typeof(object);
            public bool Format(object instance, TextWriter writer)
            {
                if (instance is not (Picture or PlainPicture)) return false;
                writer.Write(_text);
                return true;
            }
        }
        """;

    /// <summary>Compiles the probe into <paramref name="folder"/> and returns the assembly's path.</summary>
    public static string Build(string folder)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "netstandard.dll" or "System.Collections.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            Namespace,
            [CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var path = Path.Combine(folder, Namespace + ".dll");
        using (var file = File.Create(path))
        {
            var result = compilation.Emit(file);
            if (!result.Success)
                throw new InvalidOperationException("the convention probe does not compile:\n"
                    + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }
        return path;
    }

    static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
}
