using System.CommandLine;
using L1Lab.Cli.Commands;

namespace L1Lab.Cli;

/// <summary>
/// The <c>l1lab</c> program as a callable: the command tree and one entry point that takes the writers for output
/// and messages, so tests can run many command lines in one process and see exactly what a user would.
/// </summary>
public static class L1LabApp
{
    /// <summary>The root command with every subcommand. Building it loads no L1Lab library code.</summary>
    public static RootCommand Root() => new("L1Lab: L1 regularization, step by step, on TorchSharp.")
    {
        ReproduceCommand.Create(),
        NotebooksCommand.Create(),
        SweepCommand.Create(),
        KernelCommand.Create(),
        ReadmeCommand.Create(),
        BookCommand.Create(),
        WorkshopCommand.Create(),
    };

    /// <summary>Runs one command line; returns its exit code (<see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Cli.Run(Root(), args, output, error);
}
