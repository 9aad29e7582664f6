#:project ../lib/L1Lab/L1Lab.csproj
// # 07 — L1 for medical images: BreastMNIST, judged as a diagnostic test
//
// After this notebook you will be able to evaluate an image classifier the way a diagnostic accuracy study is judged (STARD 2015): against the majority-class baseline and the field's published benchmark; with λ and the decision threshold chosen by stratified cross-validation and the test split used once; with every measure given with its counts and its 95 % interval (Wilson, DeLong, bootstrap); with an L1 and a no-L1 model compared on the same images; with PPV and NPV at a stated prevalence, calibration, the precision–recall curve and a near-duplicate check across the splits; all of it in a one-screen summary.
//
// **Prerequisites:** [05 — Choosing λ](05-choosing-lambda.cs) (validation versus test, K-fold cross-validation), [06 — L1, L2, elastic net and dropout](06-l1-l2-dropout.cs) (exact zeros under soft-thresholding).
//
// The articles this course corrects promise L1 regularization for medical image diagnosis and then only ever train on handwritten digits. This notebook uses real medical images, and treats each number it reports as a medical number: with its uncertainty, the data that chose it, and the population it holds for.
//
// Exported from notebooks/07-medical-imaging.ipynb by `l1lab notebooks export --to cs`: edit the notebook and export again, not this file.
// Run it with `dotnet run lessons/07-medical-imaging.cs`; quick values: `dotnet run lessons/07-medical-imaging.cs -- --quick`; one value:
// `-- --set name=value`. Text prints here; figures are written as SVG/HTML files to out/ next to this file.

using TorchSharp;
using static TorchSharp.torch;
using Microsoft.Data.Analysis;
using L1Lab.Visuals;
using L1Lab;
using L1Lab.Data;
using L1Lab.Models;
using L1Lab.Training;
using L1Lab.Diagnostics;
using L1Lab.Experiments;
using L1Lab.Lessons;

// Parameters (the notebook's cell tagged "parameters"): edit them here or set them on the command line.
var lesson = Lesson.Start(args, parameters: ["epochs", "folds", "seeds", "resamples", "previewImages"], quick: ["epochs=1", "folds=2", "resamples=500"]);
var epochs = lesson.Parameter("epochs", 100);       // passes over the training images, for every model (fixed in advance, not tuned)
var folds = lesson.Parameter("folds", 5);          // K of the stratified K-fold cross-validation on train + validation
var seeds = lesson.Parameter("seeds", 3);          // repetitions of the cross-validation, each with its own folds and initial weights
var resamples = lesson.Parameter("resamples", 2000);   // bootstrap resamples behind each bootstrap interval
var previewImages = lesson.Parameter("previewImages", 4);  // images of each class to show

L1Lab.Native.TorchRuntime.Initialize(); // before any torch call (see 00-setup)
var words = Words.English;   // the language of the sentences cells print (each edition names its own)
torch.random.manual_seed(7);
lesson.Display("ready");

// The parameters. BreastMNIST is small (section 0 counts its images), so every run uses all of it; a quick run only reduces the training passes, the folds and the bootstrap resamples. The text describes the full-size run (the values below): the hidden cells that check its statements about the results check them at that size, and a quick run skips them.

// ## 0. The data: BreastMNIST
//
// BreastMNIST is part of **MedMNIST v2** (J. Yang et al., "MedMNIST v2 – A large-scale lightweight benchmark for 2D and 3D biomedical image classification", *Scientific Data* 10, 41, 2023, doi:10.1038/s41597-022-01721-8). It is built from the **BUSI** data set of breast ultrasound images (W. Al-Dhabyani, M. Gomaa, H. Khaled, A. Fahmy, "Dataset of breast ultrasound images", *Data in Brief* 28, 104863, 2020, doi:10.1016/j.dib.2019.104863), downscaled to 28×28 grayscale, with two classes: **0 = malignant**, **1 = normal or benign**. License: CC BY 4.0. The file ships in `data/medmnist/`, and `MedMnist.LoadBreastMnist` checks its SHA-256 before reading it.
//
// **How the split was made.** MedMNIST ships official train, validation and test splits, made **by image**, not by patient: BUSI holds 780 images from 600 women, so images of the same woman, or of the same lesion, can fall into different splits (section 10 looks for them). The **reference standard** is the class BUSI gives each image; MedMNIST does not record how it was established for each image, and a study report would have to say so. BUSI's women were referred for breast ultrasound: a **diagnostic case mix**, not a screening population, which matters for section 7.

var breast = MedMnist.LoadBreastMnist(DataPaths.FindDataDirectory());
var splits = new[] { ("train", breast.Train), ("validation", breast.Validation), ("test", breast.Test) };
lesson.Display(new DataFrame(
    new StringDataFrameColumn("split", splits.Select(s => s.Item1)),
    new Int32DataFrameColumn("images", splits.Select(s => s.Item2.Count)),
    new Int64DataFrameColumn("malignant (0)", splits.Select(s => s.Item2.ClassCounts()[0])),
    new Int64DataFrameColumn("normal/benign (1)", splits.Select(s => s.Item2.ClassCounts()[1])),
    new StringDataFrameColumn("malignant share", splits.Select(s => ((double)s.Item2.ClassCounts()[0] / s.Item2.Count).ToString("P1")))));

// ## 1. A look at the images
//
// `Images.Grid` tiles images into one picture (notebook 04 uses it for weights). First `previewImages` training images of each class:

var trainLabels = breast.Train.Labels.data<long>().ToArray();
foreach (var (label, name) in new[] { (0L, "malignant"), (1L, "normal/benign") })
{
    var indices = Enumerable.Range(0, trainLabels.Length).Where(i => trainLabels[i] == label).Take(previewImages).ToArray();
    var images = breast.Train.Images.index_select(0, torch.tensor(indices.Select(i => (long)i).ToArray()));
    lesson.Display(Images.Grid(images, side: 28, columns: indices.Length, scale: 4).WithTitle($"{name}: training images {string.Join(", ", indices)}"));
}
lesson.Display("shown in the image's own gray levels (white = bright echo)");

// At 28×28 pixels much of what a radiologist looks at (margins, posterior acoustic shadowing, fine echo texture) is lost. Malignant masses tend to be hypoechoic (darker than the tissue around them) with irregular margins, but at this size the classes are hard to tell apart by eye. Expect a modest classifier.
//
// ## 2. The majority-class baseline
//
// About a quarter of the images are malignant. The simplest "classifier" ignores the image and always answers the majority class of the training data, *benign*. Its numbers are the floor any model must clear. The next cell computes them on the test split from the labels alone (no model is scored and nothing is chosen there), each with its counts and 95 % interval (section 5 explains the Wilson interval).

var testLabels = breast.Test.Labels.data<long>().ToArray();
var isMalignant = testLabels.Select(l => l == 0).ToArray();   // positive = malignant: the class the test is looking for
var developmentBenign = breast.Train.ClassCounts()[1] + breast.Validation.ClassCounts()[1];
var developmentMalignant = breast.Train.ClassCounts()[0] + breast.Validation.ClassCounts()[0];
var majorityIsBenign = developmentBenign > developmentMalignant;
var majority = BinaryMetrics.Confusion(isMalignant.Select(_ => majorityIsBenign ? 0.0 : 1.0).ToArray(), isMalignant, 0.5);
lesson.Display($"always '{(majorityIsBenign ? "benign" : "malignant")}' on the test split: accuracy {majority.AccuracyInterval()}, " +
    $"sensitivity {majority.SensitivityInterval()}, specificity {majority.SpecificityInterval()}, balanced accuracy {majority.BalancedAccuracy:F2}");

