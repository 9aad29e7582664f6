using System.Reflection;
using System.Text.Json.Nodes;

namespace L1Lab.Kernel;

/// <summary>What the kernel says about itself in kernel_info_reply: protocol, implementation and the C# language.</summary>
public static class KernelInfo
{
    /// <summary>The implementation name front ends see.</summary>
    public const string Implementation = "l1lab";

    /// <summary>The kernel's version: the informational version of this assembly.</summary>
    public static string Version { get; } =
        typeof(KernelInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>The kernel_info_reply content.</summary>
    public static JsonObject Reply() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = Implementation,
        ["implementation_version"] = Version,
        ["language_info"] = new JsonObject
        {
            ["name"] = "C#",
            ["version"] = "14.0",
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = $"L1Lab C# kernel {Version} (Roslyn scripting on .NET {Environment.Version}); TorchSharp via #r \"nuget: TorchSharp-cpu, <pinned version>\"",
        ["help_links"] = new JsonArray(),
        ["debugger"] = false,
    };
}
