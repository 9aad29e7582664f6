using System.Globalization;
using System.Runtime.CompilerServices;

namespace L1Lab.Lessons;

/// <summary>
/// The host of a course notebook exported as a .NET file-based app (<c>l1lab notebooks export --to cs</c>): what the
/// notebook front end gives a cell, for a plain <c>dotnet run lessons/NN-name.cs</c>. It reads the command line
/// (<see cref="LessonArguments"/>), gives each parameter its value (<see cref="Parameter{T}"/>), and shows values
/// (<see cref="Display"/>): text on the console, figures and images as self-contained SVG or HTML files in <c>out/</c>
/// next to the lesson, whose paths it prints. Library progress (training, sweeps) draws through it as in a notebook.
/// </summary>
public sealed class Lesson
{
    readonly LessonArguments _arguments;
    readonly IReadOnlyDictionary<string, string> _quick;
    readonly LessonOutput _output;

    Lesson(LessonArguments arguments, IReadOnlyDictionary<string, string> quick, LessonOutput output)
    {
        _arguments = arguments;
        _quick = quick;
        _output = output;
    }

    /// <summary>
    /// Starts the lesson: reads <paramref name="args"/> against the <paramref name="parameters"/> it declares and its
    /// <paramref name="quick"/> values (<c>name=value</c>, from the notebook's metadata), and routes library progress to
    /// the console. A bad argument prints one line and ends the process with exit code 2, before any work; <c>--help</c>
    /// prints the parameters and ends it with 0.
    /// </summary>
    public static Lesson Start(string[] args, IReadOnlyList<string> parameters, IReadOnlyList<string> quick, [CallerFilePath] string lessonFile = "")
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(quick);
        var name = Path.GetFileNameWithoutExtension(lessonFile);
        LessonArguments arguments;
        try
        {
            arguments = LessonArguments.Parse(args, [.. parameters]);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"{name}: {e.Message}");
            Environment.Exit(2);
            throw; // unreachable
        }
        if (arguments.Help)
        {
            Console.WriteLine($"{name}: parameters {string.Join(", ", parameters)}; quick values {(quick.Count == 0 ? "none" : string.Join(", ", quick))}");
            Console.WriteLine(LessonArguments.Usage);
            Environment.Exit(0);
        }
        var quickValues = quick
            .Select(q => q.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
        var folder = arguments.FiguresFolder ?? Path.Combine(Path.GetDirectoryName(lessonFile) ?? ".", "out");
        var output = new LessonOutput(name, folder, Console.Out);
        AmbientDisplay.Enter(output.Show);
        return new Lesson(arguments, quickValues, output);
    }

    /// <summary>
    /// The value of parameter <paramref name="name"/>: a <c>--set</c> value, else with <c>--quick</c> the quick value,
    /// else <paramref name="value"/> as written in the notebook. A value that is not a <typeparamref name="T"/> prints one
    /// line and ends the process with exit code 2.
    /// </summary>
    public T Parameter<T>(string name, T value)
    {
        string? text = _arguments.Overrides.TryGetValue(name, out var set) ? set
            : _arguments.Quick && _quick.TryGetValue(name, out var q) ? q
            : null;
        if (text is null) return value;
        if (TryParse(text.Trim(), out T parsed))
        {
            _output.Text($"{name} = {text.Trim()}{(_arguments.Overrides.ContainsKey(name) ? "" : " (quick)")}");
            return parsed;
        }
        Console.Error.WriteLine($"{_output.LessonName}: --set {name}={text}: {name} is {Describe(typeof(T))} (as written: {Convert.ToString(value, CultureInfo.InvariantCulture)})");
        Environment.Exit(2);
        return value; // unreachable
    }

    /// <summary>Shows <paramref name="value"/> as a notebook cell would (the notebook's <c>display(x)</c> and a cell's last expression); returns its handle.</summary>
    public LessonDisplay Display(object? value) => new(_output.Show(value));

    static bool TryParse<T>(string text, out T value)
    {
        var inv = CultureInfo.InvariantCulture;
        object? result = typeof(T) switch
        {
            var t when t == typeof(string) => text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1] : text,
            var t when t == typeof(int) => int.TryParse(text, NumberStyles.Integer, inv, out var i) ? i : null,
            var t when t == typeof(long) => long.TryParse(text, NumberStyles.Integer, inv, out var l) ? l : null,
            var t when t == typeof(double) => double.TryParse(text, NumberStyles.Float, inv, out var d) ? d : null,
            var t when t == typeof(float) => float.TryParse(text, NumberStyles.Float, inv, out var f) ? f : null,
            var t when t == typeof(decimal) => decimal.TryParse(text, NumberStyles.Float, inv, out var m) ? m : null,
            var t when t == typeof(bool) => bool.TryParse(text, out var b) ? b : null,
            _ => null,
        };
        value = result is T typed ? typed : default!;
        return result is T;
    }

    static string Describe(Type type) =>
        type == typeof(int) || type == typeof(long) ? "an integer"
        : type == typeof(bool) ? "true or false"
        : type == typeof(string) ? "a string"
        : "a number";
}
