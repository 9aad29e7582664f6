namespace L1Lab.Authoring.Book;

/// <summary>
/// One language of the book: where its notebooks are and the few words its pages say themselves. English is built at
/// the site's root; a translation (notebooks/zh-CN/*.ipynb, same file names) in a subfolder named like its language,
/// and every page links to the same page in the other editions.
/// </summary>
/// <param name="Language">BCP 47 tag, e.g. "en" or "zh-CN" (the page's lang attribute).</param>
/// <param name="Name">The language's name in itself, for the language link ("English", "中文").</param>
/// <param name="Folder">The edition's folder in the site, relative to its root; "" for the root.</param>
/// <param name="Contents">"Contents", the table of contents' heading.</param>
/// <param name="Previous">"Previous", before the link to the previous chapter.</param>
/// <param name="Next">"Next", before the link to the next chapter.</param>
/// <param name="Course">The index page's heading.</param>
/// <param name="Intro">The index page's line under its heading.</param>
/// <param name="ChapterColumn">Heading of the course table's title column.</param>
/// <param name="GoalColumn">Heading of the course table's "what you will be able to do" column.</param>
/// <param name="LeadPrefix">How a chapter's lead line starts ("After this notebook you will be able to "), cut in the course table.</param>
/// <param name="InRepository">Follows the text of a link to a file the book does not contain; {0} is the file's path ("({0} in the repository)").</param>
/// <param name="ShowInput">The summary line of a folded hide-input cell ("Show the check").</param>
sealed record BookEdition(string Language, string Name, string Folder, string Contents, string Previous, string Next,
    string Course, string Intro, string ChapterColumn, string GoalColumn, string LeadPrefix, string InRepository, string ShowInput)
{
    /// <summary>The English edition, at the site's root.</summary>
    public static BookEdition English { get; } = new("en", "English", "", "Contents", "Previous", "Next",
        "L1Lab: L1 regularization, step by step, in C#",
        "The course's notebooks, executed, with every output. Read them in order; each page prints as a handout.",
        "Chapter", "You will be able to", "After this notebook you will be able to ", " ({0} in the repository)", "Show the check");

    /// <summary>The Simplified Chinese edition, in zh-CN/, built when notebooks/zh-CN holds notebooks.</summary>
    public static BookEdition Chinese { get; } = new("zh-CN", "中文", "zh-CN", "目录", "上一章", "下一章",
        "L1Lab：用 C# 一步步学 L1 正则化",
        "课程的全部笔记本，已执行，含所有输出。请按顺序阅读；每页都可以打印成讲义。",
        "章节", "学完后你将能够", "", "（仓库中的 {0}）", "显示检查代码");

    /// <summary>Every edition the book knows, English first.</summary>
    public static IReadOnlyList<BookEdition> All { get; } = [English, Chinese];

    /// <summary>The relative path from this edition's pages to the site's root ("" or "../").</summary>
    public string ToRoot => Folder.Length == 0 ? "" : string.Concat(Enumerable.Repeat("../", Folder.Count(c => c == '/') + 1));
}
