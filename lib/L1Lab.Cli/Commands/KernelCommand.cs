using System.CommandLine;
using System.Runtime.InteropServices;
using L1Lab.Kernel;
using NetMQ;

namespace L1Lab.Cli.Commands;

/// <summary>
/// <c>l1lab kernel --connection-file FILE</c> runs L1Lab's Jupyter kernel for C# (front ends start it this way);
/// <c>l1lab kernel install [--user | --prefix DIR] [--name NAME]</c> registers it as "C# (L1Lab)" with every Jupyter
/// front end (VS Code, JupyterLab, nbclient); <c>l1lab kernel uninstall</c> removes that registration.
/// </summary>
/// <remarks>
/// A kernel or kernelspec that cannot be set up as asked (bad connection file, port in use, bad kernel name) is a
/// usage error (<see cref="ExitCodes.Usage"/>). Nothing here loads the L1Lab library (a test checks).
/// </remarks>
public static class KernelCommand
{
    /// <summary>Builds the <c>kernel</c> command with its <c>install</c> and <c>uninstall</c> subcommands.</summary>
    public static Command Create()
    {
        var connectionFile = new Option<string?>("--connection-file", "-f")
        {
            Description = "The connection file a Jupyter front end wrote (ports, address, signing key).",
        };
        var kernel = new Command("kernel", "Run L1Lab's Jupyter kernel for C#, or install it for Jupyter front ends.")
        {
            connectionFile, Install(), Uninstall(),
        };
        kernel.SetAction(parseResult =>
        {
            var file = parseResult.GetValue(connectionFile)
                ?? throw new UsageException("kernel needs --connection-file FILE (front ends pass it), or use 'l1lab kernel install'");
            InputPath.File(file, "--connection-file");
            return Run(file);
        });
        return kernel;
    }

    static int Run(string file)
    {
        var log = Console.Error;
        try
        {
            var server = new KernelServer(ConnectionFile.Load(file), new KernelServerOptions { Log = log });
            // A cell must never block on the kernel's own stdin; Console.ReadLine() in a cell returns null.
            Console.SetIn(TextReader.Null);
            // interrupt_mode is "message", but a front end or terminal may still send SIGINT: interrupt the cell, keep the kernel.
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
            {
                context.Cancel = true;
                server.Interrupt();
            });
            server.RunAsync().GetAwaiter().GetResult();
            return ExitCodes.Ok;
        }
        catch (KernelConfigurationException e)
        {
            throw new UsageException(e.Message);
        }
        finally
        {
            NetMQConfig.Cleanup(block: false);
        }
    }

    static (Option<bool> User, Option<string?> Prefix, Option<string> Name) LocationOptions() => (
        new Option<bool>("--user") { Description = "Use the user's Jupyter data folder (~/.local/share/jupyter on Linux); the default." },
        new Option<string?>("--prefix") { Description = "Use PREFIX/share/jupyter, e.g. a virtual environment or a temporary folder." },
        new Option<string>("--name") { Description = "The kernel's name.", DefaultValueFactory = _ => KernelSpec.DefaultName });

    static Command Install()
    {
        var (user, prefix, name) = LocationOptions();
        var command = new Command("install", "Register this kernel as \"C# (L1Lab)\": write kernels/<name>/kernel.json for Jupyter front ends.")
        {
            user, prefix, name,
        };
        command.SetAction(parseResult => WithKernelsDirectory(parseResult.GetValue(user), parseResult.GetValue(prefix), directory =>
        {
            // Checked before anything is written: the whole prefix, or the user's kernels folder (which --user names).
            if (parseResult.GetValue(prefix) is { } given) OutputLocation.Prepare(given, "--prefix");
            else OutputLocation.Prepare(directory, "--user");
            OutputLocation.FullPath(Path.Combine(directory, parseResult.GetValue(name)!, "kernel.json"), "--name");
            var path = KernelSpec.Install(directory, parseResult.GetValue(name)!, Launcher());
            parseResult.InvocationConfiguration.Output.WriteLine($"Installed kernelspec {parseResult.GetValue(name)} (\"{KernelSpec.DisplayName}\") in {Path.GetDirectoryName(path)}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    static Command Uninstall()
    {
        var (user, prefix, name) = LocationOptions();
        var command = new Command("uninstall", "Remove the kernelspec that 'l1lab kernel install' wrote.") { user, prefix, name };
        command.SetAction(parseResult => WithKernelsDirectory(parseResult.GetValue(user), parseResult.GetValue(prefix), directory =>
        {
            var kernelName = parseResult.GetValue(name)!;
            parseResult.InvocationConfiguration.Output.WriteLine(KernelSpec.Uninstall(directory, kernelName)
                ? $"Removed kernelspec {kernelName} from {directory}"
                : $"No kernelspec {kernelName} in {directory}; nothing to remove");
            return ExitCodes.Ok;
        }));
        return command;
    }

    static int WithKernelsDirectory(bool user, string? prefix, Func<string, int> action)
    {
        Cli.Require(!(user && prefix is not null), "choose --user or --prefix DIR, not both");
        if (prefix is not null) OutputLocation.FullPath(prefix, "--prefix");
        try
        {
            return action(prefix is not null ? KernelSpec.PrefixKernelsDirectory(prefix) : KernelSpec.UserKernelsDirectory());
        }
        catch (KernelConfigurationException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>The command that starts this program again: its app host, or <c>dotnet L1Lab.Cli.dll</c> when run through dotnet.</summary>
    static IReadOnlyList<string> Launcher()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the program's path is unknown");
        var assembly = typeof(KernelCommand).Assembly.Location;
        return string.Equals(Path.GetFileNameWithoutExtension(process), "dotnet", StringComparison.OrdinalIgnoreCase)
            ? [Path.GetFullPath(process), Path.GetFullPath(assembly)]
            : [Path.GetFullPath(process)];
    }
}