Check.That(majorityIsBenign && majority.TruePositives == 0 && majority.BalancedAccuracy == 0.5, "always answering benign finds no cancer and has balanced accuracy 0.5");

// Its accuracy is the benign share of the test split: a model that reports "accuracy" without this line cannot be judged. It finds **no** cancer at all, and its balanced accuracy, (sensitivity + specificity)/2, is 0.5 whatever the prevalence.
//
// ## 3. Choosing λ and the threshold by cross-validation
//
// Notebook 05 chose λ on held-out data. BreastMNIST's validation split is small (section 0 counts its malignant images): one malignant image moves a validation sensitivity by several points, too coarse a ruler to choose anything with. So we merge train and validation into one **development set** and choose by **stratified K-fold cross-validation**. `StratifiedFolds.Split` cuts the development set into K folds with the same share of malignant images in each; each fold is held out once while a model trains on the others, so every development image gets a score from a model that never saw it (its *out-of-fold* score). We repeat this `seeds` times, with different folds and initial weights, because one split is one draw of the noise.
//
// What is chosen, and how:
// - **λ**, among 0 (no L1) and four positive values, by the mean out-of-fold AUC over all folds and seeds. The AUC measures how well the score ranks malignant above benign images, whatever the threshold. The L1 model takes the positive λ with the highest mean; the no-L1 model is λ = 0.
// - **The decision threshold**, for each model, by a rule stated in advance: the highest threshold at which the pooled out-of-fold sensitivity reaches 90 %, the median over seeds. Why this rule: in BUSI's diagnostic case mix, a model that calls a lesion benign would be used to spare a biopsy, and there a missed cancer costs most.
// - **Not chosen from data**: the architecture (784 → 64 → 2), the optimiser (SGD, learning rate 0.01, batch 32) and `epochs` are fixed in advance, the same for every model. With all labelled images in the development set, nothing is left for early stopping.
//
// The test split is not touched until section 4. The next cell trains `lambdas.Length × folds × seeds` small models (it prints how many).

var development = new ImageDataset(torch.cat(new[] { breast.Train.Images, breast.Validation.Images }, 0),
    torch.cat(new[] { breast.Train.Labels, breast.Validation.Labels }, 0), breast.Train.ImageSide, breast.Train.ClassCount);
var developmentLabels = development.Labels.data<long>().ToArray();
var developmentPositive = developmentLabels.Select(l => l == 0).ToArray();
var sizes = new[] { development.PixelCount, 64, development.ClassCount };
var lambdas = new[] { 0, 3e-4, 1e-3, 3e-3, 1e-2 };
var fullSize = epochs >= 100 && folds >= 5 && seeds >= 3 && resamples >= 2000;   // the hidden cells check the text's statements about results at this size only
var baseOptions = new TrainingOptions { Epochs = epochs, L1Mode = L1Mode.Proximal };
var outOfFold = lambdas.Select(_ => new double[seeds][]).ToArray();      // [λ][seed][image]: the score from the model that did not see it
var foldAucs = lambdas.Select(_ => new List<double>()).ToArray();       // [λ]: one AUC per (seed, fold)
var foldZeros = lambdas.Select(_ => new List<double>()).ToArray();      // [λ]: share of weights exactly 0 per model
for (var seed = 0; seed < seeds; seed++)
{
    var split = StratifiedFolds.Split(developmentLabels, folds, seed);
    foreach (var scores in outOfFold) scores[seed] = new double[development.Count];
    for (var f = 0; f < folds; f++)
    {
        var heldOut = split[f];
        using var fit = development.Subset(split.Where((_, j) => j != f).SelectMany(x => x).Order().ToArray());
        using var held = development.Subset(heldOut);
        for (var l = 0; l < lambdas.Length; l++)
        {
            var options = baseOptions with { Seed = 42 + seed, L1Lambda = lambdas[l] };
            using var model = Mlp.Create(sizes, options.Seed);
            new Trainer(options).Fit(model, fit, held);
            var scores = BinaryMetrics.Scores(model, held, positiveClass: 0);
            foldAucs[l].Add(BinaryMetrics.Auc(scores.Scores, scores.IsPositive));
            foldZeros[l].Add(Sparsity.Measure(model).ZeroFraction);
            for (var i = 0; i < heldOut.Length; i++) outOfFold[l][seed][heldOut[i]] = scores.Scores[i];
        }
    }
}
lesson.Display($"{lambdas.Length * folds * seeds} models: {lambdas.Length} λ × {folds} folds × {seeds} seeds, on {development.Count} development images ({developmentPositive.Count(p => p)} malignant), {epochs} epoch{(epochs == 1 ? "" : "s")} each");
lesson.Display(new DataFrame(
    new StringDataFrameColumn("λ", lambdas.Select(l => l == 0 ? "0 (no L1)" : l.ToString("G2"))),
    new DoubleDataFrameColumn("mean out-of-fold AUC", foldAucs.Select(a => Math.Round(a.Average(), 4))),
    new DoubleDataFrameColumn("SD over folds × seeds", foldAucs.Select(a => Math.Round(SampleStatistics.StandardDeviation(a), 4))),
    new DoubleDataFrameColumn("weights exactly 0", foldZeros.Select(z => Math.Round(z.Average(), 4)))));

// The table gives, for each λ, the mean AUC of the held-out folds and its spread over folds and seeds, and the share of first- and second-layer weights that L1 set exactly to zero. The spread is the point: AUCs that differ by less than about one SD are not told apart by this development set. The next cell picks λ and the two thresholds by the rules above, and prints the threshold each seed would have chosen, so you can see how much the rule itself varies.

var meanAuc = foldAucs.Select(a => a.Average()).ToArray();
var chosen = Enumerable.Range(1, lambdas.Length - 1).MaxBy(l => meanAuc[l]);   // the best positive λ
var l1Lambda = lambdas[chosen];
var targetSensitivity = 0.90;
double ThresholdFor(double[] scores, bool[] positive, double target) =>
    scores.Distinct().OrderByDescending(t => t).First(t => BinaryMetrics.Confusion(scores, positive, t).Sensitivity >= target);
double Median(IEnumerable<double> values)
{
    var s = values.Order().ToArray();
    return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
}
var plainThresholds = outOfFold[0].Select(s => ThresholdFor(s, developmentPositive, targetSensitivity)).ToArray();
var sparseThresholds = outOfFold[chosen].Select(s => ThresholdFor(s, developmentPositive, targetSensitivity)).ToArray();
var plainThreshold = Median(plainThresholds);
var sparseThreshold = Median(sparseThresholds);
lesson.Display($"L1 model: λ = {l1Lambda} (mean out-of-fold AUC {meanAuc[chosen]:F4}; λ = 0 scored {meanAuc[0]:F4}); " +
    $"thresholds for {targetSensitivity:P0} out-of-fold sensitivity: no-L1 {plainThreshold:F3} (seeds: {string.Join(", ", plainThresholds.Select(t => t.ToString("F3")))}), " +
    $"L1 {sparseThreshold:F3} (seeds: {string.Join(", ", sparseThresholds.Select(t => t.ToString("F3")))})");

// ## 4. The two final models, and the one look at the test split
//
// With λ and the thresholds fixed, each model is trained once more on all development images, with the same settings (initial weights from seed 42), and scored on the test split: the only time a model in this notebook sees it. From here on we only read these scores. The model's score for an image is the softmax probability of *malignant*; `BinaryMetrics.Scores(model, data, positiveClass: 0)` returns the scores with the truth.
//
// The thresholds were chosen on out-of-fold scores of models trained on (K − 1)/K of the development set; the final models, trained on all of it, score on a similar but not identical scale. That is one reason the test sensitivity need not land on the 90 % target.

