#:project ../lib/L1Lab/L1Lab.csproj
// # 04 — The MNIST experiment, with L1 really applied
//
// After this notebook you will be able to run the articles' MNIST experiment with an L1 penalty that actually reaches the weights, measure what it does to accuracy and sparsity, and explain why the articles' λ = 0.01 destroys the network while a λ ten to a hundred times smaller keeps most of its accuracy and zeroes many of its weights.
//
// **Prerequisites:** [01 — loss functions](01-loss.cs), [02 — the L1 penalty](02-l1-penalty.cs) and [03 — the gradient update](03-gradient-update.cs) (penalty in the loss vs the proximal step).
//
// Exported from notebooks/04-mnist-experiment.ipynb by `l1lab notebooks export --to cs`: edit the notebook and export again, not this file.
// Run it with `dotnet run lessons/04-mnist-experiment.cs`; quick values: `dotnet run lessons/04-mnist-experiment.cs -- --quick`; one value:
// `-- --set name=value`. Text prints here; figures are written as SVG/HTML files to out/ next to this file.

using TorchSharp;
using static TorchSharp.torch;
using L1Lab;
using L1Lab.Data;
using L1Lab.Models;
using L1Lab.Results;
using L1Lab.Training;
using L1Lab.Visuals;
using Microsoft.Data.Analysis;
using L1Lab.Lessons;

// Parameters (the notebook's cell tagged "parameters"): edit them here or set them on the command line.
var lesson = Lesson.Start(args, parameters: ["epochs", "trainSamples", "testSamples"], quick: ["epochs=1", "trainSamples=2000", "testSamples=1000"]);
var epochs = lesson.Parameter("epochs", 10);          // passes over the training set (the articles use 10)
var trainSamples = lesson.Parameter("trainSamples", 60000); // MNIST training images used (all 60,000 at full size)
var testSamples = lesson.Parameter("testSamples", 10000);  // MNIST test images used (all 10,000 at full size)

L1Lab.Native.TorchRuntime.Initialize();
var words = Words.English;   // the language of the sentences cells print (each edition names its own)
torch.random.manual_seed(4);
const long seed = 42; // initial weights (Mlp.Create) and shuffling (TrainingOptions.Seed) of every run
lesson.Display($"TorchSharp ready on {torch.get_num_threads()} threads");

// The sizes. The defaults are the articles' experiment; CI runs the notebook with `epochs = 1`, `trainSamples = 2000`, `testSamples = 1000`.

// ## 1. What the articles do, and the two flaws
//
// The experiment comes from the first article (on L1 regularization for medical image diagnosis): MNIST digits as a stand-in for medical images, a multilayer perceptron 784 → 256 (ReLU) → 10, SGD with learning rate 0.01, batch 32, 10 epochs, and an L1 penalty R(w) = λ·Σ|wᵢ| with λ = 0.01 added to the cross-entropy. The second article (on regularization in medical image diagnosis) names no data set; its listing compiles a model with Adam and the mean squared error (notebook 03, section 4, shows what L1 does with Adam). Neither article's code applies L1:
//
// 1. **The first article declares λ and never applies it.** It sets `l1_lambda = 0.01`, but the model is compiled and fitted with the plain cross-entropy loss and its layers have no regularizer; the variable is never read. Its "L1" run is an unregularized network.
// 2. **The second article's "L1" is not L1, and its API does not exist.** Its `l1_regularization` function returns `np.sum(params**2) * rate`, a sum of squares, i.e. an L2 penalty. And it imports an `L1Regularization` layer from `tensorflow.keras.layers` and calls `model.add_column(...)`; Keras has neither, so the code cannot run.
//
// Keras's working form is `kernel_regularizer=tf.keras.regularizers.l1(0.01)` on a layer. It is not a cure: Keras adds 0.01·Σ|w| to the batch's mean loss at every step, exactly the penalty-in-the-loss run below, so that network would collapse in the same way (section 4).
//
// This notebook runs the first article's experiment as described, with λ·Σ|w| really in the update: once as a penalty in the loss (what the articles describe), once with the proximal step from notebook 03.

