#:project ../lib/L1Lab/L1Lab.csproj
// # 05 — Choosing λ: the regularization path and cross-validation
//
// After this notebook you will be able to draw the regularization path (accuracy and sparsity against λ), explain why choosing λ on the test set gives an optimistic number, build K-fold cross-validation from scratch, choose λ with the highest-mean or the one-standard-error rule, and report one honest test accuracy for the λ you chose.
//
// **Prerequisites:** [02 — The L1 penalty](02-l1-penalty.cs) (soft-thresholding) and [04 — The MNIST experiment](04-mnist-experiment.cs) (training an L1-regularized MLP on MNIST with the `Trainer`, proximal mode, exact zeros); mean, standard deviation.
//
// The first of the two articles this course corrects answers "how do I choose λ?" with "use K-fold cross-validation on the training data" and stops there (the second does not discuss choosing λ). This notebook does it.
//
// Exported from notebooks/05-choosing-lambda.ipynb by `l1lab notebooks export --to cs`: edit the notebook and export again, not this file.
// Run it with `dotnet run lessons/05-choosing-lambda.cs`; quick values: `dotnet run lessons/05-choosing-lambda.cs -- --quick`; one value:
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
var lesson = Lesson.Start(args, parameters: ["trainSamples", "testSamples", "epochs", "folds"], quick: ["trainSamples=2000", "testSamples=1000", "epochs=1", "folds=2"]);
var trainSamples = lesson.Parameter("trainSamples", 10000); // MNIST training images: the sweep, the folds and the final model all use these
var testSamples = lesson.Parameter("testSamples", 10000);  // MNIST test images: used once, for the final evaluation in section 5
var epochs = lesson.Parameter("epochs", 10);          // passes over the training images for every model
var folds = lesson.Parameter("folds", 5);            // K of K-fold cross-validation

L1Lab.Native.TorchRuntime.Initialize(); // before any torch call (see 00-setup)
var words = Words.English;   // the language of the sentences cells print (each edition names its own)
torch.random.manual_seed(5);
lesson.Display("ready");

// The parameters: sizes that a quick run may override (`--set epochs=1`). The full-size values train 8 + 8·K + K + 1 = 54 small models (8 candidate λ, K = 5); `scripts/full-size-run.sh` runs them and writes the numbers the text quotes to `results/full-size/`.

// ## 0. Data and settings
//
// The first `trainSamples` MNIST training images and the first `testSamples` test images; the test images stay unused until section 5. Every model below is the 784 → 256 → 10 MLP of [notebook 04](04-mnist-experiment.cs), trained with the same `TrainingOptions` (SGD, learning rate 0.01, batch 32, seed 42, L1 applied by the proximal step so that weights become exactly zero); only λ changes.

var mnist = Mnist.Load(DataPaths.FindDataDirectory());
var train = mnist.Train.Take(trainSamples);
var test = mnist.Test.Take(testSamples);
mnist.Dispose();

var lambdas = new[] { 0.0, 1e-5, 1e-4, 3e-4, 1e-3, 2e-3, 3e-3, 1e-2 };
var training = new TrainingOptions { Epochs = epochs, L1Mode = L1Mode.Proximal };
lesson.Display($"{train.Count} training images, {test.Count} test images; λ ∈ {{{string.Join(", ", lambdas)}}}; {training}");

// ## 1. The regularization path
//
// The **regularization path** is what happens to a model as λ grows: one fresh model per λ, each from the same initial weights and with the same shuffling, so that λ is the only difference. To draw it without touching the test set, hold out the last fifth of the training images as a **validation** set and train on the other four fifths. `Sweep.Run` trains one model per λ and records the final train and validation accuracy and the fraction of weights that are exactly zero. λ = 0 is the unregularized baseline.

var cut = train.Count * 4 / 5;
var pathTrain = train.Subset(Enumerable.Range(0, cut).Select(i => (long)i).ToArray());
var pathValidation = train.Subset(Enumerable.Range(cut, train.Count - cut).Select(i => (long)i).ToArray());
var sweep = Sweep.Run(pathTrain, pathValidation, new SweepOptions { Lambdas = lambdas, Training = training });   // evaluated on validation, not test
var sweepTable = Sweep.ToDataFrame(sweep);
sweepTable.Columns.RenameColumn("test_accuracy", "validation_accuracy");
sweepTable.Columns.RenameColumn("gap", "train_validation_gap");
lesson.Display(sweepTable);