var plain = Mlp.Create(sizes, baseOptions.Seed);
var plainHistory = new Trainer(baseOptions).Fit(plain, development, development);
var sparse = Mlp.Create(sizes, baseOptions.Seed);
var sparseHistory = new Trainer(baseOptions with { L1Lambda = l1Lambda }).Fit(sparse, development, development);
var plainTest = BinaryMetrics.Scores(plain, breast.Test, positiveClass: 0);
var sparseTest = BinaryMetrics.Scores(sparse, breast.Test, positiveClass: 0);
var sparsity = Sparsity.Measure(sparse);
lesson.Display(new DataFrame(
    new StringDataFrameColumn("model", new[] { "no L1", $"L1, λ = {l1Lambda}" }),
    new StringDataFrameColumn("threshold (chosen by CV)", new[] { plainThreshold.ToString("F3"), sparseThreshold.ToString("F3") }),
    new DoubleDataFrameColumn("development accuracy", new[] { plainHistory[^1].TestAccuracy, sparseHistory[^1].TestAccuracy }.Select(x => Math.Round(x, 4))),
    new DoubleDataFrameColumn("weights exactly 0", new[] { Sparsity.Measure(plain).ZeroFraction, sparsity.ZeroFraction }.Select(x => Math.Round(x, 4))),
    new Int32DataFrameColumn("test images scored", new[] { plainTest.Scores.Count, sparseTest.Scores.Count })));

Check.That(plainTest.IsPositive.SequenceEqual(isMalignant) && sparseTest.IsPositive.SequenceEqual(isMalignant), "BinaryMetrics.Scores marks exactly the malignant (label 0) images as positive");

// ## 5. Sensitivity, specificity, PPV and NPV, with their intervals
//
// Call an image malignant when its score is at least the model's threshold t. Count the four outcomes:
//
// - **TP** (true positive): malignant, called malignant; **FN** (false negative): malignant, called benign: a missed cancer;
// - **TN** (true negative): benign, called benign; **FP** (false positive): benign, called malignant: a false alarm.
//
// From them: **sensitivity** TP/(TP + FN), the share of cancers found; **specificity** TN/(TN + FP), the share of benign cases cleared; **PPV** (positive predictive value, the same number as precision) TP/(TP + FP), how often a "malignant" call is right; **NPV** TN/(TN + FN), how often a "benign" call is right; **balanced accuracy** (sensitivity + specificity)/2. PPV and NPV hold at the test split's own prevalence only (section 7 moves them). First the counts by hand:

(long TP, long FP, long TN, long FN) Count(IReadOnlyList<double> scores, IReadOnlyList<bool> positive, double t)
{
    long tp = 0, fp = 0, tn = 0, fn = 0;
    for (var i = 0; i < scores.Count; i++)
    {
        if (positive[i]) { if (scores[i] >= t) tp++; else fn++; }
        else { if (scores[i] >= t) fp++; else tn++; }
    }
    return (tp, fp, tn, fn);
}

var rowsByHand = new List<(string Model, double T, (long TP, long FP, long TN, long FN) C)>
{
    ("no L1", plainThreshold, Count(plainTest.Scores, plainTest.IsPositive, plainThreshold)),
    ("L1", sparseThreshold, Count(sparseTest.Scores, sparseTest.IsPositive, sparseThreshold)),
};
lesson.Display(new DataFrame(
    new StringDataFrameColumn("model", rowsByHand.Select(r => r.Model)),
    new StringDataFrameColumn("t", rowsByHand.Select(r => r.T.ToString("F3"))),
    new Int64DataFrameColumn("TP", rowsByHand.Select(r => r.C.TP)),
    new Int64DataFrameColumn("FN", rowsByHand.Select(r => r.C.FN)),
    new Int64DataFrameColumn("TN", rowsByHand.Select(r => r.C.TN)),
    new Int64DataFrameColumn("FP", rowsByHand.Select(r => r.C.FP))));

// `BinaryMetrics.Confusion` must give the same counts (the hidden cell checks it). Then the intervals. If a model finds, say, 34 of 42 cancers, its sensitivity is not exactly 0.81: another test set of the same size could as well have given 30 or 38. The 95 % **Wilson interval** is the set of true proportions p with which the observed count is compatible, |p̂ − p| ≤ z·√(p(1 − p)/n) with z = 1.96; solved for p it is
//
// (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n).
//
// Unlike the textbook p̂ ± z·√(p̂(1 − p̂)/n), it stays within 0–1 and keeps close to 95 % coverage with small counts. The next cell computes it by hand for the L1 model's sensitivity and compares it with `Wilson.Interval`; `ConfusionMatrix` gives it for every rate. Balanced accuracy combines two proportions, so its interval comes from the stratified bootstrap of section 6.

Check.That(BinaryMetrics.Confusion(plainTest.Scores, plainTest.IsPositive, plainThreshold) == new ConfusionMatrix(rowsByHand[0].C.TP, rowsByHand[0].C.FP, rowsByHand[0].C.TN, rowsByHand[0].C.FN)
    && BinaryMetrics.Confusion(sparseTest.Scores, sparseTest.IsPositive, sparseThreshold) == new ConfusionMatrix(rowsByHand[1].C.TP, rowsByHand[1].C.FP, rowsByHand[1].C.TN, rowsByHand[1].C.FN), "BinaryMetrics.Confusion gives the hand counts");

var plainAt = BinaryMetrics.Confusion(plainTest.Scores, plainTest.IsPositive, plainThreshold);
var sparseAt = BinaryMetrics.Confusion(sparseTest.Scores, sparseTest.IsPositive, sparseThreshold);
var z = StandardNormal.TwoSidedZ(0.95);
var (k, n) = (sparseAt.TruePositives, sparseAt.Positives);
var pHat = (double)k / n;
var centre = (pHat + z * z / (2 * n)) / (1 + z * z / n);
var half = z / (1 + z * z / n) * Math.Sqrt(pHat * (1 - pHat) / n + z * z / (4.0 * n * n));
var sparseSensitivity = sparseAt.SensitivityInterval();
lesson.Display($"L1 sensitivity {k}/{n}: by hand {centre - half:F4}–{centre + half:F4}; Wilson.Interval {sparseSensitivity.Format("F4")}");
BootstrapInterval BalancedAccuracy(BinaryScores s, double t) => Bootstrap.Stratified(s, r => r.At(t).BalancedAccuracy, resamples, seed: 1);
var plainBalanced = BalancedAccuracy(plainTest, plainThreshold);
var sparseBalanced = BalancedAccuracy(sparseTest, sparseThreshold);
lesson.Display(new DataFrame(
    new StringDataFrameColumn("measure (test split)", new[] { "sensitivity", "specificity", "PPV (test prevalence)", "NPV (test prevalence)", "accuracy", "balanced accuracy" }),
    new StringDataFrameColumn("no L1", new[] { plainAt.SensitivityInterval().ToString(), plainAt.SpecificityInterval().ToString(), plainAt.PositivePredictiveValueInterval().ToString(),
        plainAt.NegativePredictiveValueInterval().ToString(), plainAt.AccuracyInterval().ToString(), plainBalanced.ToString() }),
    new StringDataFrameColumn("L1", new[] { sparseAt.SensitivityInterval().ToString(), sparseAt.SpecificityInterval().ToString(), sparseAt.PositivePredictiveValueInterval().ToString(),
        sparseAt.NegativePredictiveValueInterval().ToString(), sparseAt.AccuracyInterval().ToString(), sparseBalanced.ToString() })));

Check.That(Math.Abs(centre - half - sparseSensitivity.Lower) < 1e-12 && Math.Abs(centre + half - sparseSensitivity.Upper) < 1e-12, "the Wilson interval by hand equals Wilson.Interval");

