using System.Diagnostics;
using L1Lab.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace L1Lab.Training;

/// <summary>
/// Mini-batch SGD on a classifier with cross-entropy and optional L1/L2 regularization, written out step by step
/// (the loop notebook 04 walks through). Shuffling is seeded, every step runs in its own DisposeScope, and each
/// epoch yields its metrics: data loss and penalty separately, accuracies, sparsity and time.
/// </summary>
public sealed class Trainer
{
    /// <summary>The settings this trainer runs with (already validated).</summary>
    public TrainingOptions Options { get; }

    /// <summary>Creates a trainer; throws <see cref="ArgumentException"/> for invalid options.</summary>
    public Trainer(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Validate();
    }

    /// <summary>
    /// Trains <paramref name="model"/> in place on <paramref name="train"/> and evaluates on <paramref name="test"/> after every epoch.
    /// Throws <see cref="TrainingDivergedException"/> if the loss stops being finite and
    /// <see cref="OperationCanceledException"/> within one step of cancellation (of <paramref name="cancellation"/>
    /// or of the notebook cell it runs in, see <see cref="AmbientCancellation"/>).
    /// </summary>
    public IReadOnlyList<EpochMetrics> Fit(
        nn.Module<Tensor, Tensor> model,
        ImageDataset train,
        ImageDataset test,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        var o = Options;
        // Dropout masks come from torch's global generator: seed it for this run (and put it back afterwards),
        // so a run with dropout is as reproducible as its shuffling and initial weights.
        using var globalState = random.get_rng_state();
        random.manual_seed(o.Seed);
        // In a notebook cell (and not inside a sweep that draws already): a progress line and a growing figure.
        var live = LiveProgress.Start(o.Epochs);
        var completed = false;
        try
        {
            var history = Run(model, train, test, LiveProgress.Combine<TrainingProgress>(progress, live), cancellation);
            completed = true;
            return history;
        }
        finally
        {
            live?.Finish(completed);
            random.set_rng_state(globalState);
        }
    }

    IReadOnlyList<EpochMetrics> Run(
        nn.Module<Tensor, Tensor> model,
        ImageDataset train,
        ImageDataset test,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellation)
    {
        var o = Options;
        var device = new Device(o.Device);
        model.to(device);
        var regularizedNames = Regularized.Parameters(model, o.RegularizeBiases).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var parameters = model.named_parameters().Select(p => ((Tensor)p.parameter, regularizedNames.Contains(p.name))).ToList();
        var regularized = parameters.Where(p => p.Item2).Select(p => p.Item1).ToList();
        // The group lasso acts on the first weight matrix: its columns are the inputs' outgoing weights.
        var inputWeights = parameters.Select(p => p.Item1).FirstOrDefault(p => p.dim() == 2);
        long n = train.Count;
        int steps = (int)((n + o.BatchSize - 1) / o.BatchSize);
        using var generator = new Generator((ulong)o.Seed);
        using var handDerived = o.UseHandDerivedStep && HandDerivedStep.Supports(model, o) ? new HandDerivedStep((Models.Mlp)model, o) : null;
        var history = new List<EpochMetrics>();

        for (int epoch = 1; epoch <= o.Epochs; epoch++)
        {
            model.train();
            var clock = Stopwatch.StartNew();
            double lossSum = 0;
            using (var epochScope = NewDisposeScope())
            {
                // A fresh order every epoch; each step gathers just its own batch (no shuffled copy of the whole set).
                var order = randperm(n, generator: generator);
                for (int step = 0; step < steps; step++)
                {
                    ThrowIfCancelled(cancellation);
                    using var stepScope = NewDisposeScope();
                    long start = (long)step * o.BatchSize, length = Math.Min(o.BatchSize, n - start);
                    var batch = order.narrow(0, start, length);
                    var (x, y) = (train.Images.index_select(0, batch).to(device), train.Labels.index_select(0, batch).to(device));
                    double loss = handDerived?.Step(x, y) ?? Step(model, parameters, regularized, inputWeights, x, y);
                    if (o.FilterGroupLambda > 0) GroupLasso.ProximalFilterStep(model, o.LearningRate, o.FilterGroupLambda);
                    if (!double.IsFinite(loss)) throw new TrainingDivergedException(epoch, step + 1, loss);
                    lossSum += loss;
                    if (progress is not null && ((step + 1) % 50 == 0 || step + 1 == steps))
                        progress.Report(new TrainingProgress(epoch, step + 1, steps));
                }
            }
            double seconds = clock.Elapsed.TotalSeconds;
            ThrowIfCancelled(cancellation); // before evaluation, which can take as long as many steps
            var sparsity = Sparsity.Measure(model, o.NearZeroTolerance, o.RegularizeBiases);
            var metrics = new EpochMetrics(
                epoch,
                lossSum / steps,
                PenaltyValue(regularized, inputWeights),
                Evaluation.Accuracy(model, train, device),
                Evaluation.Accuracy(model, test, device),
                sparsity.ZeroFraction,
                sparsity.NearZeroFraction,
                seconds);
            history.Add(metrics);
            progress?.Report(new TrainingProgress(epoch, steps, steps, metrics));
        }
        return history;
    }

    static void ThrowIfCancelled(CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        AmbientCancellation.Token.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// One autograd step: forward, loss (with the penalties that live in the loss), <c>backward()</c>, then the update of
    /// <see cref="ParameterUpdate"/> on every parameter — the same update <see cref="HandDerivedStep"/> applies. Returns the data loss.
    /// </summary>
    double Step(nn.Module<Tensor, Tensor> model, List<(Tensor Parameter, bool Regularized)> parameters, List<Tensor> regularized, Tensor? inputWeights, Tensor x, Tensor y)
    {
        var o = Options;
        var dataLoss = Losses.CrossEntropy(model.forward(x), y);
        var loss = dataLoss;
        if (o.UsesL1 && o.L1Mode == L1Mode.Penalty) loss = loss + L1.Penalty(regularized, o.L1Lambda);
        if (o.L2Lambda > 0) loss = loss + L2.Penalty(regularized, o.L2Lambda);
        model.zero_grad();
        loss.backward();

        foreach (var (parameter, isRegularized) in parameters)
        {
            // A regularized tensor that backward did not reach still feels its penalty (g = 0); anything else is skipped.
            var g = parameter.grad ?? (isRegularized ? zeros_like(parameter) : null);
            if (g is not null) ParameterUpdate.Apply(o, parameter, g, isRegularized, inputGroups: ReferenceEquals(parameter, inputWeights));
        }
        return dataLoss.item<float>();
    }

    double PenaltyValue(List<Tensor> regularized, Tensor? inputWeights)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        double value = 0;
        if (Options.L1Lambda > 0) value += L1.Penalty(regularized, Options.L1Lambda).item<float>();
        if (Options.L2Lambda > 0) value += L2.Penalty(regularized, Options.L2Lambda).item<float>();
        if (Options.InputGroupLambda > 0 && inputWeights is not null) value += GroupLasso.ColumnPenalty(inputWeights, Options.InputGroupLambda).item<float>();
        return value;
    }
}