// λ spans three orders of magnitude, so the plots use a logarithmic λ axis. λ = 0 has no place on a log axis (log 0 = −∞); `SweepCharts` draws it as a dashed grey line across the whole range instead, so every λ can be compared with "no regularization".

lesson.Display(SweepCharts.Accuracy(sweep, heldOut: "validation"));
lesson.Display(SweepCharts.Sparsity(sweep));

// The same path with a slider over λ (in a front end that runs scripts; elsewhere the picture shows the first λ > 0): the marked points are the validation accuracy and the fraction of exact zeros of the model trained with that λ.

var pathRows = sweep.Where(r => r.Lambda > 0).OrderBy(r => r.Lambda).ToList();
var pathLambdas = pathRows.Select(r => r.Lambda).ToArray();
lesson.Display(new SliderFigure("λ", pathRows.Select(r => (r.Lambda, new Figure($"λ = {r.Lambda:G2}: validation accuracy {r.TestAccuracy:P1}, {r.ZeroFraction:P1} of the weights exactly 0",
    Axis.Log("λ (log scale)"), Axis.Linear("fraction"),
    new LineSeries("validation accuracy", pathLambdas, pathRows.Select(p => p.TestAccuracy).ToArray()),
    new LineSeries("weights exactly 0", pathLambdas, pathRows.Select(p => p.ZeroFraction).ToArray()),
    new ScatterSeries("this λ: accuracy", [r.Lambda], [r.TestAccuracy]),
    new ScatterSeries("this λ: zeros", [r.Lambda], [r.ZeroFraction])) { Width = 720, Height = 420 }))));

// Two checks on this run: without L1 no weight is exactly zero, and the largest λ gives more exact zeros than the smallest positive one. A larger λ giving more zeros at *every* step of the path is what one usually sees, but it is not a theorem: even the lasso's set of nonzero coefficients is not monotone in λ, and here each λ follows its own training path. So the path is printed, not asserted to be monotone.

lesson.Display(string.Join("  ", sweep.Select(r => $"λ={r.Lambda:g2}: {r.TestAccuracy:P1} validation, {r.ZeroFraction:P1} zeros")));

var zerosAlongPath = sweep.OrderBy(r => r.Lambda).Select(r => r.ZeroFraction).ToArray();
Check.That(zerosAlongPath[0] == 0, "without L1 no weight is exactly zero");
Check.That(zerosAlongPath[^1] > zerosAlongPath[1], "the largest λ gives more exact zeros than the smallest positive λ");

// The line above lists this run's validation accuracy and exact zeros for every λ. At full size (the parameters cell's defaults; the folded check below holds these statements and `results/full-size/` keeps the numbers), the accuracy barely moves for the smallest λ; from about 10⁻³ the accuracy starts to fall, and by 2·10⁻³ most weights are exactly zero; and the largest λ collapses the model to one digit with every weight zero. A network whose weights are all zero outputs its biases whatever the image, so it gives every image the same answer, and its accuracy is that digit's share of the validation images.
//
// So the path is flat, then bends, then falls off a cliff: small λ remove weights at almost no cost in accuracy, large ones remove useful ones. Compare also the near-zero fraction (|w| < 10⁻³) with the exact-zero fraction in the table: many weights sit just above the threshold. A quick run (fewer images, one epoch) gives different numbers; the shape of the path is what to look at.

var fullSize = trainSamples >= 10000 && epochs >= 10;   // the parameters cell's defaults
double ValidationAt(double l) => sweep.Single(r => r.Lambda == l).TestAccuracy;
double ZerosAt(double l) => sweep.Single(r => r.Lambda == l).ZeroFraction;
Check.That(!fullSize || Math.Abs(ValidationAt(1e-5) - ValidationAt(0)) < 0.01, "at full size the accuracy barely moves for the smallest λ");
Check.That(!fullSize || (ValidationAt(1e-3) < ValidationAt(1e-4) && ZerosAt(2e-3) > 0.5), "at full size the accuracy falls from about 10⁻³, and by 2·10⁻³ most weights are exactly zero");
Check.That(!fullSize || (ZerosAt(1e-2) == 1.0 && ValidationAt(1e-2) < 0.2), "at full size the largest λ collapses the model to one digit with every weight zero");