var mnist = Mnist.Load(DataPaths.FindDataDirectory());
var train = mnist.Train.Take(trainSamples);
var test = mnist.Test.Take(testSamples);
mnist.Dispose();
lesson.Display($"train: {train.Count} images, test: {test.Count} images, {train.ImageSide}×{train.ImageSide} pixels in [0, 1]");

// Every run starts from the same seeded network (`Mlp.Create` seeds the initial weights) and sees the batches in the same seeded order. `Trainer` is the loop of notebook 03 written once. Each step does three things:
//
// 1. **forward** and the cross-entropy of the batch;
// 2. **the gradients.** By default (`TrainingOptions.UseHandDerivedStep = true`) `HandDerivedStep` computes them with the formulas of notebook 03, written out by hand, which is faster than autograd. With `UseHandDerivedStep = false`, autograd's `backward()` computes them. A penalty that is part of the loss adds its gradient here: λ·sign(w) for L1 as a penalty, λ₂·w for L2;
// 3. **the update**, the same library call on both paths: `Updates.GradientStep`, `Updates.SubgradientStep` or `Updates.ProximalStep` (which soft-thresholds with `L1.SoftThresholdInPlace`), on each weight matrix.
//
// So the runs below use the fast path. After the λ = 0.01 runs, one setting is trained through autograd as well, to check that both paths give the same model. After each epoch the trainer records the data loss, the penalty, the accuracies, the fraction of exact zeros and the time.

var models = new Dictionary<string, Mlp>();

RunResult Run(string name, L1Mode? mode, double lambda, int runEpochs, bool autograd = false)
{
    var model = Mlp.Create([784, 256, 10], seed);
    var options = new TrainingOptions { Epochs = runEpochs, Seed = seed, L1Lambda = lambda, L1Mode = mode ?? L1Mode.Penalty, UseHandDerivedStep = !autograd };
    // One line per epoch while it trains (the full run takes a while).
    var log = new SyncProgress<TrainingProgress>(p => { if (p.Completed is { } m) Console.WriteLine($"{name} epoch {m.Epoch}/{runEpochs}: {m.Summary}"); });
    var history = new Trainer(options).Fit(model, train, test, log);
    models[name] = model;
    var result = new RunResult(name, mode, lambda, history);
    var path = autograd ? "autograd backward()" : "hand-derived gradients";
    Console.WriteLine($"{name,-22} test accuracy {result.Final.TestAccuracy:P2}, exact zeros {result.Final.ZeroFraction:P2}, {result.Seconds:F1} s ({path})");
    return result;
}

var baseline = Run("baseline", null, 0, epochs);

// Now with λ = 0.01, first as a penalty in the loss, then with the proximal step (gradient step on the cross-entropy, then soft-thresholding by η·λ).
//
// With the penalty in the loss, the gradient of λ·Σ|w| is λ·sign(w) (notebook 02). On the fast path `HandDerivedStep` adds it to the data gradient with `L1.SubgradientInto`; with `UseHandDerivedStep = false`, autograd would find the same term by differentiating `L1.Penalty`. Then `Updates.GradientStep` moves the weights.

var l1Penalty = Run("L1 λ=0.01 penalty", L1Mode.Penalty, 0.01, epochs);

var l1Proximal = Run("L1 λ=0.01 proximal", L1Mode.Proximal, 0.01, epochs);
var runs = new[] { baseline, l1Penalty, l1Proximal };

// ### Both paths, one model
//
// The runs above used the hand-derived gradients. The cell below trains one setting twice for one epoch on (at most) the first 10,000 training images, from the same initial weights and in the same batch order: once on the fast path, once with `UseHandDerivedStep = false`, where autograd's `backward()` computes the gradients. Both call the same update (`Updates.ProximalStep`), so the weights must agree to float rounding (10⁻⁵; rounding differences grow with the number of steps, hence the shorter run), and then the accuracies may differ by at most one image in 256. λ = 10⁻³ leaves some weights exactly zero and the rest alive, so the check compares a real model, not one that has collapsed to zero.

