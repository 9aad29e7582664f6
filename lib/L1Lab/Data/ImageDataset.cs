using static TorchSharp.torch;

namespace L1Lab.Data;

/// <summary>TEMPORARY stand-in until the data readers land.</summary>
public sealed record ImageDataset(Tensor Images, Tensor Labels) : IDisposable
{
    /// <summary>Number of examples.</summary>
    public long Count => Labels.shape[0];
    /// <summary>Frees the tensors.</summary>
    public void Dispose() { Images.Dispose(); Labels.Dispose(); }
}