// ## 2. Why the test set is used once
//
// It is tempting to read the best λ off the plot above and report its test accuracy. That number would be **optimistic**, for a concrete reason: a test accuracy is an estimate from a finite sample. With n test images and a true accuracy p, the observed accuracy has standard error √(p(1 − p)/n): about 0.33 percentage points for p = 0.88 and n = 10,000, about 1 point for n = 1,000. Picking the λ with the highest test accuracy picks partly the best model and partly the luckiest noise, and then reports that luck as if it were skill.
//
// How large is the effect? Suppose all eight λ were in truth equally good, 88 % each. Simulate the test evaluation: each of the 8 models gets each of n test images right with probability 0.88, independently of the image and of the other models; keep the highest of the 8 observed accuracies; repeat 2,000 times.

var trueAccuracy = 0.88;
var candidates = lambdas.Length;
var trials = 2000;
var generator = new torch.Generator(2024);
var selected = new List<double>();
for (var chunk = 0; chunk < trials / 100; chunk++)
{
    using var scope = torch.NewDisposeScope();
    // 100 trials × 8 models × n images: correct (true) with probability 0.88, all independent.
    var correct = torch.rand(new long[] { 100, candidates, test.Count }, generator: generator).lt(trueAccuracy);
    var observed = correct.to_type(ScalarType.Float64).mean(new long[] { 2 });   // (100, 8) observed accuracies
    selected.AddRange(observed.max(1).values.data<double>().ToArray());
}
var standardError = Math.Sqrt(trueAccuracy * (1 - trueAccuracy) / test.Count);
var optimism = selected.Average() - trueAccuracy;
lesson.Display(words.Say($"true accuracy of every model {trueAccuracy:P1}; mean accuracy of the one picked on the test set {selected.Average():P2}; optimism {100 * optimism:F2} points = {optimism / standardError:F2} standard errors ({100 * standardError:F2} points)"));

// Under independence the winner's reported accuracy is on average about 1.4 standard errors too high: that is the expected maximum of eight independent standard normal draws (1.42). Real models scored on the same images are not independent: two models that differ only in λ get mostly the same images right and wrong, so their accuracies move together, and the part they share cancels when we pick the best. If each image's outcome is shared by all models with probability ρ (and drawn independently otherwise), only the independent part, with standard error √(1 − ρ) times the one above, feeds the maximum, and the optimism shrinks by the factor √(1 − ρ). The cell after the next simulates that with ρ = 0.8: expect about √0.2 ≈ 0.45 times the independent optimism. So 1.4 standard errors is an upper bound for eight candidates; the more alike the candidates, the smaller the bias, but it never disappears.
//
// The more candidates, the larger the bias (exercise 2), and a real search (λ, learning rate, epochs, architecture…) has many. There is a second, less visible cost: once the test set has chosen λ, it is part of the fitting procedure and no longer tells us how the model does on images (or patients) it has never influenced. So the rule is: **choose on the training data, test once.**

var optimismInSe = optimism / standardError;
lesson.Display(words.Say($"the best of {candidates} equally good, independent models looks {optimismInSe:F2} standard errors better than it is"));

Check.That(optimismInSe is > 1.1 and < 1.75, "with independent errors the winner is about 1.4 standard errors too high");

var sharing = 0.8;   // ρ: the probability that an image's outcome is the same for every model
var correlatedSelected = new List<double>();
for (var chunk = 0; chunk < trials / 100; chunk++)
{
    using var scope = torch.NewDisposeScope();
    var shared = torch.rand(new long[] { 100, 1, test.Count }, generator: generator).lt(trueAccuracy);        // one outcome per image
    var own = torch.rand(new long[] { 100, candidates, test.Count }, generator: generator).lt(trueAccuracy);  // one per model and image
    var useShared = torch.rand(new long[] { 100, 1, test.Count }, generator: generator).lt(sharing);
    var correct = torch.where(useShared, shared.expand(100, candidates, test.Count), own);
    correlatedSelected.AddRange(correct.to_type(ScalarType.Float64).mean(new long[] { 2 }).max(1).values.data<double>().ToArray());
}
var correlatedOptimismInSe = (correlatedSelected.Average() - trueAccuracy) / standardError;
lesson.Display($"with ρ = {sharing}: optimism {correlatedOptimismInSe:F2} standard errors; √(1 − ρ) × independent optimism = {Math.Sqrt(1 - sharing) * optimismInSe:F2}");

Check.That(Math.Abs(correlatedOptimismInSe - Math.Sqrt(1 - sharing) * optimismInSe) < 0.2, "correlated models shrink the optimism by about √(1 − ρ)");