var checkOptions = new TrainingOptions { Epochs = 1, Seed = seed, L1Lambda = 1e-3, L1Mode = L1Mode.Proximal };
var checkTrain = train.Take(10000);
var checkImages = checkTrain.Count;
var byHand = Mlp.Create([784, 256, 10], seed);
var byAutograd = Mlp.Create([784, 256, 10], seed);
var handCheck = new Trainer(checkOptions).Fit(byHand, checkTrain, test)[^1];
var autogradCheck = new Trainer(checkOptions with { UseHandDerivedStep = false }).Fit(byAutograd, checkTrain, test)[^1];
var weightGap = byHand.parameters().Zip(byAutograd.parameters(), (a, b) => (a - b).abs().max().item<float>()).Max();
var accuracyGap = Math.Abs(handCheck.TestAccuracy - autogradCheck.TestAccuracy);
byHand.Dispose();
byAutograd.Dispose();
checkTrain.Dispose();
lesson.Display($"1 epoch on {checkImages:N0} images, proximal λ = 1e-3. Hand-derived: test accuracy {handCheck.TestAccuracy:P2}, {handCheck.ZeroFraction:P2} exact zeros, {handCheck.Seconds:F1} s. Autograd: {autogradCheck.TestAccuracy:P2}, {autogradCheck.ZeroFraction:P2} exact zeros, {autogradCheck.Seconds:F1} s. Largest weight difference {weightGap:E1}.");

Check.That(weightGap <= 1e-5, "both paths give the same weights to 1e-5");
Check.That(accuracyGap <= 1.0 / 256, "both paths agree on test accuracy to one image in 256");

// ## 2. Curves and the results table

lesson.Display(Charts.DataLoss(runs));
lesson.Display(Charts.TestAccuracy(runs));

lesson.Display(ResultsTable.ToDataFrame(runs));

var fullSize = epochs >= 10 && trainSamples >= 60000 && testSamples >= 10000;   // the parameters cell's defaults
Check.That(!fullSize || (l1Penalty.Final.NearZeroFraction > 0.99 && l1Penalty.Final.ZeroFraction < 0.01), "at full size the penalty run has almost every weight below 10⁻³ but almost none exactly zero");
Check.That(!fullSize || l1Proximal.Final.ZeroFraction == 1.0, "at full size the proximal run has every weight exactly zero");

// The table holds this run's numbers. At full size (the parameters cell's defaults: 10 epochs of all 60,000 images), the baseline is far above chance, and both λ = 0.01 runs end at the accuracy of answering the same digit for every image. The penalty run then has almost every weight below 10⁻³ but almost none exactly zero; the proximal run has every weight exactly zero. Section 4 checks that collapse whenever the run is long enough to cause it, and explains why a quick run (one epoch of 2,000 images) is not; the folded check below holds the other two statements at full size. The full-size numbers of this notebook are in `results/full-size/` (written by `scripts/full-size-run.sh`); the README's Results table lists those of the `reproduce` run.
//
// ## 3. Sparsity, layer by layer
//
// `Sparsity.Measure` counts, for each weight matrix (biases are not regularized), the weights that are exactly 0 and those with |w| < 10⁻³.

var sparsityRows = runs.SelectMany(r => Sparsity.Measure(models[r.Run]).Layers.Select(l => (r.Run, l))).ToList();
lesson.Display(new DataFrame(
    new StringDataFrameColumn("run", sparsityRows.Select(s => s.Run)),
    new StringDataFrameColumn("layer", sparsityRows.Select(s => s.l.Name)),
    new Int64DataFrameColumn("weights", sparsityRows.Select(s => s.l.Count)),
    new Int64DataFrameColumn("exact zeros", sparsityRows.Select(s => s.l.Zeros)),
    new DoubleDataFrameColumn("zero fraction", sparsityRows.Select(s => Math.Round(s.l.ZeroFraction, 4))),
    new DoubleDataFrameColumn("|w| < 1e-3 fraction", sparsityRows.Select(s => Math.Round(s.l.NearZeroFraction, 4)))));

// The penalty-in-the-loss run has (almost) no exact zeros even where the weights are tiny: the subgradient update makes them zig-zag around zero ([notebook 02, section 6](02-l1-penalty.cs)). The proximal run sets them to exactly zero.

Check.That(Sparsity.Measure(models["L1 λ=0.01 proximal"]).Zeros > Sparsity.Measure(models["baseline"]).Zeros, "the proximal L1 run has more exact zeros than the baseline");
Check.That(Sparsity.Measure(models["L1 λ=0.01 penalty"]).NearZeroFraction > Sparsity.Measure(models["baseline"]).NearZeroFraction, "the L1 penalty pushes more weights near zero than the baseline has");

