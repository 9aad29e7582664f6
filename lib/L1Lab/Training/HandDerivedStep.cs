using L1Lab.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace L1Lab.Training;

/// <summary>
/// One SGD step of an MLP (Linear → ReLU … → Linear, cross-entropy) whose forward and backward are derived by hand —
/// the maths of notebook 03 — written as in-place operations into buffers allocated once. It replaces only autograd's
/// <c>backward()</c>: the gradient buffers then receive what autograd would add for penalties in the loss (λ₂·w for L2,
/// λ·<see cref="L1.SubgradientInto"/> for <see cref="L1Mode.Penalty"/>), and the update is the very call the autograd
/// path in <see cref="Trainer"/> makes (<see cref="Updates.ProximalStep(Tensor, Tensor, double, double, Tensor?)"/> and
/// its siblings, through <see cref="ParameterUpdate"/>). So both paths give the same updates (to float rounding), and a
/// change to <see cref="L1.SoftThresholdInPlace"/> changes every run.
/// </summary>
/// <remarks>
/// Backward, for logits z = a·Wᵀ + b, p = softmax(z) and mean cross-entropy over a batch of B:
/// ∂L/∂z = (p − onehot(y)) / B; ∂L/∂W = (∂L/∂z)ᵀ·a; ∂L/∂b = Σ over the batch of ∂L/∂z; ∂L/∂a = ∂L/∂z·W;
/// through ReLU, ∂L/∂z_hidden = ∂L/∂a ⊙ [a &gt; 0].
/// </remarks>
public sealed class HandDerivedStep : IDisposable
{
    readonly TrainingOptions _options;
    readonly Tensor[] _weights, _biases, _transposed;
    readonly Layer[] _full;
    readonly Tensor[] _weightGrads, _biasGrads, _scratch;
    readonly int _batchSize;
    readonly Scalar _l1Lambda, _l2Lambda;

    /// <summary>Whether <paramref name="model"/> and <paramref name="options"/> fit the hand-derived path: a dropout-free <see cref="Mlp"/> on the CPU, biases not regularized.</summary>
    public static bool Supports(nn.Module model, TrainingOptions options) =>
        model is Mlp { DropoutProbability: Mlp.NoDropout } && options.Device == "cpu" && !options.RegularizeBiases;

    /// <summary>Prepares buffers for batches of up to <paramref name="options"/>.BatchSize examples.</summary>
    public HandDerivedStep(Mlp model, TrainingOptions options)
    {
        if (!Supports(model, options))
            throw new ArgumentException("The hand-derived step needs a dropout-free Mlp on the CPU with unregularized biases.", nameof(model));
        _options = options;
        _batchSize = options.BatchSize;
        var layers = model.Layers;
        _weights = layers.Select(l => (Tensor)l.weight!).ToArray();
        _biases = layers.Select(l => (Tensor)l.bias!).ToArray();
        using var _ = NewDisposeScope();
        _transposed = _weights.Select(w => w.t().DetachFromDisposeScope()).ToArray();
        _weightGrads = _weights.Select(w => zeros_like(w).DetachFromDisposeScope()).ToArray();
        _biasGrads = _biases.Select(b => zeros_like(b).DetachFromDisposeScope()).ToArray();
        _scratch = _weights.Select(w => zeros_like(w).DetachFromDisposeScope()).ToArray();
        _full = new Layer[layers.Count];
        for (int i = 0; i < layers.Count; i++)
            _full[i] = Layer.Create(_batchSize, (int)_weights[i].shape[0], _biases[i]);
        _l1Lambda = options.L1Lambda.ToScalar();
        _l2Lambda = options.L2Lambda.ToScalar();
    }