// ## 3. K-fold cross-validation from scratch
//
// Cross-validation manufactures validation data from the training set. Split the N training images at random into K disjoint **folds** of (nearly) equal size. For each fold k: train on the other K − 1 folds, measure accuracy on fold k. Every training image is used for validation exactly once, each model is validated on images it never saw, and the test set is not touched at all. The score of a λ is the mean of its K validation accuracies; their spread says how much of a difference between two λ is noise.
//
// First the folds: a seeded permutation of 0 … N − 1, cut into K consecutive pieces (the first N mod K pieces get one extra index), each sorted for readability.

var foldSeed = 42;
var order = Enumerable.Range(0, train.Count).Select(i => (long)i).ToArray();
new Random(foldSeed).Shuffle(order);   // a seeded random permutation of 0 … N − 1
var foldsByHand = new List<long[]>();
var next = 0;
for (var f = 0; f < folds; f++)
{
    var size = train.Count / folds + (f < train.Count % folds ? 1 : 0);
    foldsByHand.Add(order[next..(next + size)].Order().ToArray());
    next += size;
}
var labels = train.Labels.data<long>().ToArray();
lesson.Display(new DataFrame(
    new Int32DataFrameColumn("fold", Enumerable.Range(1, folds)),
    new Int32DataFrameColumn("images", foldsByHand.Select(x => x.Length)),
    new StringDataFrameColumn("first indices", foldsByHand.Select(x => string.Join(", ", x.Take(6)) + ", …")),
    new StringDataFrameColumn("images per digit 0–9", foldsByHand.Select(x => string.Join(" ", x.GroupBy(i => labels[i]).OrderBy(g => g.Key).Select(g => g.Count()))))));

// The folds must **partition** the indices: together they contain every index 0 … N − 1, and no index twice. Sorting all fold indices together must give exactly 0, 1, …, N − 1.

var allIndices = foldsByHand.SelectMany(x => x).Order().ToArray();
lesson.Display($"{folds} folds, {allIndices.Length} indices, each exactly once; sizes {string.Join(", ", foldsByHand.Select(x => x.Length))}");

Check.That(allIndices.SequenceEqual(Enumerable.Range(0, train.Count).Select(i => (long)i)), "every index 0 … N − 1 lies in exactly one fold");

// `CrossValidation.Folds(count, k, seed)` builds its folds the same way (it turns the 64-bit seed into the `Random` seed as seed ⊕ (seed ≫ 32), which is 42 for 42), so the two must agree index for index:

var libraryFolds = CrossValidation.Folds(train.Count, folds, foldSeed);
lesson.Display($"CrossValidation.Folds gives the same {folds} folds");

Check.That(Enumerable.Range(0, folds).All(f => libraryFolds[f].SequenceEqual(foldsByHand[f])), "CrossValidation.Folds gives the hand-built folds");

// MNIST's own split is already grouped: its 60,000 training digits were written by about 250 writers and its test digits by other writers, so the test accuracy is an accuracy on new writers. Inside the training set, though, each writer contributes many digits, and our random folds put digits of the same writer on both sides of a fold boundary; MNIST ships no writer ids, so we cannot do better, and the cross-validated accuracy may be slightly optimistic for new writers. Medical data are like that too, only worse: one patient contributes several images, and two scans of the same lesion are near-duplicates. If they land in different folds, the model is validated on a patient it has seen, and the score is optimistic again. There the folds must be built per **patient** (grouped K-fold, exercise 3).
//
// Now cross-validate one λ by hand, λ = 10⁻⁴: K models, each a fresh MLP with the same initial weights (seed 42), trained on K − 1 folds and scored on the held-out one.

var lambdaByHand = 1e-4;
var handAccuracies = new List<double>();
for (var f = 0; f < folds; f++)
{
    var rest = foldsByHand.Where((_, j) => j != f).SelectMany(x => x).Order().ToArray();
    var fit = train.Subset(rest);
    var validation = train.Subset(foldsByHand[f]);
    var model = Mlp.Create(new[] { train.PixelCount, 256, train.ClassCount }, training.Seed);
    new Trainer(training with { L1Lambda = lambdaByHand }).Fit(model, fit, validation);
    handAccuracies.Add(Evaluation.Accuracy(model, validation));
    model.Dispose(); fit.Dispose(); validation.Dispose();
}
var handMean = handAccuracies.Average();
var handStd = Math.Sqrt(handAccuracies.Sum(a => (a - handMean) * (a - handMean)) / (folds - 1));
var handSe = handStd / Math.Sqrt(folds);
lesson.Display(new DataFrame(
    new StringDataFrameColumn("held-out fold", Enumerable.Range(1, folds).Select(f => f.ToString()).Append("mean ± standard error")),
    new StringDataFrameColumn("validation accuracy", handAccuracies.Select(a => a.ToString("P2")).Append($"{handMean:P2} ± {handSe:P2}"))));