// ## 4. What λ = 0.01 does, and why
//
// Compare the size of the two terms of the objective at the start of training. PyTorch initialises a `Linear(784, 256)` uniformly in ±1/√784 = ±1/28, so the average |w| is about 1/56 ≈ 0.018 — and there are 784·256 = 200,704 of them.

var fresh = Mlp.Create([784, 256, 10], seed);
double initialLoss, initialPenalty, sumAbs;
using (torch.no_grad())
{
    initialLoss = Losses.CrossEntropy(fresh.forward(train.Images), train.Labels).item<float>();
    sumAbs = L1.Penalty(fresh, 1.0).item<float>();
    initialPenalty = 0.01 * sumAbs;
}
var weightCount = Sparsity.Measure(fresh).Count;
var largestInitialAbs = fresh.Layers.Max(l => l.weight!.detach().abs().max().item<float>());
lesson.Display($"{weightCount:N0} weights, Σ|w| = {sumAbs:F0}: data loss {initialLoss:F3} vs penalty λ·Σ|w| = {initialPenalty:F1} ({initialPenalty / initialLoss:F0}× larger); mean |w| {sumAbs / weightCount:G3}, largest |w| {largestInitialAbs:G3}");

Check.That(initialPenalty > 10 * initialLoss, "with λ = 0.01 the penalty is more than ten times the data loss at initialisation");

// With λ = 0.01 the penalty is more than ten times the data loss, so minimising the sum means, first of all, making Σ|w| small. In update terms: every step moves every weight by η·λ towards zero, whatever the data say. For a weight to survive, its data gradient would have to exceed λ in magnitude step after step; almost none do.
//
// Once the output layer's weights are (nearly) zero the network is stuck: the gradient reaching the first layer is multiplied by those weights, so it vanishes too, and only the biases learn. The network then predicts the same digit for every image, and its accuracy is that digit's share of the test set:

var classShare = test.ClassCounts().Max() / (double)test.Count;
lesson.Display($"most frequent test digit: {classShare:P2} of the test set; L1 λ=0.01 test accuracy: penalty {l1Penalty.Final.TestAccuracy:P2}, proximal {l1Proximal.Final.TestAccuracy:P2}");

// Does this run collapse? Add up the pull: after `steps` updates, soft-thresholding alone has moved a weight by steps·η·λ towards zero. The weight it takes longest to reach is the *largest* initial one, not a typical one: each layer is initialised uniformly in ±1/√fan_in, so the largest |w| is about 1/√256 = 1/16 ≈ 0.063 (the output layer), more than three times the mean |w| of about 0.018 that section 4 prints. Once steps·η·λ exceeds it, every weight whose data gradient stays below λ in size (the optimality condition of notebook 02) has had time to reach exactly zero, and once the output layer is zero no data gradient reaches the first layer at all. The cell computes the ratio steps·η·λ / (largest initial |w|); when it is above 1, a folded check asserts the collapse: both λ = 0.01 runs end within one point of the most frequent digit's share. When it is below 1, the run is too short to collapse, and the cell says so instead.

var defaults = new TrainingOptions();
long StepsOf(int runEpochs, long images) => runEpochs * ((images + defaults.BatchSize - 1) / defaults.BatchSize);
double Ratio(long steps) => steps * defaults.LearningRate * 0.01 / largestInitialAbs;   // steps·η·λ against the largest |w| at initialisation
var runSteps = StepsOf(epochs, train.Count);
var ratio = Ratio(runSteps);
var collapsed = new[] { l1Penalty, l1Proximal }.All(run => Math.Abs(run.Final.TestAccuracy - classShare) <= 0.01);
lesson.Display(words.Say($"this run: {runSteps:N0} steps, steps·η·λ = {runSteps * defaults.LearningRate * 0.01:G3}; largest |w| at initialisation {largestInitialAbs:G3}; ratio {ratio:F2}"));
lesson.Display(words.Say($"at full size (10 epochs of 60,000 images): {StepsOf(10, 60000):N0} steps, ratio {Ratio(StepsOf(10, 60000)):F1}"));
lesson.Display(ratio > 1
    ? words.Say($"ratio > 1: collapsed = {collapsed} (penalty {l1Penalty.Final.TestAccuracy:P2}, proximal {l1Proximal.Final.TestAccuracy:P2}, most frequent digit {classShare:P2})")
    : words.Say($"ratio ≤ 1: this run is too short for the pull to reach every weight, so no collapse is asserted (penalty {l1Penalty.Final.TestAccuracy:P2}, proximal {l1Proximal.Final.TestAccuracy:P2}, baseline {baseline.Final.TestAccuracy:P2})"));

