using System.CommandLine;
using L1Lab.Notebooks;

namespace L1Lab.Cli;

/// <summary>
/// The <c>--set name=value</c> and <c>--quick</c> options that <c>notebooks run</c>, <c>book build</c> and
/// <c>workshop grade</c> take, and their one rule (<see cref="NotebookParameters.Resolve"/>).
/// </summary>
static class ParameterAssignments
{
    /// <summary>The repeatable <c>--set</c> option.</summary>
    public static Option<string[]> SetOption(string description) => new("--set") { Description = description, Arity = ArgumentArity.ZeroOrMore };

    /// <summary>The <c>--quick</c> option: each notebook runs with the quick values its parameters cell declares.</summary>
    public static Option<bool> QuickOption() => new("--quick")
    {
        Description = "Run each notebook with the quick (CI) values its parameters cell declares in metadata l1lab.quick; --set still wins.",
    };

    /// <summary>name → value; a malformed assignment is a usage error naming it.</summary>
    public static Dictionary<string, string> Parse(IEnumerable<string> sets)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assignment in sets)
        {
            var equals = assignment.IndexOf('=');
            var name = equals > 0 ? assignment[..equals].Trim() : "";
            Cli.Require(name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c == '_') && !char.IsDigit(name[0]),
                $"--set {assignment}: expected name=value, e.g. --set epochs=1");
            parameters[name] = assignment[(equals + 1)..];
        }
        return parameters;
    }

    /// <summary>
    /// Each file's parameter values (<see cref="NotebookParameters.Resolve"/>): an unknown <c>--set</c> name is a
    /// usage error, an unreadable notebook or malformed quick values a failed run, both one line.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Resolve(IReadOnlyList<string> files, IReadOnlyDictionary<string, string> sets, bool quick)
    {
        try
        {
            return NotebookParameters.Resolve(files, sets, quick);
        }
        catch (NotebookParameterException e)
        {
            throw new UsageException(e.Reason);
        }
        catch (NotebookException e)
        {
            throw new RunFailedException(e.Message, e);
        }
    }
}