// The standard deviation uses K − 1 (the sample standard deviation), and the **standard error** of the mean is σ/√K: how far the mean of K folds may be from the mean we would get with infinitely many splits. With K = 5 (or 2 in a quick run) it rests on only a few numbers, so treat it as a rough ruler, not a precise error bar (the folds also share training images, which makes it, if anything, too small).
//
// ## 4. Cross-validation for every λ, and two ways to choose
//
// `CrossValidation.Run` does the above for every candidate λ (K models for each of the 8 candidates) on the training set alone; its signature has no place for a test set.

var cv = CrossValidation.Run(train, new CrossValidationOptions
{
    Lambdas = lambdas,
    Folds = folds,
    FoldSeed = foldSeed,
    Training = training,
    Rule = LambdaSelectionRule.HighestMean,
});
lesson.Display(new DataFrame(
    new DoubleDataFrameColumn("lambda", cv.Scores.Select(s => s.Lambda)),
    new StringDataFrameColumn("fold accuracies", cv.Scores.Select(s => string.Join("  ", s.FoldAccuracies.Select(a => a.ToString("P2"))))),
    new DoubleDataFrameColumn("mean", cv.Scores.Select(s => Math.Round(s.Mean, 4))),
    new DoubleDataFrameColumn("std", cv.Scores.Select(s => Math.Round(s.StandardDeviation, 4))),
    new DoubleDataFrameColumn("standard error", cv.Scores.Select(s => Math.Round(s.StandardError, 4)))));

// The λ = 10⁻⁴ row must be exactly what we computed by hand: same folds, same seed, same training.

var libraryRow = cv.Scores.Single(s => s.Lambda == lambdaByHand);
lesson.Display($"λ = {lambdaByHand}: the same {folds} fold accuracies and standard error ({handSe:P2}) by hand and from CrossValidation.Run");

Check.That(libraryRow.FoldAccuracies.SequenceEqual(handAccuracies) && Math.Abs(libraryRow.StandardError - handSe) <= 1e-12, "CrossValidation.Run gives the fold accuracies and standard error computed by hand");

var positive = cv.Scores.Where(s => s.Lambda > 0).ToList();
var baseline = cv.Scores.Single(s => s.Lambda == 0);
var span = new[] { positive.Min(s => s.Lambda), positive.Max(s => s.Lambda) };
var cvChart = new Figure($"{folds}-fold cross-validation on the training images", Axis.Log("λ (log scale)"), Axis.Linear("validation accuracy (fraction of images)"),
    new LineSeries("mean validation accuracy ± 1 standard error", positive.Select(s => s.Lambda).ToArray(), positive.Select(s => s.Mean).ToArray())
    { Markers = true, ErrorY = positive.Select(s => s.StandardError).ToArray() },
    new LineSeries("λ = 0 baseline", span, span.Select(_ => baseline.Mean).ToArray()) { Dash = LineDash.Dash, Color = "#888888" })
{ Width = 720, Height = 420 };
lesson.Display(cvChart);

// **Two selection rules.**
//
// - **Highest mean:** take the λ with the best mean validation accuracy (ties go to the larger λ).
// - **One standard error** (Hastie, Tibshirani and Friedman, *The Elements of Statistical Learning*, §7.10): find the best mean and its standard error; draw a bar one standard error below the best mean; take the **largest** λ whose mean clears the bar.
//
// The trade-off: the highest mean is the best guess of the most accurate λ, but differences smaller than the noise are not evidence. Among the λ that are statistically indistinguishable from the best, the one-standard-error rule takes the most regularized one: a simpler, sparser model (more exact zeros, fewer pixels used) that we have no evidence is worse. With L1 that simplicity is concrete: weights that are exactly zero can be deleted. The price is a possibly slightly lower accuracy; by construction the one-standard-error λ is never smaller than the highest-mean λ.
//
// Both rules by hand, then checked against `CrossValidation.Select`:

