using System.Text;

namespace L1Lab.Notebooks;

/// <summary>
/// The directives of one cell and its code with those lines blanked (so line numbers in compiler messages
/// still match the cell). Supported: <c>#r "nuget: Name, Version"</c>, <c>#r "path.dll"</c>, and
/// <c>#!csharp</c> as the first line. Any other <c>#!</c> magic command, <c>#i</c> and <c>#load</c> are errors.
/// </summary>
internal sealed record CellDirectives(string Code, IReadOnlyList<CellDirectives.Package> Packages, IReadOnlyList<CellDirectives.AssemblyFile> Assemblies)
{
    public sealed record Package(int Line, string Name, string? Version);

    public sealed record AssemblyFile(int Line, string Path);

    public static CellDirectives Parse(string source)
    {
        var lines = source.Split('\n');
        var code = new StringBuilder();
        var packages = new List<Package>();
        var assemblies = new List<AssemblyFile>();
        var seenCode = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i];
            var line = raw.Trim();
            var number = i + 1;
            var directive = true;
            if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                var name = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0];
                if (seenCode || !(name is "#!csharp" or "#!c#" or "#!C#"))
                    throw new DirectiveException(number, $"the magic command {name} is not supported (the L1Lab engine runs C# only; supported directives: #r \"nuget: Name, Version\", #r \"file.dll\", #!csharp as the first line)");
            }
            else if (IsDirective(line, "#r"))
            {
                var argument = Quoted(line, "#r", number);
                if (argument.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
                {
                    var parts = argument["nuget:".Length..].Split(',', StringSplitOptions.TrimEntries);
                    if (parts.Length > 2 || parts[0].Length == 0)
                        throw new DirectiveException(number, $"#r \"{argument}\" is not of the form #r \"nuget: Name, Version\"");
                    packages.Add(new Package(number, parts[0], parts.Length == 2 && parts[1].Length > 0 ? parts[1] : null));
                }
                else
                {
                    assemblies.Add(new AssemblyFile(number, argument));
                }
            }
            else if (IsDirective(line, "#i"))
            {
                throw new DirectiveException(number, "#i (package sources) is not supported: packages come from the sources of the nearest NuGet.config above the notebook, else the user's");
            }
            else if (IsDirective(line, "#load"))
            {
                throw new DirectiveException(number, "#load is not supported: put shared code in the L1Lab library and #r it");
            }
            else
            {
                directive = false;
                if (line.Length > 0) seenCode = true;
            }

            if (!directive) code.Append(raw);
            if (i < lines.Length - 1) code.Append('\n');
        }
        return new CellDirectives(code.ToString(), packages, assemblies);
    }

    static bool IsDirective(string line, string name) =>
        line.StartsWith(name, StringComparison.Ordinal) && (line.Length == name.Length || char.IsWhiteSpace(line[name.Length]) || line[name.Length] == '"');

    static string Quoted(string line, string name, int number)
    {
        var rest = line[name.Length..].Trim();
        if (rest.Length < 2 || rest[0] != '"' || rest.IndexOf('"', 1) is var end && end < 0)
            throw new DirectiveException(number, $"{name} needs a quoted argument, e.g. {name} \"nuget: TorchSharp-cpu, 0.107.0\"");
        if (rest[(end + 1)..].Trim() is { Length: > 0 } tail && !tail.StartsWith("//", StringComparison.Ordinal))
            throw new DirectiveException(number, $"unexpected text after {name} \"...\": {tail}");
        return rest[1..end].Trim();
    }
}
