#:project ../lib/L1Lab/L1Lab.csproj
// # 06 — L1, L2, elastic net and dropout side by side
//
// After this notebook you will be able to show overfitting as a train–test gap, compare five regularizers (L1 as a penalty and by soft-thresholding, L2, elastic net, dropout) on equal terms, tell L1's exact zeros from L2's many small weights by counting them, compute the elastic-net proximal operator, and state what the comparison does and does not show.
//
// **Prerequisites:** [02 — The L1 penalty](02-l1-penalty.cs) (L2, soft-thresholding), [05 — Choosing λ](05-choosing-lambda.cs); notebook 04 (the `Trainer` on MNIST).
//
// The article on regularization in medical image diagnosis, one of the two this course corrects, compares L1, L2 and dropout in words only (and claims, without evidence, that L1 "may cause overfitting" and that L2 "alleviates L1's problems"). Here we measure.
//
// Exported from notebooks/06-l1-l2-dropout.ipynb by `l1lab notebooks export --to cs`: edit the notebook and export again, not this file.
// Run it with `dotnet run lessons/06-l1-l2-dropout.cs`; quick values: `dotnet run lessons/06-l1-l2-dropout.cs -- --quick`; one value:
// `-- --set name=value`. Text prints here; figures are written as SVG/HTML files to out/ next to this file.

using TorchSharp;
using static TorchSharp.torch;
using Microsoft.Data.Analysis;
using L1Lab.Visuals;
using L1Lab;
using L1Lab.Data;
using L1Lab.Models;
using L1Lab.Training;
using L1Lab.Experiments;
using L1Lab.Results;
using L1Lab.Lessons;

// Parameters (the notebook's cell tagged "parameters"): edit them here or set them on the command line.
var lesson = Lesson.Start(args, parameters: ["trainSamples", "testSamples", "epochs"], quick: ["trainSamples=2000", "testSamples=1000", "epochs=1"]);
var trainSamples = lesson.Parameter("trainSamples", 1000);  // MNIST training images: few, so that the network can memorise them
var testSamples = lesson.Parameter("testSamples", 10000);  // MNIST test images
var epochs = lesson.Parameter("epochs", 30);          // passes over the training images (many, so the unregularized model overfits)

L1Lab.Native.TorchRuntime.Initialize(); // before any torch call (see 00-setup)
var words = Words.English;   // the language of the sentences cells print (each edition names its own)
torch.random.manual_seed(6);            // dropout draws its masks from this generator
lesson.Display("ready");

// The parameters. A small training set is the point: regularization only helps where there is overfitting to reduce.

// ## 0. Data and settings
//
// `RegularizerComparisonOptions` holds the strengths the library's comparison uses: L1 λ = 10⁻³, L2 λ₂ = 10⁻², elastic net with both, dropout p = 0.5, SGD with learning rate 0.05 and batch 32 on the 784 → 256 → 10 MLP. These are reasonable starting points, **not tuned values**: notebook 05 shows how to tune a strength by cross-validation; this notebook does not tune them. Every model starts from the same initial weights (seed 42) and sees the images in the same order.

var mnist = Mnist.Load(DataPaths.FindDataDirectory());
var train = mnist.Train.Take(trainSamples);
var test = mnist.Test.Take(testSamples);
mnist.Dispose();

var options = new RegularizerComparisonOptions();
options = options with { Training = options.Training with { Epochs = epochs } };
var sizes = new[] { train.PixelCount, 256, train.ClassCount };
lesson.Display($"{train.Count} training images, {test.Count} test images; L1 λ = {options.L1Lambda}, L2 λ₂ = {options.L2Lambda}, dropout p = {options.DropoutProbability}, learning rate {options.Training.LearningRate}, {options.Training.Epochs} epochs");

// ## 1. Overfitting without regularization
//
// First the baseline alone, evaluated after every epoch on the training images and on the test images.

var histories = new Dictionary<Regularizer, IReadOnlyList<EpochMetrics>>();
var models = new Dictionary<Regularizer, Mlp>();
var settings = new Dictionary<Regularizer, string>();

void TrainOne(Regularizer regularizer)
{
    var (trainingOptions, dropout, setting) = RegularizerComparison.Configure(regularizer, options);
    var model = Mlp.Create(sizes, trainingOptions.Seed, dropout);
    histories[regularizer] = new Trainer(trainingOptions).Fit(model, train, test);
    models[regularizer] = model;
    settings[regularizer] = setting;
}