var best = cv.Scores.OrderByDescending(s => s.Mean).ThenByDescending(s => s.Lambda).First();
var bar = best.Mean - best.StandardError;
var highestMeanByHand = best.Lambda;
var oneSeByHand = cv.Scores.Where(s => s.Mean >= bar).Max(s => s.Lambda);
var highestMean = CrossValidation.Select(cv.Scores, LambdaSelectionRule.HighestMean);
var oneSe = CrossValidation.Select(cv.Scores, LambdaSelectionRule.OneStandardError);
lesson.Display(words.Say($"best mean {best.Mean:P2} at λ = {best.Lambda} (standard error {best.StandardError:P2}); bar {bar:P2}. Highest mean picks λ = {highestMean}; one standard error picks λ = {oneSe}"));

Check.That(highestMean == highestMeanByHand && oneSe == oneSeByHand && cv.SelectedLambda == highestMean, "CrossValidation.Select applies both rules as we did by hand");
Check.That(oneSe >= highestMean, "the one-standard-error λ can never be smaller than the highest-mean λ");

// The table and the line above hold this run's numbers. Look at three things in them. Where two λ have identical fold accuracies (a threshold η·λ that small changes no validation prediction), the highest-mean rule takes the larger λ by its tie-break. The bar sits one standard error below the best mean, and the one-standard-error rule takes the largest λ whose mean clears it. And the standard errors are small compared with the drop in accuracy at the largest λ: there the loss is real, not noise.

// ## 5. One final evaluation on the test set
//
// We commit to the one-standard-error rule (we decided on the rule before looking at any test number; choosing the rule by test accuracy would be selection on the test set again). The final model is trained on all `trainSamples` training images with that λ. `Trainer.Fit` takes a second dataset to report on after every epoch; we pass the training set there, so the test images are used exactly once, in the last line.

var chosenLambda = oneSe;
var finalModel = Mlp.Create(new[] { train.PixelCount, 256, train.ClassCount }, training.Seed);
var history = new Trainer(training with { L1Lambda = chosenLambda }).Fit(finalModel, train, train);
var finalSparsity = Sparsity.Measure(finalModel);
var finalTestAccuracy = Evaluation.Accuracy(finalModel, test);   // the one look at the test set
lesson.Display(words.Say($"λ = {chosenLambda}: train accuracy {history[^1].TrainAccuracy:P2}, cross-validated {cv.Scores.Single(s => s.Lambda == chosenLambda).Mean:P2}, test {finalTestAccuracy:P2}; {finalSparsity.ZeroFraction:P1} of {finalSparsity.Count:N0} weights exactly zero"));

// What matters is not the number but how λ was chosen: by the training folds alone, so the test accuracy is an honest estimate for this choice, not a maximum over candidates. The check below holds that the test images were not used before: the sweep of section 1 and the cross-validation saw only training images.

Check.That(pathTrain.Count + pathValidation.Count == train.Count && cv.Scores.All(s => s.FoldAccuracies.Count == folds), "λ was chosen from the training images alone; the test set is used once, here");

// The line above gives the chosen λ, its train, cross-validated and test accuracy, and its exact zeros. Expect the test accuracy to be slightly above the cross-validated mean: each fold's model learned from (K − 1)/K of the training images, the final model from all of them. Compare the chosen λ's cross-validated mean with λ = 0's in section 4: when the difference is within a standard error or two, the chosen λ bought its zeros for free. On MNIST with 10,000 training images there is little overfitting to cure (compare the train and validation accuracies in the sweep table), so cross-validation sensibly asks for little regularization. This course meets overfitting on purpose only in notebook 06, which shrinks the training set until it is real: 04 and 05 are about what L1 does to the weights and how to choose λ honestly, and that lesson is clearest where the data are plentiful and accuracy barely moves.

finalModel.Dispose();
lesson.Display("final model freed (train and test stay for the solutions)");

// ## Summary
//
// - The **regularization path** shows accuracy and sparsity against λ on a log axis, with λ = 0 as a baseline. With L1 by soft-thresholding, larger λ gave more exact zeros in this path (usually, not by a theorem); accuracy holds for small λ and collapses once the threshold eats the useful weights. The path is drawn on validation images held out from the training set, never on the test set.
// - Choosing λ by test accuracy is **optimistic**: the best of several noisy estimates is biased upwards (by up to about 1.4 standard errors for eight equally good candidates with independent errors, less for correlated ones, as the simulations in section 2 print), and the test set stops being independent of the model. Choose on training data; test once.
// - **K-fold cross-validation** splits the training set into K disjoint folds (a seeded permutation cut into pieces, which must partition the indices), trains K models per λ and averages their held-out accuracies. `CrossValidation.Folds` and `CrossValidation.Run` do exactly that, without ever seeing the test set.
// - **Highest mean** picks the most accurate-looking λ; the **one-standard-error rule** picks the largest λ within one standard error of the best: a sparser model we cannot tell apart from the best. Its λ is never smaller.
// - Report the chosen λ's test accuracy once. With medical data, build folds per patient, not per image.

