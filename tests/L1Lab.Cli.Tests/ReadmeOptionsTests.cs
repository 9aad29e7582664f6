using System.Text.RegularExpressions;

namespace L1Lab.Cli.Tests;

/// <summary>
/// The READMEs' option tables for <c>reproduce</c>, <c>sweep</c> and <c>book build</c> (after a <c>&lt;!-- options: COMMAND</c> marker) list
/// exactly the options the command's <c>--help</c> lists, with the same defaults, so the docs cannot drift from the CLI.
/// </summary>
public sealed partial class ReadmeOptionsTests
{
    public static TheoryData<string, string> Tables() => new()
    {
        { "README.md", "reproduce" },
        { "README.md", "sweep" },
        { "README.zh-CN.md", "reproduce" },
        { "README.zh-CN.md", "sweep" },
        { "README.md", "book build" },
        { "README.zh-CN.md", "book build" },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void The_readme_lists_every_option_of_the_command_with_its_default(string readme, string command)
    {
        // Given the command's own help: each option and its declared default, if any
        var help = App.Run([.. command.Split(' '), "--help"]);
        Assert.True(help.ExitCode == 0, help.Error);
        var fromHelp = HelpOptions(help.Out);
        Assert.NotEmpty(fromHelp);

        // When the README's table for the command is read
        var fromReadme = ReadmeOptions(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, readme)), command, readme);

        // Then both list the same options, in the same order, and a default stated as a literal is the CLI's default
        Assert.Equal(fromHelp.Select(o => o.Name), fromReadme.Select(o => o.Name));
        foreach (var ((name, declared), (_, stated)) in fromHelp.Zip(fromReadme))
        {
            if (declared is not null)
                Assert.True(stated == $"`{declared}`", $"{readme}, {command} {name}: the CLI's default is {declared}, the README says {stated}");
            else
                Assert.False(LiteralOnly().IsMatch(stated), $"{readme}, {command} {name}: the README states the literal default {stated}, but the CLI declares none");
        }
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("README.zh-CN.md")]
    public void The_readme_installs_the_same_Debian_packages_as_ci_run(string readme)
    {
        var ci = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, ".ci", "run"));
        var fromCi = NeedList().Matches(ci).SelectMany(m => m.Groups["packages"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var lines = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, readme));
        var marker = Array.FindIndex(lines, l => l.StartsWith("<!-- apt:", StringComparison.Ordinal));
        Assert.True(marker >= 0, $"{readme} has no '<!-- apt: …' line before its apt-get install line");

        var install = AptInstall().Match(lines[marker + 1]);

        Assert.True(install.Success, $"{readme}: no 'apt-get install …' after the apt marker: {lines[marker + 1]}");
        Assert.NotEmpty(fromCi);
        Assert.Equal(fromCi.Order(StringComparer.Ordinal), install.Groups["packages"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"need\+=\((?<packages>[^)]*)\)")]
    private static partial Regex NeedList();

    [GeneratedRegex(@"apt-get install (?<packages>[a-z0-9.+ -]+)`")]
    private static partial Regex AptInstall();

    /// <summary>The options of a System.CommandLine help text, with the value of their <c>[default: …]</c>.</summary>
    static List<(string Name, string? Default)> HelpOptions(string help)
    {
        var lines = help.Split('\n');
        var options = new List<(string Name, string? Default)>();
        var start = Array.FindIndex(lines, l => l.TrimEnd() == "Options:");
        Assert.True(start >= 0, "no Options: section in the help");
        foreach (var line in lines.Skip(start + 1))
        {
            var option = HelpLine().Match(line);
            if (option.Success && option.Groups["name"].Value != "--help")
            {
                var text = option.Groups["text"].Value.TrimEnd();
                var declared = DefaultValue().Match(text);
                options.Add((option.Groups["name"].Value, declared.Success ? declared.Groups["value"].Value : null));
            }
            else if (line.Trim().Length > 0 && options.Count > 0 && DefaultValue().Match(line) is { Success: true } wrapped)
                options[^1] = (options[^1].Name, wrapped.Groups["value"].Value); // a description wrapped onto the next line
        }
        return options;
    }

    /// <summary>The rows of the table after <c>&lt;!-- options: COMMAND</c>: option name and the default cell.</summary>
    static List<(string Name, string Default)> ReadmeOptions(string text, string command, string readme)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var marker = lines.FindIndex(l => l.StartsWith($"<!-- options: {command} ", StringComparison.Ordinal));
        Assert.True(marker >= 0, $"{readme} has no '<!-- options: {command} …' table");
        var rows = new List<(string Name, string Default)>();
        foreach (var line in lines.Skip(marker + 3).TakeWhile(l => l.StartsWith('|')))
        {
            var cells = CellSeparator().Split(line.Trim().Trim('|')).Select(c => c.Trim()).ToArray();
            var name = OptionCell().Match(cells[0]);
            Assert.True(name.Success && cells.Length == 3, $"{readme}: not a row '| `--option` | default | meaning |': {line}");
            rows.Add((name.Groups["name"].Value, cells[1]));
        }
        return rows;
    }

    [GeneratedRegex(@"^\s+(?:-\S+, )*(?<name>--[a-z0-9-]+)(?: <[^>]+>)?\s{2,}(?<text>.*)$")]
    private static partial Regex HelpLine();

    [GeneratedRegex(@"\[default: (?<value>[^\]]*)\]")]
    private static partial Regex DefaultValue();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSeparator();

    [GeneratedRegex(@"^`(?<name>--[a-z0-9-]+)`$")]
    private static partial Regex OptionCell();

    [GeneratedRegex(@"^`[^`]*`$")]
    private static partial Regex LiteralOnly();
}
