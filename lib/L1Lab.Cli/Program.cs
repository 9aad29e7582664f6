return L1Lab.Cli.L1LabApp.Run(args, Console.Out, Console.Error);
