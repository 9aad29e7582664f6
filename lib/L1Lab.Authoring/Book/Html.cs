using System.Text;

namespace L1Lab.Authoring.Book;

/// <summary>HTML escaping that leaves every non-ASCII character as it is (the pages are UTF-8), so λ stays λ.</summary>
static class Html
{
    /// <summary>Escapes &amp;, &lt;, &gt; and double quotes: safe in text and in double-quoted attributes.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"") < 0) return text;
        var html = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            html.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => null,
            } ?? c.ToString());
        }
        return html.ToString();
    }
}