TrainOne(Regularizer.None);
var none = histories[Regularizer.None];
var epochAxis = none.Select(e => (double)e.Epoch).ToArray();
var gapChart = new Figure($"No regularization, {train.Count} training images", Axis.Linear("epoch"), Axis.Linear("accuracy (fraction of images)"),
    new LineSeries("train", epochAxis, none.Select(e => e.TrainAccuracy).ToArray()) { Markers = true },
    new LineSeries("test", epochAxis, none.Select(e => e.TestAccuracy).ToArray()) { Markers = true })
{ Height = 380 };
lesson.Display(gapChart);
lesson.Display(words.Say($"final: train {none[^1].TrainAccuracy:P2}, test {none[^1].TestAccuracy:P2}, gap {100 * (none[^1].TrainAccuracy - none[^1].TestAccuracy):F1} points; data loss {none[0].DataLoss:F3} → {none[^1].DataLoss:F3}"));

// The chart and the line above show this run. At full size (1,000 training images, 30 epochs) the training accuracy climbs far above the test accuracy (the line prints the gap), and the mean training loss keeps falling long after the test accuracy has stopped improving. The network has far more parameters than there are training images: it can fit them almost perfectly, and much of what it fits does not carry over to new digits.

// ## 2. Five regularizers
//
// What each one changes (λ's as in section 0; η is the learning rate):
//
// | regularizer | what training does | expected effect on weights |
// |---|---|---|
// | L1 penalty | adds λ·Σ\|w\| to the loss; autograd differentiates it (the articles' way) | small, rarely exactly zero (notebook 02: the subgradient overshoots) |
// | L1 proximal | after each SGD step, soft-thresholds every weight by η·λ | many exactly zero |
// | L2 | adds (λ₂/2)·Σw² to the loss: each step shrinks w by the factor (1 − ηλ₂) | small, not zero |
// | elastic net | L2 in the loss plus soft-thresholding by η·λ | zeros, survivors shrunk |
// | dropout | during training, each hidden unit's output is zeroed with probability p (the rest scaled by 1/(1 − p)); nothing at test time | none directly: it regularizes by noise |
//
// As everywhere in the course, the penalties act on weights only, not biases. `RegularizerComparison.Configure` turns a `Regularizer` into the trainer's settings; we train each model with the `Trainer` ourselves so that we can keep the models and look at their weights.

foreach (var r in new[] { Regularizer.L1Penalty, Regularizer.L1Proximal, Regularizer.L2, Regularizer.ElasticNet, Regularizer.Dropout })
    TrainOne(r);
var rows = histories.Select(h => new RegularizerResult(h.Key, settings[h.Key], h.Value[^1].TrainAccuracy, h.Value[^1].TestAccuracy,
    h.Value[^1].ZeroFraction, h.Value[^1].NearZeroFraction, h.Value.Sum(e => e.Seconds))).ToList();
lesson.Display(RegularizerComparison.ToDataFrame(rows));

// Is that what `RegularizerComparison.Run` computes? Rerun two of the rows through the library: the numbers must be identical (same settings, same seed, deterministic training without dropout).

var check = RegularizerComparison.Run(train, test, options with { Regularizers = new[] { Regularizer.None, Regularizer.L1Proximal } });
lesson.Display($"RegularizerComparison.Run reproduces the {string.Join(" and ", check.Select(c => c.Regularizer))} rows exactly");

Check.That(check.All(c => rows.Single(r => r.Regularizer == c.Regularizer) with { Seconds = 0 } == c with { Seconds = 0 }), "RegularizerComparison.Run reproduces our rows exactly");

var names = rows.Select(r => r.Regularizer.ToString()).ToArray();
var accuracyBars = new Figure("Final accuracy per regularizer", Axis.Linear("regularizer"), Axis.Linear("accuracy (fraction of images)"),
    new BarSeries("train accuracy", names, rows.Select(r => r.TrainAccuracy).ToArray()),
    new BarSeries("test accuracy", names, rows.Select(r => r.TestAccuracy).ToArray()))
{ Width = 720 };
lesson.Display(accuracyBars);
var testCurves = Charts.PerEpoch(histories.Select(h => new RunResult(h.Key.ToString(), null, 0, h.Value)), e => e.TestAccuracy, "Test accuracy per epoch", "test accuracy (fraction of test images)");
lesson.Display(testCurves);
lesson.Display(new Figure("Fraction of weights exactly zero and near zero", Axis.Linear("regularizer"), Axis.Linear("fraction of weights"),
    new BarSeries("exactly 0", names, rows.Select(r => r.ZeroFraction).ToArray()),
    new BarSeries("|w| < 10⁻³", names, rows.Select(r => r.NearZeroFraction).ToArray()))
{ Width = 720 });

