namespace L1Lab.Kernel;

/// <summary>The kernel's sockets that carry Jupyter messages (the heartbeat carries raw bytes).</summary>
public enum KernelChannel
{
    /// <summary>Requests from front ends, answered one at a time in order (ROUTER).</summary>
    Shell,
    /// <summary>Interrupt and shutdown, answered at once even while a cell runs (ROUTER).</summary>
    Control,
    /// <summary>Input requests to front ends (ROUTER); bound, unused.</summary>
    Stdin,
    /// <summary>Status, inputs and outputs broadcast to every front end (PUB).</summary>
    IOPub,
}
