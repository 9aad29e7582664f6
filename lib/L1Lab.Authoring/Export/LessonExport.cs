using L1Lab.Notebooks;

namespace L1Lab.Authoring.Export;

/// <summary>
/// <c>l1lab notebooks export --to cs</c>: each course notebook as a lesson file, <c>lessons/NN-name.cs</c> for an
/// English notebook and <c>lessons/zh-CN/NN-name.cs</c> for one of an edition's folder, runnable with
/// <c>dotnet run</c> against the course library (<see cref="LessonSource"/>). The lessons are generated, like an
/// edition's notebooks: <see cref="Plan"/> says which files are out of date, so a check can keep them equal to a
/// fresh export.
/// </summary>
public static class LessonExport
{
    /// <summary>The library project every lesson references, from the repository root.</summary>
    public const string LibraryProject = "lib/L1Lab/L1Lab.csproj";

    /// <summary>The course notebooks under <paramref name="notebooksFolder"/>: its own, then each edition folder's, by name.</summary>
    public static IReadOnlyList<string> CourseNotebooks(string notebooksFolder) =>
    [
        .. Directory.EnumerateFiles(notebooksFolder, "*.ipynb").Order(StringComparer.Ordinal),
        .. Directory.EnumerateDirectories(notebooksFolder).Order(StringComparer.Ordinal)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.ipynb").Order(StringComparer.Ordinal)),
    ];

    /// <summary>
    /// The lesson of each of <paramref name="notebooks"/> in <paramref name="outFolder"/>, at the notebook's place relative
    /// to <paramref name="notebooksFolder"/> (an edition's notebook in the edition's sub-folder), nothing written.
    /// </summary>
    /// <exception cref="NotebookException">A notebook cannot be read, or no repository with the library lies above the notebooks.</exception>
    public static IReadOnlyList<ExportedLesson> Plan(IReadOnlyList<string> notebooks, string notebooksFolder, string outFolder)
    {
        var result = new List<ExportedLesson>();
        foreach (var path in notebooks)
        {
            var notebook = Notebook.Load(path);
            var full = Path.GetFullPath(path);
            var root = RepositoryRoot(full)
                ?? throw new NotebookException(path, $"no {LibraryProject} in this folder or above it, so the lesson has no library to reference");
            var relative = Path.GetRelativePath(Path.GetFullPath(notebooksFolder), full);
            if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)) relative = Path.GetFileName(full);
            var output = Path.Combine(outFolder, Path.ChangeExtension(relative, ".cs"));
            var outputFull = Path.GetFullPath(output);
            var text = LessonSource.Write(notebook,
                notebookShown: Shown(root, full),
                lessonShown: Shown(root, outputFull),
                projectReference: Path.GetRelativePath(Path.GetDirectoryName(outputFull)!, Path.Combine(root, LibraryProject)).Replace('\\', '/'));
            result.Add(new ExportedLesson(path, output, text, File.Exists(output) && File.ReadAllText(output) == text));
        }
        return result;
    }

    /// <summary>Lesson files in <paramref name="outFolder"/> (and its sub-folders) that no notebook of <paramref name="plan"/> produces.</summary>
    public static IReadOnlyList<string> Orphans(IReadOnlyList<ExportedLesson> plan, string outFolder)
    {
        if (!Directory.Exists(outFolder)) return [];
        var produced = plan.Select(l => Path.GetFullPath(l.OutputPath)).ToHashSet(StringComparer.Ordinal);
        return [.. Directory.EnumerateFiles(outFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !produced.Contains(Path.GetFullPath(f)))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Writes the lesson when its file differs (atomically); true when it wrote.</summary>
    public static bool Write(ExportedLesson lesson)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        if (lesson.UpToDate) return false;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(lesson.OutputPath))!);
        IO.AtomicFile.WriteAllText(lesson.OutputPath, lesson.Text);
        return true;
    }

    static string? RepositoryRoot(string from)
    {
        for (var dir = Path.GetDirectoryName(from); dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, LibraryProject))) return dir;
        return null;
    }

    static string Shown(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