// The sparsity checks hold for any size: only the soft-thresholding methods produce exact zeros; adding λ·Σ|w| to the loss does not (it gives at most an accidental few), and L2, dropout and no regularization give none.

double Zeros(Regularizer r) => rows.Single(x => x.Regularizer == r).ZeroFraction;
lesson.Display(string.Join("; ", rows.Select(r => $"{r.Regularizer}: {r.ZeroFraction:P2} zeros")));

Check.That(Zeros(Regularizer.L1Proximal) > 0 && Zeros(Regularizer.ElasticNet) > 0, "the soft-thresholding methods produce exact zeros");
Check.That(Zeros(Regularizer.L1Penalty) < Zeros(Regularizer.L1Proximal), "adding λ·Σ|w| to the loss gives fewer exact zeros than the proximal step");
Check.That(new[] { Regularizer.None, Regularizer.L2, Regularizer.Dropout }.All(r => Zeros(r) == 0), "L2, dropout and no regularization give no exact zeros");

// The table above (from `RegularizerComparison.ToDataFrame`) holds this run's numbers. A test accuracy p measured on n images has a standard error of √(p(1 − p)/n) (notebook 05), so differences below two standard errors are noise. Read the table for three things: which rows have exact zeros (the line above the table checks them), which have many weights below 10⁻³, and how the train–test gap compares with the baseline's.
//
// L1 as a penalty and L1 by soft-thresholding end with about the same accuracy and about the same fraction of weights below 10⁻³, but only the proximal version turns them into exact zeros: the penalty version leaves them zig-zagging around zero ([notebook 02, section 6](02-l1-penalty.cs)). The numbers of a full-size run of this notebook are in `results/full-size/`, written by `scripts/full-size-run.sh`.

// ## 3. L1 versus L2: exact zeros versus many small weights
//
// Counting the first layer's 784 × 256 = 200,704 weights by magnitude makes the difference concrete:

var buckets = new (string Name, Func<Tensor, Tensor> Select)[]
{
    ("exactly 0", w => w.eq(0)),
    ("0 < |w| < 10⁻⁴", w => w.abs().gt(0).logical_and(w.abs().lt(1e-4))),
    ("10⁻⁴ ≤ |w| < 10⁻³", w => w.abs().ge(1e-4).logical_and(w.abs().lt(1e-3))),
    ("10⁻³ ≤ |w| < 10⁻²", w => w.abs().ge(1e-3).logical_and(w.abs().lt(1e-2))),
    ("|w| ≥ 10⁻²", w => w.abs().ge(1e-2)),
};
Tensor FirstLayer(Regularizer r) => models[r].Layers[0].weight!.detach();
var bucketTable = new DataFrame(new StringDataFrameColumn("|w| of first-layer weights", buckets.Select(b => b.Name)));
foreach (var r in models.Keys)
    bucketTable.Columns.Add(new Int64DataFrameColumn(r.ToString(), buckets.Select(b => b.Select(FirstLayer(r)).sum().item<long>())));
lesson.Display(bucketTable);

// And as histograms of the weight values (log count axis; the exact zeros are drawn as their own thick bar at 0, since a bin around 0 would mix them with small non-zero weights):