// Read each cell of the table as "estimate (count; interval)". With only a few dozen malignant test images, the sensitivity interval spans around twenty points: a difference of a few points in sensitivity between two models means nothing on this test split. The hidden cell below checks, at full size, what the text says here: that both models find most cancers at their thresholds and that the intervals of their sensitivities overlap.

Check.That(!fullSize || (plainAt.Sensitivity > 0.5 && sparseAt.Sensitivity > 0.5), "at full size both models find most cancers at their thresholds");
Check.That(!fullSize || (plainAt.SensitivityInterval().Lower < sparseAt.SensitivityInterval().Upper && sparseAt.SensitivityInterval().Lower < plainAt.SensitivityInterval().Upper), "at full size the two sensitivity intervals overlap");

// ## 6. The ROC curve, the AUC and the paired comparison
//
// A threshold is a choice; the **ROC curve** shows all of them at once. Lower t from +∞ to the lowest score: every image with score ≥ t is called malignant, and each t gives a point (false-positive rate = 1 − specificity, sensitivity). The curve runs from (0, 0) (nothing called malignant) to (1, 1) (everything called malignant); a useless score follows the diagonal.

var plainRoc = plainTest.Roc();
var sparseRoc = sparseTest.Roc();
lesson.Display(RocChart.Of("ROC curves on the BreastMNIST test split (positive = malignant)", ("no L1", plainRoc), ($"L1, λ = {l1Lambda}", sparseRoc)));

// The **AUC** (area under the curve) has a direct meaning: the probability that a randomly chosen malignant image scores higher than a randomly chosen benign one, ties counting ½ (the Mann–Whitney statistic). On the test split that is an average over every (malignant, benign) pair of images, which we can simply enumerate (the cell prints how many pairs there are) and compare with the trapezoid area `RocCurve.Auc` computes:

double PairwiseAuc(BinaryScores s)
{
    var pos = s.Scores.Where((_, i) => s.IsPositive[i]).ToArray();
    var neg = s.Scores.Where((_, i) => !s.IsPositive[i]).ToArray();
    double wins = 0;
    foreach (var p in pos)
        foreach (var q in neg)
            wins += p > q ? 1 : p == q ? 0.5 : 0;
    return wins / (pos.Length * (double)neg.Length);
}
var plainAuc = PairwiseAuc(plainTest);
var sparseAuc = PairwiseAuc(sparseTest);
var malignantTest = isMalignant.Count(m => m);
var benignTest = isMalignant.Length - malignantTest;
lesson.Display($"test AUC over {malignantTest} × {benignTest} = {malignantTest * benignTest:N0} pairs, by hand: no L1 {plainAuc:F4}, L1 {sparseAuc:F4}; " +
    $"one malignant image moving past every benign one changes an AUC by 1/{malignantTest} = {1.0 / malignantTest:F3}");

Check.That(Math.Abs(plainAuc - plainRoc.Auc) < 1e-12 && Math.Abs(sparseAuc - sparseRoc.Auc) < 1e-12, "the pairwise AUC equals the trapezoid area of RocCurve.Auc");

// **How sure is an AUC?** Two standard answers, which should roughly agree:
//
// - **DeLong's variance** (DeLong, DeLong and Clarke-Pearson, 1988). Give each malignant image the share of benign images it outscores, V₁₀, and each benign image the share of malignant images that outscore it, V₀₁ (ties ½); both averages are the AUC. Its variance is about S₁₀/m + S₀₁/n, where S are the sample variances of these *structural components* and m, n the numbers of malignant and benign images; the interval is AUC ± 1.96·SE. `DeLong.Auc` computes it.
// - **The stratified bootstrap**. Draw, with replacement, as many malignant images from the malignant ones and as many benign from the benign ones as the test split has, recompute the AUC, and repeat `resamples` times; the 2.5 % and 97.5 % quantiles of these AUCs are the interval. `Bootstrap.Auc` does it, seeded, so a rerun gives the same interval.
//
// **Comparing the two models.** Both were scored on the same images, so their errors are correlated: an image that is hard for one is usually hard for the other. The honest comparison is **paired**: DeLong's formula with the covariances of the two models' components (`DeLong.Compare`), and a bootstrap that resamples the same images for both (`Bootstrap.PairedAucDifference`). Comparing two separate intervals would ignore the pairing.

var plainDeLong = plainTest.DeLongAuc();
var sparseDeLong = sparseTest.DeLongAuc();
var plainBoot = Bootstrap.Auc(plainTest, resamples, seed: 1);
var sparseBoot = Bootstrap.Auc(sparseTest, resamples, seed: 1);
var delongDifference = DeLong.Compare(sparseTest, plainTest);
var bootDifference = Bootstrap.PairedAucDifference(sparseTest, plainTest, resamples, seed: 1);
lesson.Display(new DataFrame(
    new StringDataFrameColumn("model", new[] { "no L1", $"L1, λ = {l1Lambda}" }),
    new StringDataFrameColumn("AUC (DeLong 95 % CI)", new[] { plainDeLong.Interval.Format("F3"), sparseDeLong.Interval.Format("F3") }),
    new StringDataFrameColumn($"AUC (bootstrap 95 % CI, {resamples} resamples)", new[] { plainBoot.Interval.Format("F3"), sparseBoot.Interval.Format("F3") }),
    new DoubleDataFrameColumn("SE DeLong", new[] { plainDeLong.StandardError, sparseDeLong.StandardError }.Select(x => Math.Round(x, 4))),
    new DoubleDataFrameColumn("SE bootstrap", new[] { plainBoot.StandardError, sparseBoot.StandardError }.Select(x => Math.Round(x, 4)))));
var distinguishable = delongDifference.IsDistinguishableFromNoise && bootDifference.IsDistinguishableFromNoise;
var verdict = distinguishable ? words.Say("Both intervals exclude 0: the difference is distinguishable from the noise of this test split.")
    : words.Say("At least one interval contains 0: on this test split the difference is not distinguishable from noise.");
lesson.Display(words.Say($"AUC(L1) − AUC(no L1): DeLong {delongDifference}; paired bootstrap {bootDifference}. {verdict}"));

// Read the interval of the **difference**, not the two AUCs side by side. At full size neither paired interval excludes 0 (the hidden cell checks it): with this many malignant test images, the two models cannot be told apart by their AUC, and the honest conclusion is "no detectable difference", not "L1 cost ranking quality" or "L1 helped". It does not show that the models are equally good either; a larger test set could separate them. The DeLong and bootstrap standard errors agree within a few thousandths: two routes, one answer.

Check.That(!fullSize || !distinguishable, "at full size the paired intervals of the AUC difference include 0");
Check.That(!fullSize || Math.Abs(plainDeLong.StandardError - plainBoot.StandardError) < 0.01, "at full size DeLong and bootstrap standard errors agree within 0.01");

// ## 7. What a call means: PPV and NPV at a stated prevalence
//
// Sensitivity and specificity describe the test; PPV and NPV describe what a call means for a patient, and they depend on how common the disease is among the people tested. At the test split's own prevalence they are the observed TP/(TP + FP) and TN/(TN + FN) of section 5. For another population, Bayes' rule moves them:
//
// PPV = se·π / (se·π + (1 − sp)(1 − π)),  NPV = sp(1 − π) / (sp(1 − π) + (1 − se)·π).
//
// Take **π = 0.5 %** as a screening prevalence: about 5 cancers per 1,000 women screened, the order of magnitude of cancer detection rates in breast screening programmes. `PredictiveValues.At(matrix, π)` computes both; the interval pushes the Wilson limits of sensitivity and specificity through Bayes' rule (PPV and NPV rise with both, so each limit uses both lower or both upper limits; this is conservative, and the prevalence is taken as stated, not estimated).

