namespace L1Lab.Training;

/// <summary>
/// The one spelling of an L1 mode in tables and CSV files: "none", "penalty", "subgradient" or "proximal".
/// </summary>
public static class L1ModeName
{
    /// <summary>The name of <paramref name="mode"/>; "none" when no L1 is applied (null).</summary>
    public static string Of(L1Mode? mode) => mode is null ? "none" : mode.Value.ToString().ToLowerInvariant();

    /// <summary>The mode named <paramref name="name"/> (as written by <see cref="Of"/>); null for "none".</summary>
    /// <exception cref="FormatException"><paramref name="name"/> is no mode's name.</exception>
    public static L1Mode? Parse(string name) =>
        name == "none" ? null
        : Enum.GetValues<L1Mode>().Cast<L1Mode?>().FirstOrDefault(m => Of(m) == name)
          ?? throw new FormatException($"'{name}' is not an L1 mode (none, penalty, subgradient or proximal).");
}