var l1Weights = FirstLayer(Regularizer.L1Proximal).flatten();
var l2Weights = FirstLayer(Regularizer.L2).flatten();
var l1Zeros = l1Weights.eq(0).sum().item<long>();
var l2Zeros = l2Weights.eq(0).sum().item<long>();
var binWidth = 0.0025;
var binCount = 80;                                    // 80 bins of width 0.0025 cover [−0.1, 0.1]
IEnumerable<double> Values(Tensor w) => w.data<float>().Select(x => (double)x);
var histogram = new Figure("First-layer weights: L1 (proximal) vs L2", Axis.Linear("weight value (bins of 0.0025)"), Axis.Log("count (log scale)"),
    HistogramSeries.Of($"L2 (exact zeros: {l2Zeros:N0})", Values(l2Weights), -0.1, binWidth, binCount) with { Opacity = 0.6 },
    HistogramSeries.Of("L1 proximal, non-zero weights", Values(l1Weights.masked_select(l1Weights.ne(0))), -0.1, binWidth, binCount) with { Opacity = 0.6 },
    new LineSeries($"L1 proximal, exactly 0 ({l1Zeros:N0})", [0.0, 0.0], [1.0, Math.Max(1, l1Zeros)]) { Width = 8 })
{ Width = 720, Height = 420 };
lesson.Display(histogram);
lesson.Display(words.Say($"first layer: L1 proximal {l1Zeros:N0} exact zeros ({(double)l1Zeros / l1Weights.numel():P1}); L2 {l2Zeros:N0}, smallest |w| under L2 {l2Weights.abs().min().item<float>():g3}"));

Check.That(l1Zeros > 0 && l2Zeros == 0, "the first layer has exact zeros under L1 (proximal) and none under L2");

// L2's pull on a weight is proportional to the weight (ηλ₂·w per step), so it fades as w approaches 0 and never gets there: L2 leaves a cloud of small non-zero weights. Soft-thresholding moves every weight within η·λ of zero to exactly zero, which is why L1's histogram is a spike at 0 plus the survivors. Those zeros can be deleted from the model without changing a single prediction; L2's small weights cannot.
//
// ## 4. Elastic net: the middle ground
//
// Elastic net combines both, R(w) = λ·[α·Σ|wᵢ| + ((1 − α)/2)·Σwᵢ²] with an L1 share α ∈ [0, 1]. It keeps L1's exact zeros, and its L2 part handles a weakness of L1: among strongly correlated inputs (neighbouring pixels are), L1 tends to keep one and drop the others somewhat arbitrarily, while L2 spreads weight over the group (exercise 2 shows both on two identical inputs).
//
// Its proximal operator, the elastic-net version of soft-thresholding, follows from the same subgradient argument as in notebook 02. Minimise ½(u − v)² + a|u| + (b/2)u² with a = ηλα and b = ηλ(1 − α): for u > 0 the derivative u − v + a + bu vanishes at u = (v − a)/(1 + b), consistent when v > a; symmetrically for u < 0; and u = 0 when |v| ≤ a. Together:
//
// $$\operatorname{prox}(v) = \frac{\operatorname{soft}(v, \eta\lambda\alpha)}{1 + \eta\lambda(1 - \alpha)} .$$
//
// Check it on a few numbers: against the closed form, against a brute-force grid search, and against `ElasticNet.Proximal`.

var v = torch.tensor(new double[] { -2.0, -0.9, -0.5, -0.3, 0.0, 0.2, 0.4, 0.6, 1.5 });
double eta = 1.0, lambdaEn = 1.0, alphaEn = 0.4;     // a = 0.4, b = 0.6: large, so the effect is visible
var a = eta * lambdaEn * alphaEn;
var b = eta * lambdaEn * (1 - alphaEn);
var closedForm = v.sign() * (v.abs() - a).clamp_min(0) / (1 + b);
var grid = torch.linspace(-3, 3, 60001, dtype: ScalarType.Float64);
var objective = 0.5 * (grid.unsqueeze(0) - v.unsqueeze(1)).square() + a * grid.abs().unsqueeze(0) + b / 2 * grid.square().unsqueeze(0);
var bruteForce = grid[objective.argmin(1)];
var library = ElasticNet.Proximal(v, eta, lambdaEn, alphaEn);
var gridError = (bruteForce - closedForm).abs().max().item<double>();
var libraryError = (library - closedForm).abs().max().item<double>();
lesson.Display(new DataFrame(
    new DoubleDataFrameColumn("v", v.data<double>().ToArray()),
    new DoubleDataFrameColumn("soft(v, a)/(1 + b)", closedForm.data<double>().Select(x => Math.Round(x, 6) + 0.0).ToArray()),
    new DoubleDataFrameColumn("grid search", bruteForce.data<double>().Select(x => Math.Round(x, 6) + 0.0).ToArray()),
    new DoubleDataFrameColumn("ElasticNet.Proximal", library.data<double>().Select(x => Math.Round(x, 6) + 0.0).ToArray())));
lesson.Display($"max difference: grid search {gridError:g3} (grid spacing 1e-4), library {libraryError:g3}");

