using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace L1Lab.Kernel;

/// <summary>
/// The parts of an XML documentation comment a hover shows, as plain text: summary, each parameter, returns and
/// remarks. References (<c>&lt;see cref&gt;</c>, <c>&lt;paramref&gt;</c>, <c>&lt;c&gt;</c>) become the names they point to.
/// </summary>
internal sealed partial record DocComment(string Summary, IReadOnlyList<(string Name, string Text)> Parameters, string Returns, string Remarks)
{
    /// <summary>No documentation.</summary>
    public static readonly DocComment Empty = new("", [], "", "");

    /// <summary>Reads a member's documentation XML (as Roslyn returns it); <see cref="Empty"/> when there is none or it is malformed.</summary>
    public static DocComment Parse(string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml)) return Empty;
        XElement root;
        try
        {
            root = XElement.Parse(xml.TrimStart().StartsWith("<member", StringComparison.Ordinal) ? xml : $"<member>{xml}</member>");
        }
        catch (XmlException)
        {
            return Empty;
        }
        return new DocComment(
            Text(root.Element("summary")),
            root.Elements("param").Select(p => ((string?)p.Attribute("name") ?? "", Text(p))).ToList(),
            Text(root.Element("returns")),
            Text(root.Element("remarks")));
    }

    /// <summary>True when the comment has nothing to show.</summary>
    public bool IsEmpty => Summary.Length == 0 && Parameters.Count == 0 && Returns.Length == 0 && Remarks.Length == 0;

    static string Text(XElement? element)
    {
        if (element is null) return "";
        var sb = new StringBuilder();
        Append(sb, element);
        return string.Join("\n", sb.ToString().Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0));
    }

    static void Append(StringBuilder sb, XElement element)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText text:
                    sb.Append(text.Value.Replace('\n', ' ').Replace('\r', ' '));
                    break;
                case XElement e when e.Name.LocalName is "see" or "seealso":
                    if (e.Nodes().Any()) Append(sb, e);
                    else sb.Append(Name((string?)e.Attribute("cref") ?? (string?)e.Attribute("langword") ?? (string?)e.Attribute("href") ?? ""));
                    break;
                case XElement e when e.Name.LocalName is "paramref" or "typeparamref":
                    sb.Append((string?)e.Attribute("name"));
                    break;
                case XElement e when e.Name.LocalName is "para" or "br":
                    sb.Append('\n');
                    Append(sb, e);
                    sb.Append('\n');
                    break;
                case XElement e when e.Name.LocalName is "item":
                    sb.Append("\n- ");
                    Append(sb, e);
                    break;
                case XElement e when e.Name.LocalName is "code":
                    sb.Append('\n').Append(e.Value).Append('\n');
                    break;
                case XElement e:
                    Append(sb, e);
                    break;
            }
        }
    }

    /// <summary>A cref such as <c>M:System.Math.Abs(System.Double)</c> as the reader knows it: <c>Math.Abs</c>.</summary>
    static string Name(string cref)
    {
        var id = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
        var paren = id.IndexOf('(');
        if (paren >= 0) id = id[..paren];
        id = Arity().Replace(id, "");
        var parts = id.Split('.');
        return cref.StartsWith("T:", StringComparison.Ordinal) || parts.Length < 2 ? parts[^1] : $"{parts[^2]}.{parts[^1]}";
    }

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"`+\d+")]
    private static partial Regex Arity();
}