Check.That(ratio <= 1 || collapsed, "once steps·η·λ exceeds the largest initial |w|, both λ = 0.01 runs collapse to the most frequent digit");

// A quick run (the CI's one epoch of 2,000 images) takes far fewer steps than the full run, so its ratio stays below 1 and the check asserts nothing: the pull has zeroed only the smallest weights, and the λ = 0.01 runs have not collapsed to one digit (the cell prints their accuracies next to the baseline's). At full size the same cell prints a ratio far above 1, and there the check asserts the collapse. The mechanism is the same in both; only the number of steps differs.

// ## 5. A small λ scan
//
// The penalty only has to be comparable to the data loss, not dominate it. We try λ = 10⁻⁴, 3·10⁻⁴ and 10⁻³ with the proximal step. To keep the notebook short the scan trains for at most 5 epochs, and compares with the baseline after the same number of epochs.

var scanEpochs = Math.Min(epochs, 5);
var lambdas = new[] { 1e-4, 3e-4, 1e-3 };
var scan = lambdas.Select(l => Run($"proximal λ={l:G2}", L1Mode.Proximal, l, scanEpochs)).ToList();
var reference = baseline.Epochs[scanEpochs - 1];
lesson.Display(new DataFrame(
    new DoubleDataFrameColumn("λ", lambdas.Prepend(0.0)),
    new DoubleDataFrameColumn("test accuracy", scan.Select(r => r.Final.TestAccuracy).Prepend(reference.TestAccuracy)),
    new DoubleDataFrameColumn("exact zeros (all weights)", scan.Select(r => Math.Round(r.Final.ZeroFraction, 4)).Prepend(reference.ZeroFraction)),
    new DoubleDataFrameColumn("exact zeros, layer 1", scan.Select(r => Math.Round(Sparsity.Measure(models[r.Run]).Layers[0].ZeroFraction, 4)).Prepend(0.0)),
    new DoubleDataFrameColumn("exact zeros, layer 2", scan.Select(r => Math.Round(Sparsity.Measure(models[r.Run]).Layers[1].ZeroFraction, 4)).Prepend(0.0))));

var tradeoff = new Figure($"Accuracy vs sparsity after {scanEpochs} epoch(s); baseline accuracy {reference.TestAccuracy:P1}",
    Axis.Linear("fraction of weights exactly 0"), Axis.Linear("test accuracy (fraction of test images)"),
    new LineSeries("proximal L1", scan.Select(r => r.Final.ZeroFraction).ToArray(), scan.Select(r => r.Final.TestAccuracy).ToArray())
    { Markers = true, Labels = lambdas.Select(l => $"λ = {l:G2}").ToArray() });
lesson.Display(tradeoff);

// Larger λ zeroes more weights and, past some point, costs accuracy: that is what this scan shows. It is an observation, not a law. Even for the lasso, where the answer does not depend on a training path, the set of nonzero coefficients is not monotone in λ (a coefficient can become zero and later nonzero again as λ grows), and here each λ follows its own training path from the same start. So the cell prints the zero fractions rather than asserting an order.

lesson.Display($"exact zeros by λ: {string.Join(", ", scan.Select(r => $"{r.Lambda:G2}: {r.Final.ZeroFraction:P1}"))}");