Check.That(gridError <= 1e-4 && libraryError <= 1e-12, "soft(v, a)/(1 + b) is the elastic-net minimiser (grid search) and what ElasticNet.Proximal computes");

// Every |v| ≤ a = 0.4 maps to exactly 0 (the L1 part); the survivors move a towards zero and are then divided by 1 + b (the L2 part). With α = 1 it is plain soft-thresholding, with α = 0 plain L2 shrinkage v/(1 + b).
//
// The trainer's elastic net takes the L2 part as a gradient (in the loss) and only the L1 part as soft-thresholding: w ← soft((1 − ηλ₂)w − ηg, ηλ₁) instead of soft(w − ηg, ηλ₁)/(1 + ηλ₂). Both are proximal-gradient steps for the same objective; for our step sizes they differ by about ηλ₁·ηλ₂ (the cell prints it), far below anything that matters. Measured on the trained first-layer weights (with g = 0):

var lambda1 = options.L1Lambda; var lambda2 = options.L2Lambda; var lr = options.Training.LearningRate;
var wEn = FirstLayer(Regularizer.ElasticNet).to_type(ScalarType.Float64);
var trainerStep = L1.SoftThreshold((1 - lr * lambda2) * wEn, lr * lambda1);
var proxStep = ElasticNet.Proximal(wEn, lr, lambda1 + lambda2, lambda1 / (lambda1 + lambda2));   // λ = λ₁ + λ₂, α = λ₁/λ
var stepDifference = (trainerStep - proxStep).abs().max().item<double>();
lesson.Display(words.Say($"max |trainer step − ElasticNet.Proximal step| = {stepDifference:g3}  (ηλ₁·ηλ₂ = {lr * lambda1 * lr * lambda2:g3})"));

Check.That(stepDifference <= 1e-6, "the trainer's elastic-net step and the proximal step differ by about ηλ₁·ηλ₂, far below anything that matters");

// ## 5. What this comparison shows, and what it does not
//
// Read the table of section 2 with one seed and one data subset in mind. At full size it shows the following (the folded check below holds each statement at full size, and `results/full-size/` keeps the numbers):
//
// - **A smaller gap is not a better model.** L1 and elastic net shrink the train–test gap the most, but mostly by lowering *training* accuracy; at these untuned strengths their test accuracy is a few points below the baseline.
// - **What L1 buys here is sparsity, not accuracy:** most of the weights exactly zero, i.e. a model that could be stored and run with a fraction of its weights, for a few points of test accuracy. Notebook 05 showed the other end of that trade: a smaller λ keeps the accuracy and prunes less. Sparsity also makes a model easier to inspect (which inputs does it use at all?), which notebook 07 exploits.
// - **L2 and dropout** at these strengths leave test accuracy within noise of the baseline, with no zeros.
// - **The articles' claims do not survive measurement:** L1 did not "cause overfitting" (its gap is among the smallest), and adding L2 to L1 (elastic net) does not fix anything L1 gets wrong here.
// - **Limits:** one seed, one 1,000-image subset, one strength per method, chosen as starting points and not tuned. To rank the methods, tune each one by cross-validation (notebook 05) and repeat over seeds; differences below about two standard errors of a test accuracy are not evidence of anything.

var fullSize = trainSamples == 1000 && testSamples >= 10000 && epochs >= 30;   // the parameters cell's defaults
RegularizerResult Row(Regularizer r) => rows.Single(x => x.Regularizer == r);
double Gap(Regularizer r) => Row(r).TrainAccuracy - Row(r).TestAccuracy;
var twoStandardErrors = 2 * Math.Sqrt(Row(Regularizer.None).TestAccuracy * (1 - Row(Regularizer.None).TestAccuracy) / test.Count);
Check.That(!fullSize || new[] { Regularizer.L1Proximal, Regularizer.ElasticNet }.All(r => Gap(r) < Gap(Regularizer.None) && Row(Regularizer.None).TestAccuracy - Row(r).TestAccuracy is > 0 and < 0.1), "at full size L1 and elastic net shrink the gap but end a few points below the baseline's test accuracy");
Check.That(!fullSize || Row(Regularizer.L1Proximal).ZeroFraction > 0.5, "at full size most of L1's weights are exactly zero");
Check.That(!fullSize || new[] { Regularizer.L2, Regularizer.Dropout }.All(r => Math.Abs(Row(r).TestAccuracy - Row(Regularizer.None).TestAccuracy) < twoStandardErrors), "at full size L2 and dropout leave test accuracy within noise of the baseline");
Check.That(!fullSize || rows.Count(r => Gap(r.Regularizer) < Gap(Regularizer.L1Proximal)) <= 1, "at full size L1's gap is among the smallest");

