namespace L1Lab.Kernel;

/// <summary>Why <see cref="KernelServer.RunAsync"/> returned.</summary>
public enum KernelExit
{
    /// <summary>A front end sent shutdown_request without restart.</summary>
    Shutdown,
    /// <summary>A front end sent shutdown_request with restart: the process should end so the front end can start a fresh one.</summary>
    Restart,
    /// <summary>The caller's cancellation token stopped the server.</summary>
    Stopped,
}
