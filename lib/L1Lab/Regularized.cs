using TorchSharp.Modules;
using static TorchSharp.torch;

namespace L1Lab;

/// <summary>
/// Which parameters a regularizer acts on. By default only weights (tensors with two or more
/// dimensions): biases shift a unit's output and shrinking them buys no simplicity.
/// </summary>
public static class Regularized
{
    /// <summary>The parameters of <paramref name="model"/> that penalties and shrinkage apply to, with their names.</summary>
    public static IReadOnlyList<(string Name, Parameter Parameter)> Parameters(nn.Module model, bool includeBiases = false) =>
        model.named_parameters()
            .Where(p => includeBiases || p.parameter.dim() >= 2)
            .Select(p => (p.name, p.parameter))
            .ToList();
}
