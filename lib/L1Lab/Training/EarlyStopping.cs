using L1Lab.Data;
using L1Lab.Diagnostics;
using static TorchSharp.torch;

namespace L1Lab.Training;

/// <summary>
/// Training with early stopping on the validation split (notebook 10-chest-xray-cnn): one <see cref="Trainer"/> epoch at
/// a time (a fresh shuffle each epoch), the validation AUC after each, and the weights of the best epoch kept. Training
/// stops after <see cref="EarlyStoppingResult.Patience"/> epochs without a better validation AUC. The test split is
/// never seen, so the epoch count is a choice made on validation data, like λ. With a sparsity target, only epochs whose
/// weights are at least that share exactly zero compete (<see cref="SparsityTarget"/>).
/// </summary>
public static class EarlyStopping
{
    /// <summary>
    /// Trains <paramref name="model"/> in place for at most <see cref="TrainingOptions.Epochs"/> epochs and leaves it
    /// with the weights of the epoch with the highest validation AUC for <paramref name="positiveClass"/>.
    /// </summary>
    /// <param name="model">The model, trained in place.</param>
    /// <param name="options">Trainer settings; <see cref="TrainingOptions.Epochs"/> is the largest number of epochs.</param>
    /// <param name="train">Training images.</param>
    /// <param name="validation">Validation images: the only data that decides when to stop.</param>
    /// <param name="positiveClass">The class whose score the AUC ranks (e.g. 1 = pneumonia).</param>
    /// <param name="patience">Epochs without improvement before stopping.</param>
    /// <param name="targetZeros">
    /// When set, the model is left at the best validation AUC among the epochs with at least this share of weights
    /// exactly zero, and training does not stop before one reaches it; when none does, at the plain best epoch, and
    /// <see cref="EarlyStoppingResult.Choice"/> says so.
    /// </param>
    /// <param name="progress">Receives each epoch's trainer progress.</param>
    /// <param name="cancellation">Stops training within one step.</param>
    public static EarlyStoppingResult Fit(
        nn.Module<Tensor, Tensor> model,
        TrainingOptions options,
        ImageDataset train,
        ImageDataset validation,
        int positiveClass,
        int patience = 3,
        double? targetZeros = null,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentOutOfRangeException.ThrowIfLessThan(patience, 1);
        SparsityTarget.Validate(targetZeros);
        options.Validate();
        var history = new List<EarlyStoppingEpoch>();
        var bestOfAll = new Dictionary<string, Tensor>();
        var bestSparse = new Dictionary<string, Tensor>();
        try
        {
            double bestAuc = double.NegativeInfinity, bestSparseAuc = double.NegativeInfinity;
            for (int epoch = 1; epoch <= options.Epochs; epoch++)
            {
                var trainer = new Trainer(options with { Epochs = 1, Seed = options.Seed + epoch - 1 });
                var metrics = trainer.Fit(model, train, validation, progress, cancellation)[0];
                double auc = BinaryMetrics.Scores(model, validation, positiveClass).Roc().Auc;
                var row = new EarlyStoppingEpoch(epoch, metrics.DataLoss, auc, metrics.ZeroFraction, metrics.Seconds);
                history.Add(row);
                if (auc > bestAuc)
                {
                    bestAuc = auc;
                    Keep(model, bestOfAll);
                }
                if (targetZeros is { } target && SparsityTarget.Meets(row, target) && auc > bestSparseAuc)
                {
                    bestSparseAuc = auc;
                    Keep(model, bestSparse);
                }
                if (SparsityTarget.ShouldStop(history, targetZeros, patience)) break;
            }
            var choice = SparsityTarget.Choose(history, targetZeros);
            Restore(model, targetZeros is not null && choice.TargetMet ? bestSparse : bestOfAll);
            return new EarlyStoppingResult(history, choice.Epoch, choice.ValidationAuc, patience, choice);
        }
        finally
        {
            foreach (var t in bestOfAll.Values.Concat(bestSparse.Values)) t.Dispose();
        }
    }

    static void Keep(nn.Module model, Dictionary<string, Tensor> best)
    {
        using var noGrad = no_grad();
        foreach (var (name, parameter) in model.named_parameters())
        {
            if (best.Remove(name, out var old)) old.Dispose();
            best[name] = parameter.detach().clone().DetachFromDisposeScope();
        }
    }

    static void Restore(nn.Module model, Dictionary<string, Tensor> best)
    {
        using var noGrad = no_grad();
        foreach (var (name, parameter) in model.named_parameters())
            if (best.TryGetValue(name, out var kept)) parameter.copy_(kept);
    }
}