Check.That(scan[^1].Final.ZeroFraction > 0, "λ = 10⁻³ with the proximal step zeroes some weights");
var scanLayer1 = Sparsity.Measure(models["proximal λ=0.001"]).Layers[0].ZeroFraction;
Check.That(!fullSize || (scanLayer1 > 0.5 && reference.TestAccuracy - scan[^1].Final.TestAccuracy is > 0 and < 0.05), "at full size λ = 10⁻³ prunes most of the first layer for a few points of accuracy");
Check.That(!fullSize || (reference.TestAccuracy - scan[0].Final.TestAccuracy < 0.01 && scan[0].Final.ZeroFraction < scan[^1].Final.ZeroFraction), "at full size λ = 10⁻⁴ costs less than a point of accuracy and prunes less than λ = 10⁻³");

// The table above holds this run's numbers: for each λ, compare the test accuracy with the baseline's after the same number of epochs (the λ = 0 row), and look at the exact zeros per layer. At full size, the larger λ prunes most of the first layer for a few points of accuracy, and λ = 10⁻⁴ costs less than a point but prunes much less (the folded check above holds both; the numbers are in `results/full-size/`).
//
// ## 6. The first layer's weights as pictures
//
// Each of the 256 hidden units has 784 input weights, one per pixel: reshaped to 28×28 they show which pixels excite (red) or inhibit (blue) the unit. `Images.Grid` with the diverging map draws exactly-zero weights in pure white. Here are the first 64 units of the baseline, of λ = 0.01 (penalty in the loss) and of the proximal run with λ = 10⁻³ from the scan, each on its own colour scale.

PngImage FirstLayer(string run) => Images.Grid(models[run].Layers[0].weight!.detach()[..64], side: 28, columns: 8, scale: 2, diverging: true);
string LargestWeight(string run) => $"largest |w| shown: {models[run].Layers[0].weight!.detach()[..64].abs().max().item<float>():G3}";
lesson.Display($"baseline; {LargestWeight("baseline")}");
lesson.Display(FirstLayer("baseline"));
lesson.Display($"L1 λ=0.01, penalty in the loss; {LargestWeight("L1 λ=0.01 penalty")}");
lesson.Display(FirstLayer("L1 λ=0.01 penalty"));
lesson.Display($"L1 λ=0.001, proximal ({scanEpochs} epochs); {LargestWeight("proximal λ=0.001")}");
lesson.Display(FirstLayer("proximal λ=0.001"));

Check.That(!fullSize || models["L1 λ=0.01 penalty"].Layers[0].weight!.detach().abs().max().item<float>() < 1e-3, "at full size every first-layer weight of the λ = 0.01 penalty run is tiny (below 10⁻³)");

// The baseline's units look like noisy blends of strokes over the whole image; the speckle at the border is the random initialisation, untouched because those pixels are 0 in (almost) every MNIST image, so their weights get no gradient. With the proximal step at λ = 10⁻³ the border weights are exactly zero and many units have shrunk to small patches of the centre or vanished entirely — the pruning L1 promises. With λ = 0.01 as a penalty, at full size, nothing useful is left: every weight is tiny (each picture is scaled to its own largest weight, printed above it), and what looks like noise is the zig-zag around zero of [notebook 02, section 6](02-l1-penalty.cs).
//
// ## Summary
//
// - The articles' code never applies L1: the first declares λ and ignores it, the second computes a sum of squares (L2) through APIs Keras does not have.
// - With λ·Σ|w| really applied at λ = 0.01, the penalty starts out more than ten times larger than the data loss (section 4 prints both, and the number and mean size of the weights). Once steps·η·λ exceeds the largest initial |w|, the weights collapse towards zero and the network predicts one digit for every image, with the penalty in the loss or with the proximal step alike.
// - The penalty in the loss only makes weights small; the proximal step makes them exactly zero.
// - The trainer's fast path computes the gradients by hand and autograd computes them with `backward()`; both apply the same `Updates` step, and give the same model.
// - A λ between 10⁻⁴ and 10⁻³ with the proximal step zeroes a large share of the weights, starting with the border pixels, at a small cost in accuracy (the scan table in section 5). Notebook 05 chooses λ properly, on a validation set rather than the test set.

// ## Exercises
//
// Each exercise asks for a function. In the student version its solution cell holds the function with one line that throws `NotImplementedException`: replace that line with your code. The test cell below it checks your answer and says what it checks; the grader (`l1lab workshop grade`) runs the same tests and a few hidden ones on other inputs.

