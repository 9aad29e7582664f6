using System.Globalization;
using L1Lab.Visuals;

namespace L1Lab.Lessons;

/// <summary>
/// Where a lesson's displayed values go: text on the console (tensors and tables in the notebooks' own text form),
/// figures as SVG files and images as HTML files (a data URI, nothing to fetch) in the figures folder, named
/// <c>NN-name-figK.svg</c> in display order, with their paths printed. Progress lines redraw in place on a terminal and
/// are printed every few seconds when the output is redirected.
/// </summary>
sealed class LessonOutput
{
    static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);

    readonly string _folder;
    readonly TextWriter _console;
    readonly object _gate = new();
    readonly IReadOnlyList<VisualFormatter> _textFormatters =
        [.. new ValueFormatterSource().CreateTypeFormatters().Where(f => f.MimeType == "text/plain")];
    int _figures;
    bool _progressOpen;
    DateTime _lastProgress = DateTime.MinValue;

    public LessonOutput(string lessonName, string folder, TextWriter console)
    {
        LessonName = lessonName;
        _folder = folder;
        _console = console;
        if (Directory.Exists(folder))
            foreach (var stale in Directory.EnumerateFiles(folder, $"{lessonName}-fig*.*"))
                File.Delete(stale);
    }

    public string LessonName { get; }

    /// <summary>Prints a line of text (closing a progress line first).</summary>
    public void Text(string text)
    {
        lock (_gate)
        {
            EndProgress();
            _console.WriteLine(text);
            _console.Flush();
        }
    }

    /// <summary>Shows <paramref name="value"/>; returns the action that replaces it.</summary>
    public Action<object?> Show(object? value)
    {
        if (value is ProgressLine line)
        {
            Progress(line, first: true);
            return v => { if (v is ProgressLine l) Progress(l, first: false); else Show(v); };
        }
        if (FileKind(value) is { } extension)
        {
            string path;
            lock (_gate) path = Path.Combine(_folder, $"{LessonName}-fig{++_figures}{extension}");
            Write(path, value!);
            Text($"{Describe(value!)} → {Shown(path)}");
            return v => { if (FileKind(v) == extension) Write(path, v!); else Show(v); };
        }
        Text(TextOf(value));
        return v => Text(TextOf(v));
    }

    static string? FileKind(object? value) => value switch
    {
        Figure or SliderFigure or FigurePicture => ".svg",
        PngImage => ".html",
        _ => null,
    };

    static void Write(string path, object value)
    {
        var text = value switch
        {
            Figure f => f.ToSvg(),
            SliderFigure s => s.ToSvg(),
            FigurePicture p => p.Figure.ToSvg(),
            PngImage i => $"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{System.Net.WebUtility.HtmlEncode(i.Title ?? "image")}</title></head>\n<body>{i.ToHtml()}</body></html>\n",
            _ => throw new ArgumentException($"no file form for {value.GetType().Name}", nameof(value)),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        IO.AtomicFile.WriteAllText(path, text);
    }

    static string Describe(object value) => value switch
    {
        Figure f => $"figure \"{f.Title}\"",
        SliderFigure s => $"figure \"{s.Steps[Math.Clamp(s.Initial, 0, s.Steps.Count - 1)].Frame.Title}\" (slider over {s.Parameter}; the file shows its first position)",
        FigurePicture p => $"figure \"{p.Figure.Title}\"",
        PngImage i => i.Title is { } t ? $"image \"{t}\"" : $"image {i.Width}×{i.Height}",
        _ => value.ToString() ?? "",
    };

    /// <summary>The path relative to the current folder when it lies below it, else absolute.</summary>
    static string Shown(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }

    string TextOf(object? value)
    {
        if (value is null) return "null";
        foreach (var formatter in _textFormatters)
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            if (formatter.Format(value, writer)) return writer.ToString();
        }
        return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
    }

    void Progress(ProgressLine line, bool first)
    {
        lock (_gate)
        {
            var interactive = !Console.IsOutputRedirected && ReferenceEquals(_console, Console.Out);
            if (interactive)
            {
                _console.Write($"\r{line.Text}\u001b[K");
                _progressOpen = true;
            }
            else if (first || line.Fraction >= 1 || DateTime.UtcNow - _lastProgress >= ProgressInterval)
            {
                _console.WriteLine(line.Text);
                _lastProgress = DateTime.UtcNow;
            }
            _console.Flush();
        }
    }

    void EndProgress()
    {
        if (!_progressOpen) return;
        _console.WriteLine();
        _progressOpen = false;
    }
}