var screeningPrevalence = 0.005;
var testPrevalence = (double)malignantTest / isMalignant.Length;
string ForClinician(string model, ConfusionMatrix m)
{
    var atScreening = PredictiveValues.At(m, screeningPrevalence);
    var se = m.Sensitivity; var sp = m.Specificity;
    var flagged = 1000 * (se * screeningPrevalence + (1 - sp) * (1 - screeningPrevalence));
    var found = 1000 * se * screeningPrevalence;
    return words.Say($"{model}: at the test split's prevalence ({testPrevalence:P1}) PPV {m.PositivePredictiveValueInterval()}, NPV {m.NegativePredictiveValueInterval()}.") + " " +
        words.Say($"At {screeningPrevalence:P1}: of 1,000 women screened about {flagged:F0} would be called malignant, of whom about {found:F1} have cancer: a positive call means cancer in {atScreening.PositivePredictiveValue.Format("P1")} of cases, and a negative call is right in {atScreening.NegativePredictiveValue.Format("P2")}.");
}
Console.WriteLine(ForClinician("no L1", plainAt));
Console.WriteLine(ForClinician("L1", sparseAt));
var plainScreening = PredictiveValues.At(plainAt, screeningPrevalence);
var sparseScreening = PredictiveValues.At(sparseAt, screeningPrevalence);

// The sentence a clinician needs is the one the cell prints: in a screening population **almost every positive call would be a false alarm** (PPV of a few per cent at best, the hidden cell checks it at full size), while a negative call is right in more than 99 % of cases, mostly because cancer is rare, not because the model is good. Two cautions. First, the sensitivity and specificity were measured on a diagnostic case mix of referred women; in screening, cancers are smaller and earlier, so sensitivity would probably be lower, and specificity could move either way (the *spectrum effect*): the screening figures are what Bayes' rule gives *if* the test behaved there as it does here, not a prediction. Second, the intervals are wide, and at 0.5 % prevalence even a small change in specificity moves PPV a lot.

Check.That(!fullSize || (plainScreening.PositivePredictiveValue.Upper < 0.1 && sparseScreening.PositivePredictiveValue.Upper < 0.1), "at full size the screening PPV is a few per cent at best");
Check.That(plainScreening.NegativePredictiveValue.Estimate > 0.99 && sparseScreening.NegativePredictiveValue.Estimate > 0.99, "a negative call is right in more than 99 % of cases at 0.5 % prevalence");

// ## 8. Calibration: can the score be read as a probability?
//
// The AUC uses only the order of the scores. A clinician who reads a score of 0.7 as "70 % risk of malignancy" also needs the scores to be **calibrated**: of the images scored about 0.7, about 70 % should be malignant. Three views:
//
// - the **Brier score** (1/N)·Σ(p − y)², y = 1 for malignant: the mean squared error of the probabilities. 0 is perfect; always saying the prevalence π scores π(1 − π), the reference to beat;
// - the **reliability diagram**: cut 0–1 into 10 equal bins, and plot in each bin the observed share of malignant images against the mean score, with the bin's Wilson interval; a calibrated model lies on the diagonal;
// - the **expected calibration error** (ECE): the bins' distance from the diagonal, |observed − predicted|, averaged with the bins' image counts as weights. It depends on the number of bins, so we state it.

var plainBrierByHand = plainTest.Scores.Select((p, i) => Math.Pow(p - (plainTest.IsPositive[i] ? 1 : 0), 2)).Average();
var brierReference = testPrevalence * (1 - testPrevalence);
var plainReliability = plainTest.Reliability(bins: 10);
var sparseReliability = sparseTest.Reliability(bins: 10);
var plainBrier = Bootstrap.Stratified(plainTest, Calibration.Brier, resamples, seed: 1);
var sparseBrier = Bootstrap.Stratified(sparseTest, Calibration.Brier, resamples, seed: 1);
var plainEce = Bootstrap.Stratified(plainTest, s => s.Reliability(10).ExpectedCalibrationError, resamples, seed: 1);
var sparseEce = Bootstrap.Stratified(sparseTest, s => s.Reliability(10).ExpectedCalibrationError, resamples, seed: 1);
lesson.Display($"Brier score (bootstrap 95 % CI): no L1 {plainBrier.Interval.Format("F3")} (by hand {plainBrierByHand:F3}), L1 {sparseBrier.Interval.Format("F3")}; " +
    $"always saying the prevalence: {brierReference:F3}. ECE, 10 bins: no L1 {plainEce.Interval.Format("F3")}, L1 {sparseEce.Interval.Format("F3")}");
lesson.Display(ReliabilityChart.Of("Reliability on the BreastMNIST test split (10 equal bins)", ("no L1", plainReliability), ($"L1, λ = {l1Lambda}", sparseReliability)));

Check.That(Math.Abs(plainBrierByHand - plainTest.Brier()) < 1e-12, "the Brier score by hand equals Calibration.Brier");
Check.That(!fullSize || (plainBrier.Estimate < brierReference && sparseBrier.Estimate < brierReference), "at full size both models beat the prevalence's Brier score");

// Both models beat the reference Brier score at full size (the hidden cell checks it), so their probabilities carry information beyond the prevalence. Read the reliability diagram with its bars: most bins hold few images, so a point far from the diagonal with a long bar is weak evidence, and the ECE's bootstrap interval is wide for the same reason. A model trained to minimise cross-entropy is often roughly calibrated on data like its training data; the thresholds of section 3 do not need calibration (they are chosen on the score's own scale), but any reading of the score as a risk does, and it would have to be checked again in each new population.

// ## 9. The precision–recall curve and average precision
//
// With a quarter of the images malignant, the ROC curve's false-positive rate hides how many false alarms come with each cancer found. The **precision–recall curve** plots PPV (precision) against sensitivity (recall) at every threshold; a score that knows nothing has precision equal to the prevalence, the dashed line. Its summary, **average precision** (AP), adds the precision at each threshold times the recall it adds, Σₖ (Rₖ − Rₖ₋₁)·Pₖ: a step sum, as sklearn defines it, not trapezoids (which would be optimistic here).

var plainPr = plainTest.PrecisionRecall();
var sparsePr = sparseTest.PrecisionRecall();
var plainAp = Bootstrap.Stratified(plainTest, s => s.PrecisionRecall().AveragePrecision, resamples, seed: 1);
var sparseAp = Bootstrap.Stratified(sparseTest, s => s.PrecisionRecall().AveragePrecision, resamples, seed: 1);
lesson.Display($"average precision (bootstrap 95 % CI): no L1 {plainAp.Interval.Format("F3")}, L1 {sparseAp.Interval.Format("F3")}; chance level = prevalence {testPrevalence:F3}");
lesson.Display(PrecisionRecallChart.Of("Precision–recall on the BreastMNIST test split (positive = malignant)", ("no L1", plainPr), ($"L1, λ = {l1Lambda}", sparsePr)));

Check.That(!fullSize || (plainAp.Interval.Lower > testPrevalence && sparseAp.Interval.Lower > testPrevalence), "at full size both average precisions are clearly above the prevalence");

// ## 10. Near-duplicates across the splits
//
// MedMNIST split BUSI by image, and BUSI has several images of some women. If a test image has a near-copy in the development set, the model can recognise the copy rather than read the lesion, and the test numbers are optimistic. We look for such pairs by pixel distance: for two images a and b, the root-mean-square difference √(mean over pixels of (aᵢ − bᵢ)²) on the 0–1 gray scale. A threshold of 0.05, about 13 of 255 gray levels, separates the pairs that look alike pixel by pixel from the rest (the histogram shows where it falls). The next cell counts the pairs below it across each pair of splits and shows the test images closest to a development image, each above its nearest neighbour.