foreach (var m in models.Values) m.Dispose();
lesson.Display("models freed (data kept for the solutions)");

// ## Summary
//
// - With 1,000 training images an unregularized MLP fits the training set far better than the test set; that train–test gap is what regularizers are meant to shrink.
// - L1 by soft-thresholding and elastic net leave many weights **exactly** zero; L1 added to the loss and differentiated by autograd leaves them small but not zero; L2 makes weights small and never zero; dropout acts on activations, not on weights.
// - Counting weights by magnitude (and a histogram with the zeros as their own bar) shows the difference directly: a spike of exact zeros for L1, a cloud of small values for L2.
// - The elastic-net proximal operator is soft(v, ηλα)/(1 + ηλ(1 − α)): L1's dead zone, then L2's uniform shrinkage. `ElasticNet.Proximal` computes it.
// - One seed, one data subset, untuned strengths: a comparison like this shows what each method does to the weights, and roughly what it costs or gains; it does not rank the methods in general. Tune each one (notebook 05) and repeat over seeds before claiming more.

// ## Exercises
//
// Each exercise asks for a function. In the student version its solution cell holds the function with one line that throws `NotImplementedException`: replace that line with your code. The test cell below it checks your answer and says what it checks; the grader (`l1lab workshop grade`) runs the same tests and a few hidden ones on other inputs.

// ### Exercise 1: Dropout by hand
//
// Write `Tensor InvertedDropout(Tensor x, double p, torch.Generator generator)` as dropout works in training mode: each entry is set to 0 with probability p (draw with `torch.rand(..., generator: generator)`), and the kept entries are divided by 1 − p, so the expected value of every entry stays the same. (In `eval()` mode, dropout does nothing.)
//
// *Checked (2 points):* The test checks 100,000 ones with p = 0.5: every value is 0 or 2, about half are 0, and the mean stays about 1; hidden tests check p = 0 and p = 0.9.

Tensor InvertedDropout(Tensor x, double p, torch.Generator generator)
{
    // BEGIN SOLUTION
    using var scope = torch.NewDisposeScope();
    var keep = torch.rand(x.shape, generator: generator).ge(p).to_type(x.dtype);
    return (x * keep / (1 - p)).MoveToOuterDisposeScope();
    // END SOLUTION
}

// Test: values 0 or 2, about half dropped, mean about 1.
var dropped = InvertedDropout(torch.ones(100_000), 0.5, new torch.Generator(60));
if (!(dropped.eq(0) | dropped.eq(2)).all().item<bool>()) throw new Exception("with p = 0.5 every entry should be 0 or 2");
var droppedShare = dropped.eq(0).to_type(ScalarType.Float64).mean().item<double>();
var droppedMean = dropped.to_type(ScalarType.Float64).mean().item<double>();
if (Math.Abs(droppedShare - 0.5) > 0.01 || Math.Abs(droppedMean - 1) > 0.02) throw new Exception($"share of zeros {droppedShare}, mean {droppedMean}: expected about 0.5 and 1");
lesson.Display($"p = 0.5: {droppedShare:P1} of the entries dropped, mean {droppedMean:F4}");
// BEGIN HIDDEN TESTS
var dropX = torch.randn(50, 20);
if (!InvertedDropout(dropX, 0, new torch.Generator(61)).allclose(dropX)) throw new Exception("p = 0 should change nothing");
var dropped9 = InvertedDropout(torch.ones(200_000), 0.9, new torch.Generator(62));
if (Math.Abs(dropped9.eq(0).to_type(ScalarType.Float64).mean().item<double>() - 0.9) > 0.01 || Math.Abs(dropped9.to_type(ScalarType.Float64).mean().item<double>() - 1) > 0.05)
    throw new Exception("p = 0.9 should drop about 90 % and keep the mean about 1");
// END HIDDEN TESTS

