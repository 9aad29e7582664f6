using System.Text.RegularExpressions;

namespace L1Lab.Workshop;

/// <summary>
/// What a grading child may see of the course, besides its own notebook: the folders of the files the key notebook
/// references with <c>#r "…"</c> (the built course library), the course's <c>data/</c> folder, the l1lab program and
/// the .NET runtime. Only the teacher's key decides these folders; a learner's own <c>#r</c> lines resolve inside what
/// is shown. The merged notebook is shown at the key's own path, so its relative <c>#r</c> lines and the data search
/// (upwards from the working folder) find the same files as the key does, while the key folder itself stays out of
/// sight.
/// </summary>
internal static partial class CourseView
{
    /// <summary>The folders, as full paths, in a stable order.</summary>
    public static IReadOnlyList<string> ReadOnlyFolders(AnswerKey key, RunnerCommand runner)
    {
        var keyFolder = Path.GetDirectoryName(Path.GetFullPath(key.Path))!;
        var folders = new List<string>();
        foreach (var cell in key.Cells.Where(c => c.IsCode))
            foreach (Match m in FileReference().Matches(cell.Source))
            {
                var file = Path.GetFullPath(Path.Combine(keyFolder, m.Groups[1].Value));
                if (File.Exists(file)) folders.Add(Path.GetDirectoryName(file)!);
            }
        if (DataFolder(keyFolder) is { } data) folders.Add(data);
        foreach (var part in runner.Arguments.Prepend(runner.FileName))
            if (Path.IsPathRooted(part) && File.Exists(part)) folders.Add(Path.GetDirectoryName(Path.GetFullPath(part))!);
        folders.Add(RuntimeRoot());
        return [.. folders.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The .NET installation this grader runs on (the folder holding <c>shared/Microsoft.NETCore.App</c>).</summary>
    public static string RuntimeRoot() =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));

    /// <summary>The first <c>data/</c> folder with course data at or above <paramref name="folder"/>, as the notebooks find it.</summary>
    static string? DataFolder(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data");
            if (Directory.Exists(Path.Combine(candidate, "mnist")) || Directory.Exists(Path.Combine(candidate, "medmnist"))) return candidate;
        }
        return null;
    }

    /// <summary>A <c>#r "path"</c> line that names a file, not a NuGet package.</summary>
    [GeneratedRegex("""^\s*#r\s+"(?!nuget:)([^"]+)"\s*$""", RegexOptions.Multiline)]
    private static partial Regex FileReference();
}
