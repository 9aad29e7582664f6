namespace L1Lab.Cli;

/// <summary>The <c>--set name=value</c> options that <c>notebooks run</c>, <c>book build</c> and the workshop take.</summary>
static class ParameterAssignments
{
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
}