// ### Exercise 2: Two identical inputs
//
// Section 4 says that among strongly correlated inputs L1 keeps one somewhat arbitrarily, while elastic net's L2 part spreads the weight over the group. Take the extreme case: a model y ≈ w₁·x + w₂·x whose two inputs are the same x. Write `(double First, double Second) TwinWeights(Tensor x, Tensor y, double alpha, int steps)` that starts at (w₁, w₂) = (1, 0), takes `steps` proximal-gradient steps on the mean squared error (1/n)·Σ(w₁xᵢ + w₂xᵢ − yᵢ)² with η = 0.1, λ = 0.5 and L1 share `alpha` (the gradient step, then `ElasticNet.Proximal`), and returns the final (w₁, w₂).
//
// Before you run it, predict: both weights receive the same gradient, so what happens to w₁ − w₂ under soft-thresholding alone (α = 1), and what under the division by 1 + ηλ(1 − α)?
//
// *Checked (2 points):* The test uses 200 standard-normal x (float64) and y = 2x, 1,000 steps. With α = 1 (the lasso) w₁ − w₂ stays exactly the 1 it started with, and w₁ + w₂ is the one-input lasso's answer 2 − λ/(2·mean(x²)); with α = 0.5 the two weights end equal. Hidden tests check the elastic net's total weight against its closed form, and the equal split for another target and L1 share.

(double First, double Second) TwinWeights(Tensor x, Tensor y, double alpha, int steps)
{
    // BEGIN SOLUTION
    const double eta = 0.1, lambda = 0.5;
    using var scope = torch.NewDisposeScope();
    var w = torch.tensor(new double[] { 1, 0 });
    for (var k = 0; k < steps; k++)
    {
        // Both inputs are x, so ∂L/∂w₁ = ∂L/∂w₂ = (2/n)·Σ(sxᵢ − yᵢ)xᵢ with s = w₁ + w₂.
        var s = w.sum();
        var gradient = 2 * ((s * x - y) * x).mean();
        w = ElasticNet.Proximal(w - eta * gradient, eta, lambda, alpha);
    }
    var final = w.data<double>().ToArray();
    return (final[0], final[1]);
    // END SOLUTION
}

// Test: 200 standard-normal x, y = 2x, 1,000 steps of η = 0.1, λ = 0.5.
var twinX = torch.randn(new long[] { 200 }, dtype: ScalarType.Float64, generator: new torch.Generator(63));
var twinY = 2 * twinX;
var meanSquare = twinX.square().mean().item<double>();
var lasso = TwinWeights(twinX, twinY, 1.0, 1000);
var elastic = TwinWeights(twinX, twinY, 0.5, 1000);
if (Math.Abs(lasso.First - lasso.Second - 1) > 1e-9) throw new Exception($"α = 1: w₁ − w₂ should stay 1, got {lasso.First - lasso.Second}");
if (Math.Abs(lasso.First + lasso.Second - (2 - 0.5 / (2 * meanSquare))) > 1e-9) throw new Exception($"α = 1: w₁ + w₂ should be 2 − λ/(2·mean(x²)) = {2 - 0.5 / (2 * meanSquare)}, got {lasso.First + lasso.Second}");
if (Math.Abs(elastic.First - elastic.Second) > 1e-9) throw new Exception($"α = 0.5: the two weights should end equal, got {elastic.First} and {elastic.Second}");
lesson.Display($"lasso (α = 1): w₁ = {lasso.First:F4}, w₂ = {lasso.Second:F4}; elastic net (α = 0.5): w₁ = {elastic.First:F4}, w₂ = {elastic.Second:F4}");
// BEGIN HIDDEN TESTS
// At w₁ = w₂ = s/2 the elastic-net objective is m(s − 2)² + λαs + λ(1 − α)s²/4, minimised at s = (4m − λα)/(2m + λ(1 − α)/2).
var elasticTotal = (4 * meanSquare - 0.5 * 0.5) / (2 * meanSquare + 0.5 * 0.5 / 2);
if (Math.Abs(elastic.First + elastic.Second - elasticTotal) > 1e-9) throw new Exception($"α = 0.5: w₁ + w₂ should be {elasticTotal}, got {elastic.First + elastic.Second}");
var ridgeLike = TwinWeights(twinX, 3 * twinX, 0.2, 1000);
if (Math.Abs(ridgeLike.First - ridgeLike.Second) > 1e-9) throw new Exception("α = 0.2, y = 3x: the two weights should end equal");
// END HIDDEN TESTS

train.Dispose();
test.Dispose();
lesson.Display("data freed");

// [Next: 07 — L1 for medical images: BreastMNIST](07-medical-imaging.cs)
