using L1Lab.Notebooks;

namespace L1Lab.Kernel;

/// <summary>How a <see cref="KernelServer"/> runs cells and where it logs.</summary>
public sealed record KernelServerOptions
{
    /// <summary>
    /// Makes the session cells run in. The default starts from the current directory, so relative <c>#r</c> paths
    /// resolve against the folder a front end started the kernel in (nbclient and JupyterLab use the notebook's folder).
    /// </summary>
    public Func<NotebookSession> SessionFactory { get; init; } =
        () => new NotebookSession(new NotebookSessionOptions { BaseDirectory = Directory.GetCurrentDirectory(), Name = "cell" });

    /// <summary>Where protocol problems (rejected messages, unknown requests) are reported; the process's stderr by default.</summary>
    public TextWriter Log { get; init; } = Console.Error;
}