// ### Exercise 1: Pixels a model switched off
//
// A pixel is switched off when all the weights leaving it in the first layer are exactly 0. Write `long DeadPixels(Mlp model)` that counts such pixels from `model.Layers[0].weight` (shape hidden × 784: one column per pixel).
//
// *Checked (2 points):* The test checks a fresh model (no dead pixel) and one with ten columns set to 0, then shows the count for each model trained above; hidden tests check a column with a single nonzero weight.

long DeadPixels(Mlp model)
{
    // BEGIN SOLUTION
    using var scope = torch.NewDisposeScope();
    return model.Layers[0].weight!.detach().eq(0).all(0).sum().item<long>();
    // END SOLUTION
}

// Test: a fresh model has no dead pixel; zeroing 10 columns makes 10.
var deadModel = Mlp.Create([784, 16, 10], 1);
if (DeadPixels(deadModel) != 0) throw new Exception($"a fresh model should have no dead pixel, got {DeadPixels(deadModel)}");
using (torch.no_grad()) deadModel.Layers[0].weight![TensorIndex.Colon, TensorIndex.Slice(0, 10)].zero_();
if (DeadPixels(deadModel) != 10) throw new Exception($"10 zeroed columns should give 10 dead pixels, got {DeadPixels(deadModel)}");
lesson.Display(string.Join("; ", models.Select(m => $"{m.Key}: {DeadPixels(m.Value)} of 784 pixels switched off")));
// BEGIN HIDDEN TESTS
using (torch.no_grad()) deadModel.Layers[0].weight![3, 5] = torch.tensor(0.5f);
if (DeadPixels(deadModel) != 9) throw new Exception("a column with one nonzero weight is not dead");
foreach (var (name, m) in models)
    if (DeadPixels(m) != m.Layers[0].weight!.detach().eq(0).all(0).sum().item<long>()) throw new Exception($"DeadPixels is wrong for {name}");
deadModel.Dispose();
// END HIDDEN TESTS

// ### Exercise 2: The share of exact zeros
//
// Write `double ExactZeroFraction(Mlp model)` that returns the fraction of the weights of all layers (the weight matrices, not the biases) that are exactly 0. Which of the models above has the most, and why does the baseline have none? (Notebook 06 trains an L2 model; by the optimality condition of notebook 02, expect none there either.)
//
// *Checked (1 point):* The test checks a fresh model (0) and one whose first layer is all zeros; hidden tests compare with `Sparsity.Measure` for every trained model.

double ExactZeroFraction(Mlp model)
{
    // BEGIN SOLUTION
    // L2 shrinks each weight in proportion to its size, so it never makes one exactly zero; only the proximal step does.
    long zeros = 0, count = 0;
    foreach (var layer in model.Layers)
    {
        var w = layer.weight!.detach();
        zeros += w.eq(0).sum().item<long>();
        count += w.numel();
    }
    return (double)zeros / count;
    // END SOLUTION
}

// Test: 0 for a fresh model; 784·16 of 784·16 + 16·10 weights after zeroing the first layer.
var zerosModel = Mlp.Create([784, 16, 10], 2);
if (ExactZeroFraction(zerosModel) != 0) throw new Exception($"a fresh model has no exact zero, got {ExactZeroFraction(zerosModel)}");
using (torch.no_grad()) zerosModel.Layers[0].weight!.zero_();
var zerosExpected = 784.0 * 16 / (784 * 16 + 16 * 10);
if (Math.Abs(ExactZeroFraction(zerosModel) - zerosExpected) > 1e-12) throw new Exception($"expected {zerosExpected}, got {ExactZeroFraction(zerosModel)}");
zerosModel.Dispose();
lesson.Display(string.Join("; ", models.Select(m => $"{m.Key}: {ExactZeroFraction(m.Value):P2} exact zeros")));
// BEGIN HIDDEN TESTS
foreach (var (name, m) in models)
    if (Math.Abs(ExactZeroFraction(m) - Sparsity.Measure(m).ZeroFraction) > 1e-12) throw new Exception($"ExactZeroFraction is wrong for {name}");
// END HIDDEN TESTS

train.Dispose();
test.Dispose();
foreach (var m in models.Values) m.Dispose();
lesson.Display("done");

// [Next: 05 — choosing λ](05-choosing-lambda.cs) · [Course overview](../README.md)
