using System.Text.Json.Nodes;
using L1Lab.IO;

namespace L1Lab.Workshop;

/// <summary>
/// <c>feedback.json</c> in a grading run's output folder: which feedback page belongs to which submission, so
/// <see cref="LearnerHomes.Return"/> can hand each page to its learner whatever the pages are named.
/// </summary>
public static class FeedbackIndex
{
    /// <summary>The index file's name.</summary>
    public const string FileName = "feedback.json";

    /// <summary>Writes the index: a JSON array of <c>{"submission": path as given, "page": file name}</c>.</summary>
    public static void Write(string outDirectory, IEnumerable<(string Submission, string Page)> pages) =>
        AtomicFile.WriteAllText(Path.Combine(outDirectory, FileName),
            new JsonArray([.. pages.Select(p => new JsonObject { ["submission"] = p.Submission, ["page"] = Path.GetFileName(p.Page) })]).ToJsonString() + "\n");

    /// <summary>The (submission, page file name) pairs of a grading run.</summary>
    /// <exception cref="WorkshopException">There is no readable index in <paramref name="outDirectory"/>.</exception>
    public static IReadOnlyList<(string Submission, string Page)> Read(string outDirectory)
    {
        var path = Path.Combine(outDirectory, FileName);
        if (!File.Exists(path)) throw new WorkshopException(path, "no such file; it is written by 'l1lab workshop grade'");
        const string problem = "not a feedback index written by 'l1lab workshop grade'";
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (System.Text.Json.JsonException)
        {
            throw new WorkshopException(path, problem);
        }
        var pairs = new List<(string, string)>();
        foreach (var entry in root as JsonArray ?? throw new WorkshopException(path, problem))
        {
            if (entry?["submission"] is not JsonValue s || !s.TryGetValue(out string? submission)
                || entry["page"] is not JsonValue p || !p.TryGetValue(out string? page))
                throw new WorkshopException(path, problem);
            pairs.Add((submission, Path.GetFileName(page)));
        }
        return pairs;
    }
}
