using System.CommandLine;
using L1Lab.Cli;
using L1Lab.Cli.Commands;

var root = new RootCommand("L1Lab: L1 regularization, step by step, on TorchSharp.")
{
    ReproduceCommand.Create(),
    NotebooksCommand.Create(),
    SweepCommand.Create(),
    KernelCommand.Create(),
    ReadmeCommand.Create(),
    BookCommand.Create(),
    WorkshopCommand.Create(),
};
return Cli.Run(root, args);