// ## Exercises
//
// Each exercise asks for a function. In the student version its solution cell holds the function with one line that throws `NotImplementedException`: replace that line with your code. The test cell below it checks your answer and says what it checks; the grader (`l1lab workshop grade`) runs the same tests and a few hidden ones on other inputs.

// ### Exercise 1: A wider bar
//
// The one-standard-error rule picks the largest λ whose mean is at least the best mean minus the best λ's standard error σ/√K. Write `double OneStandardDeviationChoice(IReadOnlyList<LambdaScore> scores)` that applies the same rule with the standard deviation σ (a wider bar). The best λ is the one with the highest mean (the larger λ on a tie). Why can a wider bar never pick a smaller λ?
//
// *Checked (2 points):* The test checks three hand-made scores and that the choice on section 4's scores is at least the one-standard-error choice; hidden tests check more cases.

double OneStandardDeviationChoice(IReadOnlyList<LambdaScore> scores)
{
    // BEGIN SOLUTION
    // A wider bar (σ ≥ σ/√K) admits every λ the narrower one admitted, so the largest admitted λ can only grow.
    var best = scores.OrderByDescending(s => s.Mean).ThenByDescending(s => s.Lambda).First();
    var bar = best.Mean - best.StandardDeviation;
    return scores.Where(s => s.Mean >= bar).Max(s => s.Lambda);
    // END SOLUTION
}

// Test: best λ = 1e-4 (mean 0.90, σ 0.028); λ = 1e-3 (mean 0.885) is within σ, λ = 1e-2 (mean 0.50) is not.
var sdScores = new List<LambdaScore>
{
    new(0, new[] { 0.87, 0.89 }),
    new(1e-4, new[] { 0.88, 0.92 }),
    new(1e-3, new[] { 0.88, 0.89 }),
    new(1e-2, new[] { 0.5, 0.5 }),
};
if (OneStandardDeviationChoice(sdScores) != 1e-3) throw new Exception($"expected λ = 0.001, got {OneStandardDeviationChoice(sdScores)}");
var sdChoice = OneStandardDeviationChoice(cv.Scores);
if (sdChoice < oneSe) throw new Exception($"a wider bar cannot pick a smaller λ: {sdChoice} < {oneSe}");
lesson.Display($"section 4's scores: one standard deviation picks λ = {sdChoice}; one standard error picks λ = {oneSe}");
// BEGIN HIDDEN TESTS
var sdTie = new List<LambdaScore> { new(1e-4, new[] { 0.9, 0.9 }), new(1e-3, new[] { 0.9, 0.9 }), new(1e-2, new[] { 0.89, 0.89 }) };
if (OneStandardDeviationChoice(sdTie) != 1e-3) throw new Exception("with σ = 0 only the best means are admitted, and the larger λ wins the tie");
var sdWide = new List<LambdaScore> { new(0, new[] { 0.8, 1.0 }), new(0.1, new[] { 0.85, 0.86 }) };
if (OneStandardDeviationChoice(sdWide) != 0.1) throw new Exception("λ = 0.1 lies within one σ of the best mean");
// END HIDDEN TESTS

// ### Exercise 2: How the optimism grows
//
// Section 2's optimism, in standard errors, is about the expected maximum of m independent standard normal draws. Write `double ExpectedMaximum(int m, int repeats, int seed)` that estimates it by simulation: `repeats` times draw m standard normals (a `new Random(seed)` and the Box–Muller formula, or `torch.randn` with a seeded `torch.Generator`), take the maximum, and average.
//
// *Checked (1 point):* The test checks m = 1 (about 0) and m = 8 (about 1.42, section 2's candidates) within 0.1, with 4,000 repeats; hidden tests check m = 100 (about 2.51) and that the estimate grows with m.