    /// <summary>Runs forward, backward and the update on one batch; returns the batch's mean cross-entropy (before the update).</summary>
    public double Step(Tensor images, Tensor labels)
    {
        using var scope = NewDisposeScope();
        int n = (int)images.size(0);
        var layers = n == _batchSize ? _full : _full.Select(l => l.Narrow(n)).ToArray();
        using var noGrad = no_grad();

        // Forward: z = b + a·Wᵀ, ReLU in place on hidden layers (the buffer then holds the activation a).
        var input = images;
        for (int i = 0; i < layers.Length; i++)
        {
            var z = layers[i].Z;
            z.copy_(layers[i].Bias);
            z.addmm_(input, _transposed[i], 1, 1);
            if (i < layers.Length - 1) z.relu_();
            input = z;
        }

        // Loss and ∂L/∂z of the output layer: (softmax − onehot) / B.
        var last = layers[^1];
        var logProbabilities = last.Z.log_softmax(1);
        var picked = labels.unsqueeze(1);
        double loss = -logProbabilities.gather(1, picked).sum().item<float>() / n;
        last.Delta.copy_(logProbabilities).exp_();
        last.Delta.scatter_add_(1, picked, last.MinusOnes);
        last.Delta.div_(n);

        // Backward: gradients of W and b, then ∂L/∂a through W and the ReLU mask [a > 0].
        for (int i = layers.Length - 1; i >= 0; i--)
        {
            var previous = i == 0 ? images : layers[i - 1].Z;
            _weightGrads[i].addmm_(layers[i].DeltaT, previous, 0, 1);
            _biasGrads[i].addmv_(layers[i].DeltaT, layers[i].Ones, 0, 1);
            if (i > 0)
            {
                var below = layers[i - 1];
                below.Delta.addmm_(layers[i].Delta, _weights[i], 0, 1);
                below.Mask.copy_(below.Z).sign_();
                below.Delta.mul_(below.Mask);
            }
        }

        Update();
        return loss;
    }

    /// <summary>
    /// Adds the gradients of the penalties autograd would find in the loss — λ₂·w for L2 and, when L1 is a penalty in
    /// the loss, λ·sign(w) — then applies <see cref="ParameterUpdate"/>, exactly as the autograd path does after
    /// <c>backward()</c>. Biases are not regularized here (<see cref="Supports"/>), so they get a plain gradient step.
    /// </summary>
    void Update()
    {
        bool l1InLoss = _options.UsesL1 && _options.L1Mode == L1Mode.Penalty;
        for (int i = 0; i < _weights.Length; i++)
        {
            var w = _weights[i];
            var g = _weightGrads[i];
            if (_options.L2Lambda > 0) g.add_(w, _l2Lambda);
            if (l1InLoss) g.add_(L1.SubgradientInto(w, _scratch[i]), _l1Lambda);
            ParameterUpdate.Apply(_options, w, g, regularized: true, _scratch[i], inputGroups: i == 0);
            ParameterUpdate.Apply(_options, _biases[i], _biasGrads[i], regularized: false);
        }
    }

    /// <summary>Frees the buffers (the model's own parameters are untouched).</summary>
    public void Dispose()
    {
        foreach (var t in _transposed.Concat(_weightGrads).Concat(_biasGrads).Concat(_scratch)) t.Dispose();
        foreach (var l in _full) l.Dispose();
        _l1Lambda.Dispose();
        _l2Lambda.Dispose();
    }

    /// <summary>Per-layer buffers for one batch size: pre-activation/activation, its gradient, the ReLU mask, the broadcast bias.</summary>
    sealed record Layer(Tensor Z, Tensor Delta, Tensor DeltaT, Tensor Mask, Tensor Bias, Tensor Ones, Tensor MinusOnes) : IDisposable
    {
        public static Layer Create(int batch, int width, Tensor bias)
        {
            using var _ = NewDisposeScope();
            var delta = empty(batch, width).DetachFromDisposeScope();
            return new Layer(
                empty(batch, width).DetachFromDisposeScope(),
                delta,
                delta.t().DetachFromDisposeScope(),
                empty(batch, width).DetachFromDisposeScope(),
                bias.expand(batch, width).DetachFromDisposeScope(),
                ones(batch).DetachFromDisposeScope(),
                full(batch, 1, -1f).DetachFromDisposeScope());
        }

        /// <summary>Views of the first <paramref name="n"/> rows, for the last, smaller batch (owned by the caller's scope).</summary>
        public Layer Narrow(int n)
        {
            var delta = Delta.narrow(0, 0, n);
            return new(Z.narrow(0, 0, n), delta, delta.t(), Mask.narrow(0, 0, n), Bias.narrow(0, 0, n), Ones.narrow(0, 0, n), MinusOnes.narrow(0, 0, n));
        }

        public void Dispose()
        {
            foreach (var t in new[] { Z, Delta, DeltaT, Mask, Bias, Ones, MinusOnes }) t.Dispose();
        }
    }
}