var duplicateThreshold = 0.05;
Tensor RmsDistances(Tensor a, Tensor b) => torch.cdist(a, b) / Math.Sqrt(a.shape[1]);   // (rows of a) × (rows of b)
long PairsBelow(Tensor a, Tensor b) => RmsDistances(a, b).lt(duplicateThreshold).sum().item<long>();
var testToDevelopment = RmsDistances(breast.Test.Images, development.Images);
var (nearest, nearestIndex) = testToDevelopment.min(1);
var nearestDistance = nearest.data<float>().Select(d => (double)d).ToArray();
var testWithTwin = nearestDistance.Select((d, i) => (d, i)).Where(x => x.d < duplicateThreshold).Select(x => x.i).ToArray();
lesson.Display(new DataFrame(
    new StringDataFrameColumn("splits", new[] { "train – validation", "train – test", "validation – test" }),
    new Int64DataFrameColumn($"pairs with RMS distance < {duplicateThreshold}", new[] {
        PairsBelow(breast.Train.Images, breast.Validation.Images), PairsBelow(breast.Train.Images, breast.Test.Images), PairsBelow(breast.Validation.Images, breast.Test.Images) })));
lesson.Display(new Figure("Each test image's distance to its nearest development image", Axis.Linear("RMS pixel distance (0–1 gray scale)"), Axis.Linear("test images"),
    HistogramSeries.Of("test images", nearestDistance, start: 0, binWidth: 0.005, binCount: 50)));
var closest = Enumerable.Range(0, nearestDistance.Length).OrderBy(i => nearestDistance[i]).Take(6).ToArray();
var pairImages = torch.cat(new[] {
    breast.Test.Images.index_select(0, torch.tensor(closest.Select(i => (long)i).ToArray())),
    development.Images.index_select(0, nearestIndex.index_select(0, torch.tensor(closest.Select(i => (long)i).ToArray()))) }, 0);
lesson.Display(Images.Grid(pairImages, side: 28, columns: closest.Length, scale: 4).WithTitle(
    $"top: the {closest.Length} test images closest to a development image; below each, its nearest neighbour (RMS {string.Join(", ", closest.Select(i => nearestDistance[i].ToString("F3")))})"));
lesson.Display($"{testWithTwin.Length} of {isMalignant.Length} test images ({(double)testWithTwin.Length / isMalignant.Length:P0}) have a development image within RMS {duplicateThreshold}; " +
    $"{testWithTwin.Count(i => isMalignant[i])} of them malignant");

Check.That(testWithTwin.Length > 0 && nearestDistance.Min() < 0.001, "some test images have a near-copy in the development set, one of them an exact copy");
Check.That(nearestDistance.Count(d => d >= duplicateThreshold && d < 0.055) == 0, "the threshold falls in a gap of the histogram");

// The check finds what the split by image allowed: a sizeable share of the test images have a near-copy in the development set, one of them pixel for pixel (the cell prints how many). The pictures show why: the pairs are the same lesion, at most slightly shifted or re-exposed. This is **leakage**: for those images the test measures recognition as much as diagnosis. The honest response is to report it and see how much it matters: the next cell recomputes the AUCs on the test images *without* a near-copy. A proper fix needs patient identifiers, which MedMNIST does not ship: split by patient, with the grouped folds of notebook 05.

var clean = Enumerable.Range(0, isMalignant.Length).Except(testWithTwin).ToArray();
BinaryScores Only(BinaryScores s, int[] keep) => new(keep.Select(i => s.Scores[i]).ToArray(), keep.Select(i => s.IsPositive[i]).ToArray());
var plainClean = Only(plainTest, clean).DeLongAuc();
var sparseClean = Only(sparseTest, clean).DeLongAuc();
lesson.Display($"AUC on the {clean.Length} test images without a near-copy ({clean.Count(i => isMalignant[i])} malignant): no L1 {plainClean.Interval.Format("F3")}, L1 {sparseClean.Interval.Format("F3")}; " +
    $"on all {isMalignant.Length}: no L1 {plainDeLong.Interval.Format("F3")}, L1 {sparseDeLong.Interval.Format("F3")}");

// ## 11. Which pixels does the sparse model use?
//
// Every first-layer weight connects one input pixel to one of the 64 hidden units. A pixel's **importance** to the model can be summarised by the L2 norm of its 64 outgoing weights, ‖W₁[:, pixel]‖₂; a pixel whose 64 weights are all exactly zero is ignored completely, whatever its brightness. Drawn as two 28×28 images side by side on one gray scale (black = the smallest norm of either map, white = the largest), no-L1 model on the left:

Tensor PixelNorms(Mlp model) => model.Layers[0].weight!.detach().square().sum(new long[] { 0 }).sqrt();   // (784): norm of each input's column
var plainNorms = PixelNorms(plain);
var sparseNorms = PixelNorms(sparse);
var deadSparse = sparse.Layers[0].weight!.detach().eq(0).all(0).sum().item<long>();
var deadPlain = plain.Layers[0].weight!.detach().eq(0).all(0).sum().item<long>();
lesson.Display(Images.Grid(torch.stack(new[] { plainNorms, sparseNorms }), side: 28, columns: 2, scale: 6).WithTitle(
    $"‖W₁[:, pixel]‖₂ on one gray scale: left no L1, right L1 (λ = {l1Lambda})"));
lesson.Display($"pixels with all {sizes[1]} weights exactly zero: L1 {deadSparse} of {sizes[0]}, no L1 {deadPlain}; L1 weights exactly zero overall: {sparsity.ZeroFraction:P1} ({sparsity.Zeros:N0} of {sparsity.Count:N0})");

Check.That(deadPlain == 0 && deadSparse == sparseNorms.eq(0).sum().item<long>(), "a pixel is dead exactly when its weight norm is 0, and the no-L1 model has none");
Check.That(!fullSize || deadSparse < sizes[0] / 10, "at full size L1 switches off few whole pixels, if any");

// The cell prints the share of the L1 model's weights that are exactly zero, and how many pixels lost all of their weights: at full size few if any (the hidden cell checks it). This differs from MNIST (notebook 04, exercise 1), where the blank border pixels are 0 in every image, receive no data gradient, and are switched off entirely by soft-thresholding. In an ultrasound image every pixel varies, so every pixel keeps some gradient: L1 thins each pixel's connections rather than switching pixels off. A pixel goes dark only when, on every one of its weights, the pull of soft-thresholding outweighs the data gradient. Notebook 09 switches whole pixels off on purpose, with the group lasso. A weight map shows what the model uses, not what is medically relevant: it can just as well reveal a shortcut (a caliper mark, a text overlay, the image border) as a lesion.
//
// ## 12. The diagnostic summary
//
// One screen, in the spirit of STARD 2015: what data, which split, what prevalence, which rule chose each setting, and each measure with its counts and interval. The last table sets the models beside the majority class and MedMNIST v2's published results for BreastMNIST (Yang et al. 2023, Table 3: ResNet-18 at 28×28 and Google AutoML Vision), which report AUC and accuracy at the argmax (threshold 0.5) on the same test split, without intervals; our accuracy column uses the same rule.

