using System.Text.RegularExpressions;

namespace L1Lab.Kernel;

/// <summary>
/// A cell that asks for help instead of running: a (dotted) name followed by <c>?</c> or <c>??</c>, as in IPython
/// (<c>L1.SoftThreshold?</c>). C# has no postfix <c>?</c> on a bare name, so such a cell cannot be meant as code.
/// </summary>
/// <param name="Name">The name asked about.</param>
/// <param name="DetailLevel">0 for <c>?</c>, 1 for <c>??</c> (parameters, returns and remarks too).</param>
internal sealed partial record HelpQuery(string Name, int DetailLevel)
{
    /// <summary>The help query <paramref name="code"/> is, or null when it is ordinary code.</summary>
    public static HelpQuery? Parse(string code)
    {
        var match = Pattern().Match(code);
        return match.Success ? new HelpQuery(match.Groups["name"].Value, match.Groups["marks"].Length - 1) : null;
    }

    [GeneratedRegex(@"^\s*(?<name>[\p{L}_][\p{L}\p{Nd}_]*(\s*\.\s*[\p{L}_][\p{L}\p{Nd}_]*)*)\s*(?<marks>\?\??)\s*$")]
    private static partial Regex Pattern();
}
