using System.Text.Json;
using System.Text.Json.Nodes;

namespace L1Lab.Kernel;

/// <summary>
/// The kernelspec that lets Jupyter front ends find this kernel: <c>kernel.json</c> in
/// <c>&lt;data dir&gt;/kernels/&lt;name&gt;/</c>, naming the command that starts it, the display name "C# (L1Lab)",
/// the language, and interrupt by message (so no signals are needed on any platform).
/// </summary>
public static class KernelSpec
{
    /// <summary>The kernel name front ends and notebooks' metadata use by default.</summary>
    public const string DefaultName = "l1lab-csharp";

    /// <summary>The name shown in kernel pickers.</summary>
    public const string DisplayName = "C# (L1Lab)";

    /// <summary>The kernel.json content for a kernel started by <paramref name="launcher"/> (absolute program, then its fixed arguments).</summary>
    public static JsonObject Create(IReadOnlyList<string> launcher) => new()
    {
        ["argv"] = new JsonArray(launcher.Concat(["kernel", "--connection-file", "{connection_file}"])
            .Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
        ["display_name"] = DisplayName,
        ["language"] = "C#",
        ["interrupt_mode"] = "message",
        ["metadata"] = new JsonObject { ["debugger"] = false },
    };

    /// <summary>The kernels folder under an installation prefix: PREFIX/share/jupyter/kernels.</summary>
    public static string PrefixKernelsDirectory(string prefix) =>
        Path.Combine(Path.GetFullPath(prefix), "share", "jupyter", "kernels");

    /// <summary>
    /// The user's kernels folder as jupyter_core finds it: $JUPYTER_DATA_DIR/kernels when set, otherwise
    /// ~/.local/share/jupyter/kernels on Linux (honouring $XDG_DATA_HOME), ~/Library/Jupyter/kernels on macOS,
    /// %APPDATA%\jupyter\kernels on Windows.
    /// </summary>
    public static string UserKernelsDirectory()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } data) return Path.Combine(data, "kernels");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter", "kernels");
        if (OperatingSystem.IsMacOS()) return Path.Combine(home, "Library", "Jupyter", "kernels");
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        return Path.Combine(xdg is { Length: > 0 } ? xdg : Path.Combine(home, ".local", "share"), "jupyter", "kernels");
    }

    /// <summary>
    /// Writes <c>kernels/&lt;name&gt;/kernel.json</c> atomically (a temporary file renamed over the old one) and returns its path.
    /// </summary>
    /// <exception cref="KernelConfigurationException">The name is not a valid kernel name.</exception>
    public static string Install(string kernelsDirectory, string name, IReadOnlyList<string> launcher)
    {
        CheckName(name);
        var path = Path.Combine(kernelsDirectory, name, "kernel.json");
        L1Lab.IO.AtomicFile.WriteAllText(path, Create(launcher).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return path;
    }

    /// <summary>Removes the kernelspec folder <c>kernels/&lt;name&gt;</c>; returns false when it was not installed.</summary>
    /// <exception cref="KernelConfigurationException">The name is not a valid kernel name.</exception>
    public static bool Uninstall(string kernelsDirectory, string name)
    {
        CheckName(name);
        var directory = Path.Combine(kernelsDirectory, name);
        if (!File.Exists(Path.Combine(directory, "kernel.json"))) return false;
        Directory.Delete(directory, recursive: true);
        return true;
    }

    /// <summary>Jupyter's rule for kernel names: ASCII letters, digits, '.', '_' and '-'.</summary>
    static void CheckName(string name)
    {
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') || name is "." or "..")
            throw new KernelConfigurationException($"kernel name \"{name}\" is not valid: use letters, digits, '.', '_' and '-', e.g. {DefaultName}");
    }
}