string Row(string name, string plainValue, string sparseValue) => $"  {name,-34} no L1: {plainValue,-44} L1: {sparseValue}";
var summary = new[]
{
    "DIAGNOSTIC ACCURACY SUMMARY — BreastMNIST (MedMNIST v2, from BUSI), index test: MLP 784 → 64 → 2 on 28×28 ultrasound",
    $"  data: {breast.Train.Count + breast.Validation.Count + breast.Test.Count} images, official split by image (not by patient); reference standard: BUSI's label",
    $"  development (train + validation): {development.Count} images, {developmentPositive.Count(p => p)} malignant; test: {isMalignant.Length} images, {malignantTest} malignant (prevalence {testPrevalence:P1})",
    $"  chosen by {folds}-fold stratified CV × {seeds} seeds on development only: λ = {l1Lambda} (best mean AUC); thresholds: highest with out-of-fold sensitivity ≥ {targetSensitivity:P0}, median over seeds",
    $"  fixed in advance: architecture, SGD lr {baseOptions.LearningRate}, batch {baseOptions.BatchSize}, {epochs} epochs; test split used once",
    Row("threshold", plainThreshold.ToString("F3"), sparseThreshold.ToString("F3")),
    Row("sensitivity", plainAt.SensitivityInterval().ToString(), sparseAt.SensitivityInterval().ToString()),
    Row("specificity", plainAt.SpecificityInterval().ToString(), sparseAt.SpecificityInterval().ToString()),
    Row($"PPV at {testPrevalence:P1} (test split)", plainAt.PositivePredictiveValueInterval().ToString(), sparseAt.PositivePredictiveValueInterval().ToString()),
    Row($"NPV at {testPrevalence:P1} (test split)", plainAt.NegativePredictiveValueInterval().ToString(), sparseAt.NegativePredictiveValueInterval().ToString()),
    Row($"PPV at {screeningPrevalence:P1} (Bayes)", plainScreening.PositivePredictiveValue.Format("F3"), sparseScreening.PositivePredictiveValue.Format("F3")),
    Row($"NPV at {screeningPrevalence:P1} (Bayes)", plainScreening.NegativePredictiveValue.Format("F4"), sparseScreening.NegativePredictiveValue.Format("F4")),
    Row("balanced accuracy", plainBalanced.ToString(), sparseBalanced.ToString()),
    Row("AUC", $"{plainDeLong.Interval.Format("F3")}; {plainBoot.Interval.Format("F3")}", $"{sparseDeLong.Interval.Format("F3")}; {sparseBoot.Interval.Format("F3")}"),
    Row("average precision", plainAp.ToString(), sparseAp.ToString()),
    Row("Brier score (reference " + brierReference.ToString("F3") + ")", plainBrier.Interval.Format("F3"), sparseBrier.Interval.Format("F3")),
    Row("ECE (10 bins)", plainEce.Interval.Format("F3"), sparseEce.Interval.Format("F3")),
    Row("weights exactly 0 / dead pixels", $"{Sparsity.Measure(plain).ZeroFraction:P1} / {deadPlain}", $"{sparsity.ZeroFraction:P1} / {deadSparse}"),
    $"  paired AUC difference L1 − no L1: DeLong {delongDifference}; bootstrap {bootDifference}",
    $"  near-duplicates: {testWithTwin.Length} test images within RMS {duplicateThreshold} of a development image; AUC without them: no L1 {plainClean.Interval.Format("F3")}, L1 {sparseClean.Interval.Format("F3")}",
    $"  intervals: 95 %; Wilson for proportions; DeLong and stratified bootstrap ({resamples} resamples, seed 1) for AUC; bootstrap for the rest",
};
Console.WriteLine(string.Join("\n", summary));
var atHalf = new[] { plainTest, sparseTest }.Select(s => s.At(0.5).AccuracyInterval()).ToArray();
lesson.Display(new DataFrame(
    new StringDataFrameColumn("BreastMNIST test split", new[] { "always benign (majority class)", "MLP, no L1 (this notebook)", $"MLP, L1 λ = {l1Lambda} (this notebook)", "ResNet-18 (28), MedMNIST v2", "Google AutoML Vision, MedMNIST v2" }),
    new StringDataFrameColumn("AUC", new[] { "0.500", plainDeLong.Interval.Format("F3"), sparseDeLong.Interval.Format("F3"), "0.901", "0.919" }),
    new StringDataFrameColumn("ACC (argmax)", new[] { majority.AccuracyInterval().Format("F3"), atHalf[0].Format("F3"), atHalf[1].Format("F3"), "0.863", "0.861" })));

Check.That(!fullSize || (plainDeLong.Auc < 0.901 && sparseDeLong.Auc < 0.901), "at full size both MLPs rank below MedMNIST's ResNet-18");

// A small MLP on 784 raw pixels ranks below the convolutional networks of MedMNIST's table at full size (the hidden cell checks it). Read its accuracy against the majority class's row of the same table, not against 0.5: on this data accuracy is a poor headline, and the AUC, the paired difference and the intervals are the ones to read. MedMNIST's models were trained on the training split and chosen on the validation split, and their numbers carry no interval; with this test split, their AUCs would carry intervals of several hundredths too.
//
// <div style="border: 2px solid #b00; padding: 0.8em; margin: 1em 0">
//
// **This is teaching material, not a diagnostic device. It must not be used to decide whether a woman needs a biopsy, further imaging or follow-up, nor to read any real patient's scan.** The models were trained on a few hundred downscaled ultrasound images from one hospital's data set, split by image with near-copies across the splits, evaluated on one small test split with no external validation, no prospective study and no regulatory review. Their intervals are wide, their calibration is untested outside this data set, and their PPV in a screening population would be a few per cent.
//
// </div>
//
// ## Summary
//
// - BreastMNIST: 28×28 breast ultrasound images (MedMNIST v2, from BUSI; CC BY 4.0), 0 = malignant, 1 = normal/benign, about a quarter malignant, split by image. Always answering "benign" finds no cancer and scores the benign share as accuracy: print that baseline first.
// - λ and the decision threshold were chosen by stratified K-fold cross-validation over several seeds on train + validation, by rules stated in advance; the test split was scored once.
// - Every proportion is reported with its counts and Wilson interval; AUC with DeLong's and the stratified bootstrap's intervals; two models on the same images are compared **paired**, by the interval of their difference.
// - PPV and NPV depend on the prevalence: Bayes' rule moves them from the test split to a screening population, where almost every positive call would be a false alarm.
// - Calibration (Brier score, reliability diagram, ECE) asks whether a score can be read as a risk; the precision–recall curve and average precision show the cost in false alarms of each cancer found.
// - MedMNIST's split by image leaves near-copies across the splits: look for them, report them, and recompute without them.
// - L1 by soft-thresholding zeroes a share of the weights but switches off few whole pixels in ultrasound; a weight map shows what a model uses, which may be a shortcut.

// ## Exercises
//
// Each exercise asks for a function. In the student version its solution cell holds the function with one line that throws `NotImplementedException`: replace that line with your code. The test cell below it checks your answer and says what it checks; the grader (`l1lab workshop grade`) runs the same tests and a few hidden ones on other inputs.

// ### Exercise 1: Another threshold rule, Youden's J
//
// Section 3 chose the threshold for a target sensitivity. A rule that weighs both errors equally maximises **Youden's J** = sensitivity + specificity − 1. Write `double YoudenThreshold(double[] scores, bool[] isPositive)` that returns, among the scores themselves, the threshold (score ≥ t is positive) with the largest J; on a tie, the highest such threshold. When would a clinician not want this rule?
//
// *Checked (2 points):* The test checks a hand-made case of six scores and shows the Youden threshold of the L1 model's out-of-fold scores (first seed); hidden tests compare with a brute-force search over the no-L1 model's out-of-fold scores.

double YoudenThreshold(double[] scores, bool[] isPositive)
{
    // BEGIN SOLUTION
    // J weighs a missed cancer and a false alarm equally, which a triage or screening use does not.
    double best = double.NegativeInfinity, bestThreshold = double.NaN;
    foreach (var t in scores.Distinct().OrderByDescending(s => s))
    {
        var m = BinaryMetrics.Confusion(scores, isPositive, t);
        var j = m.Sensitivity + m.Specificity - 1;
        if (j > best) (best, bestThreshold) = (j, t);
    }
    return bestThreshold;
    // END SOLUTION
}

