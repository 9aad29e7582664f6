namespace L1Lab.Lessons;

/// <summary>
/// The command line of an exported lesson (<c>dotnet run lessons/NN-name.cs -- [--quick] [--set name=value]… [--figures DIR]</c>):
/// which parameters to override, whether to use the quick values the notebook declares, and where figures go.
/// </summary>
public sealed record LessonArguments
{
    /// <summary>The usage line printed with <c>--help</c> and after a bad argument.</summary>
    public const string Usage = "options: --quick (the notebook's quick values), --set name=value (repeatable), --figures DIR (default: out/ next to the lesson)";

    /// <summary>True with <c>--quick</c>: every parameter with a quick value starts from it.</summary>
    public bool Quick { get; init; }

    /// <summary>The <c>--set</c> values, name → text, the last one winning.</summary>
    public IReadOnlyDictionary<string, string> Overrides { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The folder given with <c>--figures</c>, or null for the default.</summary>
    public string? FiguresFolder { get; init; }

    /// <summary>True with <c>--help</c>.</summary>
    public bool Help { get; init; }

    /// <summary>Reads <paramref name="args"/>; <paramref name="declared"/> are the parameters the lesson has.</summary>
    /// <exception cref="ArgumentException">An unknown option, a malformed <c>--set</c>, or a name the lesson does not declare; the message is one line.</exception>
    public static LessonArguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> declared)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        var quick = false;
        var help = false;
        string? figures = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value(string option) => i + 1 < args.Count
                ? args[++i]
                : throw new ArgumentException($"{option} needs a value");
            switch (arg)
            {
                case "--quick":
                    quick = true;
                    break;
                case "--help" or "-h":
                    help = true;
                    break;
                case "--figures":
                    figures = Value(arg);
                    break;
                case "--set":
                    var assignment = Value(arg);
                    var equals = assignment.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0)
                        throw new ArgumentException($"--set {assignment}: write name=value, e.g. --set {declared.FirstOrDefault() ?? "epochs"}=1");
                    var name = assignment[..equals].Trim();
                    if (!declared.Contains(name))
                        throw new ArgumentException($"--set {name}: this lesson has no such parameter (it has {(declared.Count == 0 ? "none" : string.Join(", ", declared))})");
                    overrides[name] = assignment[(equals + 1)..];
                    break;
                default:
                    throw new ArgumentException($"{arg}: unknown option ({Usage})");
            }
        }
        return new LessonArguments { Quick = quick, Overrides = overrides, FiguresFolder = figures, Help = help };
    }
}