double ExpectedMaximum(int m, int repeats, int seed)
{
    // BEGIN SOLUTION
    // The expected maximum grows roughly like √(2 ln m): about 1.42 for m = 8, 1.87 for 20, 2.51 for 100.
    using var scope = torch.NewDisposeScope();
    var draws = torch.randn(new long[] { repeats, m }, dtype: ScalarType.Float64, generator: new torch.Generator((ulong)seed));
    return draws.amax(new long[] { 1 }).mean().item<double>();
    // END SOLUTION
}

// Test: the maximum of one draw averages 0; of eight, about 1.42.
var em1 = ExpectedMaximum(1, 4000, 1);
var em8 = ExpectedMaximum(8, 4000, 2);
if (Math.Abs(em1) > 0.1) throw new Exception($"m = 1 should average about 0, got {em1}");
if (Math.Abs(em8 - 1.42) > 0.1) throw new Exception($"m = 8 should average about 1.42, got {em8}");
lesson.Display($"expected maximum of m standard normals: m = 1 {em1:F2}, m = 8 {em8:F2}, m = 20 {ExpectedMaximum(20, 4000, 3):F2}, m = 100 {ExpectedMaximum(100, 4000, 4):F2}");
// BEGIN HIDDEN TESTS
var em100 = ExpectedMaximum(100, 4000, 5);
if (Math.Abs(em100 - 2.51) > 0.1) throw new Exception($"m = 100 should average about 2.51, got {em100}");
if (!(ExpectedMaximum(20, 4000, 6) > em8 && em100 > ExpectedMaximum(20, 4000, 7))) throw new Exception("the estimate should grow with m");
// END HIDDEN TESTS

// ### Exercise 3: Folds by patient
//
// With medical images, the folds must be built per patient. Write `List<int[]> GroupedFolds(int[] patientOfImage, int k, int seed)` that permutes the distinct patients with a seeded generator, deals them into k folds, and returns for each fold the indices of all images of its patients, in increasing order.
//
// *Checked (2 points):* The test checks 12 images of 6 patients (two each) in 3 folds: the folds partition the images, no patient is in two folds, and no fold is empty; hidden tests check patients with different numbers of images.

List<int[]> GroupedFolds(int[] patientOfImage, int k, int seed)
{
    // BEGIN SOLUTION
    var patients = patientOfImage.Distinct().ToArray();
    new Random(seed).Shuffle(patients);
    return Enumerable.Range(0, k)
        .Select(f => patients.Where((_, i) => i % k == f)
            .SelectMany(p => Enumerable.Range(0, patientOfImage.Length).Where(i => patientOfImage[i] == p))
            .Order().ToArray())
        .ToList();
    // END SOLUTION
}

// Test: a partition of the 12 images, one fold per patient, no empty fold.
void CheckGroupedFolds(int[] patientOf, int k, List<int[]> folds)
{
    if (folds.Count != k) throw new Exception($"expected {k} folds, got {folds.Count}");
    if (!folds.SelectMany(f => f).Order().SequenceEqual(Enumerable.Range(0, patientOf.Length))) throw new Exception("the folds do not partition the images");
    if (folds.Any(f => f.Length == 0)) throw new Exception("a fold is empty");
    if (folds.SelectMany((f, i) => f.Select(x => (Patient: patientOf[x], Fold: i))).Distinct().GroupBy(x => x.Patient).Any(g => g.Count() > 1))
        throw new Exception("a patient appears in two folds");
}
var patientOfImage = new[] { 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5 };
var groupedFolds = GroupedFolds(patientOfImage, 3, 7);
CheckGroupedFolds(patientOfImage, 3, groupedFolds);
lesson.Display(string.Join("   ", groupedFolds.Select((f, i) => $"fold {i + 1}: images {string.Join(",", f)} (patients {string.Join(",", f.Select(x => patientOfImage[x]).Distinct())})")));
// BEGIN HIDDEN TESTS
var unevenPatients = new[] { 3, 3, 3, 0, 1, 1, 2, 4, 4, 4, 4, 5, 6, 6 };
CheckGroupedFolds(unevenPatients, 3, GroupedFolds(unevenPatients, 3, 11));
CheckGroupedFolds(unevenPatients, 7, GroupedFolds(unevenPatients, 7, 12));
// END HIDDEN TESTS

pathTrain.Dispose();
pathValidation.Dispose();
train.Dispose();
test.Dispose();
lesson.Display("data freed");

// [Next: 06 — L1, L2, elastic net and dropout side by side](06-l1-l2-dropout.cs)