// Test: positives 0.9, 0.7, 0.4; negatives 0.8, 0.3, 0.2. At t = 0.7: se 2/3, sp 2/3, J 1/3; at t = 0.4: se 1, sp 2/3, J 2/3 (the best).
var yScores = new[] { 0.9, 0.8, 0.7, 0.4, 0.3, 0.2 };
var yTruth = new[] { true, false, true, true, false, false };
if (YoudenThreshold(yScores, yTruth) != 0.4) throw new Exception($"expected 0.4, got {YoudenThreshold(yScores, yTruth)}");
var youdenL1 = YoudenThreshold(outOfFold[chosen][0], developmentPositive);
var youdenAt = BinaryMetrics.Confusion(outOfFold[chosen][0], developmentPositive, youdenL1);
lesson.Display($"L1 model, out-of-fold scores of seed 0: Youden threshold {youdenL1:F3} (sensitivity {youdenAt.Sensitivity:P1}, specificity {youdenAt.Specificity:P1}); the 90 % rule chose {sparseThresholds[0]:F3}");
// BEGIN HIDDEN TESTS
var hScores = outOfFold[0][0];
var hBest = hScores.Distinct().Max(t => BinaryMetrics.Confusion(hScores, developmentPositive, t).Sensitivity + BinaryMetrics.Confusion(hScores, developmentPositive, t).Specificity - 1);
var hAt = BinaryMetrics.Confusion(hScores, developmentPositive, YoudenThreshold(hScores, developmentPositive));
if (Math.Abs(hAt.Sensitivity + hAt.Specificity - 1 - hBest) > 1e-12) throw new Exception("YoudenThreshold does not reach the largest J");
if (YoudenThreshold(new[] { 0.5, 0.5 }, new[] { true, false }) != 0.5) throw new Exception("a single distinct score is its own threshold");
// END HIDDEN TESTS

// ### Exercise 2: How many cancers does a test set need?
//
// A study that wants to report sensitivity to within ±5 points needs enough malignant images. Write `int PositivesForHalfWidth(double sensitivity, double halfWidth)` that returns the smallest n such that the 95 % Wilson interval of round(sensitivity·n) successes out of n has half-width (upper − lower)/2 at most `halfWidth`. Use `Wilson.Interval` and `Math.Round(sensitivity * n, MidpointRounding.AwayFromZero)`; try n = 1, 2, 3, … . Compare the answer with the number of malignant images in BreastMNIST's test split.
//
// *Checked (2 points):* The test checks that the answer for sensitivity 0.9 and ±0.05 meets the target and that no smaller n does; hidden tests check other targets.

int PositivesForHalfWidth(double sensitivity, double halfWidth)
{
    // BEGIN SOLUTION
    for (var n = 1; ; n++)
    {
        var interval = Wilson.Interval((long)Math.Round(sensitivity * n, MidpointRounding.AwayFromZero), n);
        if ((interval.Upper - interval.Lower) / 2 <= halfWidth) return n;
    }
    // END SOLUTION
}

// Test: the answer meets ±0.05 at sensitivity 0.9, and every smaller n misses it.
bool Meets(double se, double h, int n) { var w = Wilson.Interval((long)Math.Round(se * n, MidpointRounding.AwayFromZero), n); return (w.Upper - w.Lower) / 2 <= h; }
var needed = PositivesForHalfWidth(0.9, 0.05);
if (!Meets(0.9, 0.05, needed)) throw new Exception($"n = {needed} does not reach ±0.05");
if (Enumerable.Range(1, needed - 1).Any(n => Meets(0.9, 0.05, n))) throw new Exception($"a smaller n than {needed} already reaches ±0.05");
lesson.Display($"sensitivity 0.90 to ±0.05 needs {needed} malignant images; to ±0.10, {PositivesForHalfWidth(0.9, 0.10)}; BreastMNIST's test split has {malignantTest}");
// BEGIN HIDDEN TESTS
foreach (var (se, h) in new[] { (0.8, 0.1), (0.95, 0.02), (0.5, 0.15) })
{
    var m = PositivesForHalfWidth(se, h);
    if (!Meets(se, h, m) || Enumerable.Range(1, m - 1).Any(n => Meets(se, h, n))) throw new Exception($"wrong answer {m} for sensitivity {se}, ±{h}");
}
// END HIDDEN TESTS

// ### Exercise 3: Net benefit, the decision-curve view
//
// A threshold t also says how a clinician trades harms: calling a case positive at probability t means one cancer found is worth (1 − t)/t false alarms. Decision-curve analysis (Vickers and Elkin, 2006) turns this into the **net benefit** of acting on the model at threshold t: NB(t) = TP/N − FP/N · t/(1 − t), in true positives per patient, net of false alarms. Write `double NetBenefit(double[] scores, bool[] isPositive, double t)` (score ≥ t is positive). Compare the model's net benefit with "biopsy everyone", whose net benefit is π − (1 − π)·t/(1 − t).
//
// *Checked (2 points):* The test checks a hand-made case and shows the net benefit of both models and of "biopsy everyone" on the test split at t = 0.1 and 0.3; hidden tests check it against the confusion matrix at other thresholds.

double NetBenefit(double[] scores, bool[] isPositive, double t)
{
    // BEGIN SOLUTION
    var m = BinaryMetrics.Confusion(scores, isPositive, t);
    return (double)m.TruePositives / m.Total - (double)m.FalsePositives / m.Total * t / (1 - t);
    // END SOLUTION
}

// Test: scores 0.9 P, 0.6 N, 0.4 P, 0.2 N at t = 0.5: TP 1, FP 1 of 4 → 1/4 − 1/4 · 1 = 0; at t = 0.3: TP 2, FP 1 → 2/4 − 1/4 · 3/7 = 0.392857…
var nbScores = new[] { 0.9, 0.6, 0.4, 0.2 };
var nbTruth = new[] { true, false, true, false };
if (Math.Abs(NetBenefit(nbScores, nbTruth, 0.5)) > 1e-12) throw new Exception($"expected 0 at t = 0.5, got {NetBenefit(nbScores, nbTruth, 0.5)}");
if (Math.Abs(NetBenefit(nbScores, nbTruth, 0.3) - (0.5 - 0.25 * 3 / 7.0)) > 1e-12) throw new Exception($"expected 0.392857 at t = 0.3, got {NetBenefit(nbScores, nbTruth, 0.3)}");
foreach (var t in new[] { 0.1, 0.3 })
    lesson.Display($"t = {t}: net benefit no L1 {NetBenefit(plainTest.Scores.ToArray(), isMalignant, t):F3}, L1 {NetBenefit(sparseTest.Scores.ToArray(), isMalignant, t):F3}, " +
        $"biopsy everyone {testPrevalence - (1 - testPrevalence) * t / (1 - t):F3}, biopsy no one 0");
// BEGIN HIDDEN TESTS
foreach (var t in new[] { 0.05, 0.2, 0.6 })
{
    var m = sparseTest.At(t);
    var expected = (m.TruePositives - m.FalsePositives * t / (1 - t)) / m.Total;
    if (Math.Abs(NetBenefit(sparseTest.Scores.ToArray(), isMalignant, t) - expected) > 1e-12) throw new Exception($"NetBenefit differs from the confusion matrix at t = {t}");
}
// END HIDDEN TESTS

plain.Dispose();
sparse.Dispose();
development.Dispose();
breast.Dispose();
lesson.Display("freed");

// Next: [08 — What sparsity buys](08-sparse-model.cs): does a model with exact zeros get smaller and faster at inference? Or back to the [course overview](../README.md).
