#:project ../lib/L1Lab/L1Lab.csproj
// # 10 — A sparse CNN on chest X-rays
//
// After this notebook you will be able to build a small convolutional network from its parts, train it on paediatric chest X-rays with proximal L1 on every weight and group lasso on whole filters, rebuild it without the filters that were switched off and check that it predicts the same, show which image regions drive its calls, and report its diagnostic accuracy with 95 % intervals beside the MedMNIST v2 benchmark.
//
// **Prerequisites:** [07 — Medical imaging](07-medical-imaging.cs) (sensitivity, specificity, ROC/AUC, a threshold chosen on validation data), [08 — The sparse model](08-sparse-model.cs) (what exact zeros buy at inference), and 09 (group lasso: the proximal step that switches whole groups off).
//
// Real image classifiers are convolutional: they slide small filters over the image instead of giving every pixel its own weight. This notebook takes the proximal steps the course derived — soft-thresholding for L1 (02), the block soft-threshold for group lasso (09) — and applies them to a CNN, where a group is a whole filter. A filter whose weights are all zero computes nothing, so the network can be rebuilt without it: sparsity that is structure, not just zeros in a matrix.
//
// Exported from notebooks/10-chest-xray-cnn.ipynb by `l1lab notebooks export --to cs`: edit the notebook and export again, not this file.
// Run it with `dotnet run lessons/10-chest-xray-cnn.cs`; quick values: `dotnet run lessons/10-chest-xray-cnn.cs -- --quick`; one value:
// `-- --set name=value`. Text prints here; figures are written as SVG/HTML files to out/ next to this file.

using Microsoft.Data.Analysis;
using TorchSharp;
using static TorchSharp.torch;
using L1Lab;
using L1Lab.Data;
using L1Lab.Diagnostics;
using L1Lab.Explain;
using L1Lab.Models;
using L1Lab.Sparse;
using L1Lab.Training;
using L1Lab.Visuals;
using L1Lab.Lessons;

// Parameters (the notebook's cell tagged "parameters"): edit them here or set them on the command line.
var lesson = Lesson.Start(args, parameters: ["epochs", "trainSamples", "patience", "learningRate", "batchSize", "l1Lambda", "groupLambda", "targetZeros", "timingRepeats", "bootstrapSamples"], quick: ["epochs=1", "trainSamples=300", "timingRepeats=5", "bootstrapSamples=200"]);
var epochs = lesson.Parameter("epochs", 6);              // most passes over the training images; early stopping on validation ends sooner
var trainSamples = lesson.Parameter("trainSamples", 4708);     // training images used (PneumoniaMNIST has 4,708; BreastMNIST 546, all used up to this)
var patience = lesson.Parameter("patience", 2);            // epochs without a better validation AUC before training stops
var learningRate = lesson.Parameter("learningRate", 0.1);      // SGD step size
var batchSize = lesson.Parameter("batchSize", 64);          // images per step
var l1Lambda = lesson.Parameter("l1Lambda", 2e-3);         // λ of proximal L1 on every weight tensor
var groupLambda = lesson.Parameter("groupLambda", 1e-2);      // λ_g of group lasso on whole convolution filters
var targetZeros = lesson.Parameter("targetZeros", 0.9);       // the sparse model keeps its best validation epoch among those with ≥ this share of weights exactly 0
var timingRepeats = lesson.Parameter("timingRepeats", 50);      // forward passes per inference timing (the median is reported)
var bootstrapSamples = lesson.Parameter("bootstrapSamples", 2000); // resamples for the bootstrap AUC interval

L1Lab.Native.TorchRuntime.Initialize(); // before any torch call (see 00-setup)
torch.random.manual_seed(10);
lesson.Display("ready");

// The parameters. The full-size run trains on all 4,708 training X-rays for up to `epochs` passes (early stopping usually ends sooner); a quick run uses a few hundred images and one epoch. The regularization strengths λ and λ_g were chosen by comparing a few settings on the **validation** split only; `targetZeros` is the sparsity the sparse model must reach (section 5 explains why that is a fair way to choose). On the X-rays' validation split, λ = 5·10⁻³ (λ_g = 10⁻²) zeroed 96 % of the weights by the second epoch but switched the whole network off by the fourth (validation AUC 0.5); λ = 2·10⁻³ reached 93 % zeros at the fifth epoch with validation AUC 0.98, so that is the default, with room for six epochs.

// ## 1. The data: PneumoniaMNIST
//
// PneumoniaMNIST (MedMNIST v2; Yang et al., *Scientific Data* 2023) holds 5,856 paediatric chest X-rays from Kermany et al. (*Cell* 2018), shrunk to 28×28 pixels: **0 = normal, 1 = pneumonia**. The split is MedMNIST's, by image; the test split is the source's own test set. `MedMnist.LoadPneumoniaMnist` checks the file's SHA-256 and the split sizes before it reads anything. Pneumonia is the positive class here; note its share in each split — it is the prevalence every predictive value depends on.

var xray = MedMnist.LoadPneumoniaMnist(DataPaths.FindDataDirectory());
var xrayTrain = xray.Train.Take(trainSamples);
DataFrame SplitTable(string positiveName, int positiveClass, params (string Name, ImageDataset Data)[] splits) => new DataFrame(
    new StringDataFrameColumn("split", splits.Select(s => s.Name)),
    new Int32DataFrameColumn("images", splits.Select(s => s.Data.Count)),
    new Int64DataFrameColumn(positiveName, splits.Select(s => s.Data.ClassCounts()[positiveClass])),
    new StringDataFrameColumn("prevalence", splits.Select(s => ((double)s.Data.ClassCounts()[positiveClass] / s.Data.Count).ToString("P1"))));
lesson.Display(SplitTable("pneumonia (1)", 1, ("train (used)", xrayTrain), ("validation", xray.Validation), ("test", xray.Test)));

var xrayLabels = xray.Train.Labels.data<long>().ToArray();
foreach (var (label, name) in new[] { (0L, "normal"), (1L, "pneumonia") })
{
    var indices = Enumerable.Range(0, xrayLabels.Length).Where(i => xrayLabels[i] == label).Take(8).Select(i => (long)i).ToArray();
    lesson.Display(Images.Grid(xray.Train.Images.index_select(0, tensor(indices)), side: 28, columns: 8, scale: 4)
        .WithTitle($"{name}: training images {string.Join(", ", indices)}"));
}
lesson.Display("gray levels as stored (white = dense tissue or bone)");

// ## 2. A convolution, by hand
//
// A convolution layer slides a small kernel — here 3×3 — over the image. At each position it multiplies the nine pixels under the kernel by the nine kernel weights and adds them up: one number of the output *feature map*. Outside the image the pixels count as 0 (padding 1), so the map keeps the image's 28×28 size. The same nine weights are used at every position, which is why a convolution needs so few of them. (Deep-learning libraries compute this without flipping the kernel — strictly a cross-correlation — and call it convolution all the same.)
//
// Take a Sobel kernel, which responds where brightness rises from left to right, and compute its map with four loops.

var firstImage = xray.Train.Images[0].reshape(28, 28);
var sobel = tensor(new float[] { -1, 0, 1, -2, 0, 2, -1, 0, 1 }, new long[] { 3, 3 });
var pixels = firstImage.data<float>().ToArray();
var kernelValues = sobel.data<float>().ToArray();
var mapByHand = new float[28 * 28];
for (int r = 0; r < 28; r++)
    for (int c = 0; c < 28; c++)
    {
        float sum = 0;
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
            {
                int row = r + i - 1, column = c + j - 1;            // padding 1: pixels outside the image are 0
                if (row >= 0 && row < 28 && column >= 0 && column < 28) sum += kernelValues[i * 3 + j] * pixels[row * 28 + column];
            }
        mapByHand[r * 28 + c] = sum;
    }
var mapByTorch = torch.nn.functional.conv2d(firstImage.view(1, 1, 28, 28), sobel.view(1, 1, 3, 3), padding: new long[] { 1, 1 }).view(28 * 28);
var convolutionGap = (tensor(mapByHand) - mapByTorch).abs().max().item<float>();
lesson.Display(Images.Grid(stack(new[] { tensor(mapByHand), mapByTorch }), side: 28, columns: 2, scale: 4, diverging: true)
    .WithTitle("Sobel map by hand (left) and by conv2d (right); red = brighter to the right"));
lesson.Display($"largest difference between the two maps: {convolutionGap:E1}");

Check.That(convolutionGap < 1e-5f, "the four loops compute the same feature map as conv2d");

// ## 3. The network: convolution, ReLU, pooling, and a linear head
//
// `Cnn.Create([16, 32], classCount: 2, seed: 42)` stacks two blocks. Each block is a 3×3 convolution (16 filters, then 32), a ReLU, and a 2×2 **max-pooling** that keeps the largest of every four neighbouring values and so halves the map's side: 28 → 14 → 7. A linear layer then turns the 32 maps of 7×7 into two logits. Each filter of the second block reads all 16 maps of the first, so it has 16·3·3 weights and one bias.
//
// Follow one image through the blocks and count the parameters by hand.

int[] channels = [16, 32];
var probe = Cnn.Create(channels, classCount: 2, seed: 42);
var shapes = new List<string> { "input: 1×28×28" };
using (no_grad())
{
    var h = firstImage.view(1, 1, 28, 28);
    for (int l = 0; l < channels.Length; l++)
    {
        h = probe.Convolutions[l].forward(h);
        shapes.Add($"conv {l + 1} ({channels[l]} filters of {(l == 0 ? 1 : channels[l - 1])}×3×3): {string.Join("×", h.shape.Skip(1))}");
        h = torch.nn.functional.max_pool2d(torch.nn.functional.relu(h), 2);
        shapes.Add($"ReLU + 2×2 max-pool: {string.Join("×", h.shape.Skip(1))}");
    }
    shapes.Add($"flatten → linear head: {h.numel()} → 2 logits");
}
var inputsPerLayer = new[] { 1 }.Concat(channels).ToArray();
long parametersByHand = Enumerable.Range(0, channels.Length).Sum(l => (long)inputsPerLayer[l] * 9 * channels[l] + channels[l])
    + (long)channels[^1] * 7 * 7 * 2 + 2;
lesson.Display(string.Join("\n", shapes));
lesson.Display($"parameters by hand: {parametersByHand:N0}; the model says {probe.ParameterCount:N0}");

Check.That(parametersByHand == probe.ParameterCount, "the parameter count by hand equals the model's");

// ## 4. Group lasso on filters: the block soft-threshold
//
// L1 zeroes single weights. To remove a whole filter, the penalty must act on the filter as one block: group lasso, λ_g·Σ_f ‖w_f‖₂, where w_f is filter f's kernel together with its bias (derived in the group-lasso notebook, 09). Its proximal step scales each filter towards zero:
//
// w_f ← w_f · max(0, 1 − t / ‖w_f‖₂),  t = η·λ_g.
//
// A filter whose norm is at most t becomes exactly zero — every weight and the bias at once — and then its feature map is relu(0) = 0 everywhere. The others keep their direction and lose t of their length. Apply it by hand to the second block's 32 filters, with t set to their median norm, and compare with `GroupLasso.SoftThreshold`.

var w2 = probe.Convolutions[1].weight!.detach();
var b2 = probe.Convolutions[1].bias!.detach();
var filterNorms = (w2.reshape(32, -1).square().sum(1) + b2.square()).sqrt();
var t = filterNorms.median().item<float>();
var scale = (1 - t / filterNorms).clamp_min(0);
var shrunkByHand = w2 * scale.view(32, 1, 1, 1);
var (shrunk, shrunkBias) = GroupLasso.SoftThreshold(w2, t, b2);
var groupGap = (shrunk - shrunkByHand).abs().max().item<float>();
var filtersOffByHand = filterNorms.le(t).sum().item<long>();
lesson.Display($"t = {t:F4}: {GroupLasso.ZeroGroups(shrunk, shrunkBias)} of 32 filters switched off (norm ≤ t: {filtersOffByHand}); largest difference from the formula {groupGap:E1}");

Check.That(groupGap < 1e-6f && GroupLasso.ZeroGroups(shrunk, shrunkBias) == filtersOffByHand, "the library's block soft-threshold is the formula, and it switches off exactly the filters with norm ≤ t");

// ## 5. Training with early stopping on the validation split
//
// Two networks from the same initial weights: a **dense** one (no regularization) and a **sparse** one. The sparse one gets, after every SGD step, proximal L1 on every weight tensor (`L1Mode.Proximal`, λ = `l1Lambda`) and then the block soft-threshold on every filter (`FilterGroupLambda`, λ_g = `groupLambda`) — the same `Trainer` as in notebooks 04–07, with one more proximal step.
//
// How long to train is a choice, like λ, so it is made on the validation split: `EarlyStopping.Fit` trains one epoch at a time, measures the validation AUC after each, stops after `patience` epochs without improvement, and leaves the model at its best epoch. The test split is not touched until section 8.
//
// **A sparsity target.** The goal here is a network with at least 90 % of its weights exactly zero. Proximal L1 and group lasso zero more weights with every epoch, while the validation AUC often peaks early — so "the best validation AUC" alone tends to keep an early, denser epoch. The sparse run therefore gets a target, `targetZeros`: among the epochs whose weights are at least that share exactly zero, it keeps the one with the best validation AUC, and it does not stop early before some epoch reaches the target (`EarlyStopping.Fit(…, targetZeros: targetZeros)`). This is a choice made without the test split, for two reasons. The target is fixed before training, from what the model is for — a size budget, like the choice of architecture — not from any result. And the zero fraction is a property of the weights alone; the ranking among the epochs that meet it uses the validation AUC only. If no epoch reaches the target, the run keeps the plain best epoch and says so in its output: a missed target is reported, not hidden. The dense network has no target.

(Cnn Model, EarlyStoppingResult Run) Fit(ImageDataset train, ImageDataset validation, int positiveClass, double l1, double group, double? target)
{
    var model = Cnn.Create(channels, classCount: 2, seed: 42);
    var options = new TrainingOptions
    {
        Epochs = epochs, BatchSize = batchSize, LearningRate = learningRate, Seed = 42,
        L1Mode = L1Mode.Proximal, L1Lambda = l1, FilterGroupLambda = group,
    };
    return (model, EarlyStopping.Fit(model, options, train, validation, positiveClass, patience, target));
}
string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

var (xrayDense, xrayDenseRun) = Fit(xrayTrain, xray.Validation, positiveClass: 1, l1: 0, group: 0, target: null);
var (xraySparse, xraySparseRun) = Fit(xrayTrain, xray.Validation, positiveClass: 1, l1: l1Lambda, group: groupLambda, target: targetZeros);

DataFrame History(EarlyStoppingResult dense, EarlyStoppingResult sparse)
{
    string Cell(EarlyStoppingResult run, int epoch, Func<EarlyStoppingEpoch, string> value) =>
        epoch <= run.Epochs.Count ? value(run.Epochs[epoch - 1]) + (epoch == run.BestEpoch ? " ◀" : "") : "";
    var rows = Enumerable.Range(1, Math.Max(dense.Epochs.Count, sparse.Epochs.Count)).ToArray();
    return new DataFrame(
        new Int32DataFrameColumn("epoch", rows),
        new StringDataFrameColumn("dense: validation AUC", rows.Select(e => Cell(dense, e, x => x.ValidationAuc.ToString("F4")))),
        new StringDataFrameColumn("sparse: validation AUC", rows.Select(e => Cell(sparse, e, x => x.ValidationAuc.ToString("F4")))),
        new StringDataFrameColumn("sparse: weights exactly 0", rows.Select(e => Cell(sparse, e, x => x.ZeroFraction.ToString("P1")))));
}
lesson.Display(History(xrayDenseRun, xraySparseRun));
lesson.Display($"dense, {xrayDenseRun.Choice}\nsparse, {xraySparseRun.Choice}");
lesson.Display($"◀ = the epoch kept. Training time: dense {xrayDenseRun.TrainingSeconds:F1} s, sparse {xraySparseRun.TrainingSeconds:F1} s ({Environment.ProcessorCount} cores, load average {LoadAverage()})");

Check.That(xraySparseRun.Choice.TargetMet == xraySparseRun.Epochs.Any(e => e.ZeroFraction >= targetZeros) && (!xraySparseRun.Choice.TargetMet || Sparsity.Measure(xraySparse).ZeroFraction >= targetZeros), "the sparse model is left at an epoch that meets the target whenever one does, and the output says when none did");

// ## 6. What the sparse network kept
//
// Count the exact zeros of every weight tensor, and the filters that are off (kernel and bias all zero). The first block's filters are 3×3 pictures: the ones left are the edge and blob detectors the data needed.

var xraySparsity = Sparsity.Measure(xraySparse);
var xrayFiltersOff = xraySparse.Convolutions.Select(c => GroupLasso.ZeroGroups(c.weight!, c.bias)).ToArray();
lesson.Display(new DataFrame(
    new StringDataFrameColumn("weight tensor", xraySparsity.Layers.Select(l => l.Name)),
    new Int64DataFrameColumn("weights", xraySparsity.Layers.Select(l => l.Count)),
    new StringDataFrameColumn("exactly 0", xraySparsity.Layers.Select(l => l.ZeroFraction.ToString("P1")))));
lesson.Display(Images.Grid(xraySparse.Convolutions[0].weight!.detach().view(channels[0], 9), side: 3, columns: channels[0], scale: 12, diverging: true)
    .WithTitle("sparse model, block 1: the 16 filters (red +, blue −; blank = switched off)"));
lesson.Display($"{xraySparsity.ZeroFraction:P1} of {xraySparsity.Count:N0} weights are exactly 0; filters off: block 1 {xrayFiltersOff[0]} of {channels[0]}, block 2 {xrayFiltersOff[1]} of {channels[1]}");

// ## 7. Pruning: rebuild the network without the dead filters
//
// A filter that is off outputs a map of zeros, and a filter whose every outgoing weight is zero is never read. Either way it can go: `Cnn.Pruned()` rebuilds the network with only the live filters, drops the matching input channels of the next convolution (or the matching columns of the head), and copies the rest. The result is an ordinary **dense** network, only smaller — so unlike the CSR matrices of notebook 08, it needs no special sparse kernels to be faster.
//
// Check that it gives the same predictions on the validation images, then compare size and inference time.

var xrayPruned = xraySparse.Pruned();
float pruningGap;
using (no_grad())
    pruningGap = (xrayPruned.forward(xray.Validation.Images) - xraySparse.forward(xray.Validation.Images)).abs().max().item<float>();
var xrayTiming = InferenceComparison.Measure(xraySparse, xray.Validation.Images, timingRepeats);
lesson.Display(new DataFrame(
    new StringDataFrameColumn("model", new[] { "dense architecture (zeros stored)", "pruned" }),
    new StringDataFrameColumn("filters per block", new[] { string.Join(" / ", xraySparse.Channels), string.Join(" / ", xrayPruned.Channels) }),
    new Int64DataFrameColumn("parameters", new[] { xraySparse.ParameterCount, xrayPruned.ParameterCount }),
    new StringDataFrameColumn("float32 size", new[] { $"{xraySparse.ParameterBytes / 1024.0:F1} KiB", $"{xrayPruned.ParameterBytes / 1024.0:F1} KiB" }),
    new StringDataFrameColumn($"ms per {xray.Validation.Count} images", new[] { $"{xrayTiming.DenseMicroseconds / 1000:F2}", $"{xrayTiming.SparseMicroseconds / 1000:F2}" })));
lesson.Display($"largest logit difference, pruned vs unpruned: {pruningGap:E1}; pruned inference is {xrayTiming.Speedup:F2}× as fast here (median of {timingRepeats}, load average {LoadAverage()})");

Check.That(pruningGap < 1e-4f, "the pruned network gives the same predictions as the sparse one, to float rounding");

// ## 8. The test split, touched once
//
// Everything is now fixed on training and validation data: the architecture, λ and λ_g, the epoch (early stopping), and the **threshold**. Here the threshold is the one that maximizes Youden's J = sensitivity + specificity − 1 on the validation split. Then, once, the test split:
//
// - **AUC** with its 95 % DeLong interval and a stratified bootstrap interval (notebook 07 derives both);
// - **accuracy at 0.5** (the larger probability wins), the rule MedMNIST's table uses, with its Wilson interval;
// - **sensitivity and specificity** at the validation threshold, with Wilson intervals and the counts behind them;
// - the paired DeLong comparison of the two models' AUCs on the same test images.

double YoudenThreshold(BinaryScores validation) =>
    validation.Scores.Distinct().MaxBy(s => validation.At(s).Sensitivity + validation.At(s).Specificity);

Report Evaluate(string data, string name, Cnn model, EarlyStoppingResult run, ImageDataset validation, ImageDataset test, int positiveClass)
{
    var threshold = YoudenThreshold(BinaryMetrics.Scores(model, validation, positiveClass));   // chosen on validation
    var scores = BinaryMetrics.Scores(model, test, positiveClass);                              // the one look at test
    using var pruned = model.Pruned();
    return new Report(data, name, DeLong.Auc(scores), Bootstrap.Auc(scores, bootstrapSamples, seed: 10), threshold,
        scores.At(threshold), scores.At(0.5), Sparsity.Measure(model).ZeroFraction,
        model.RemovableFilters().Sum(layer => layer.Count(off => off)), pruned.ParameterBytes, run.TrainingSeconds, scores);
}

DataFrame ReportTable(IEnumerable<Report> reports)
{
    var r = reports.ToList();
    return new DataFrame(
        new StringDataFrameColumn("data", r.Select(x => x.Data)),
        new StringDataFrameColumn("model", r.Select(x => x.Model)),
        new StringDataFrameColumn("test AUC (95 % CI)", r.Select(x => $"{x.Auc.Interval.Format("F3")}; bootstrap {x.AucBootstrap.Interval.Lower:F3}–{x.AucBootstrap.Interval.Upper:F3}")),
        new StringDataFrameColumn("accuracy at 0.5", r.Select(x => x.AtHalf.AccuracyInterval().Format("F3"))),
        new StringDataFrameColumn("threshold (validation)", r.Select(x => x.Threshold.ToString("F3"))),
        new StringDataFrameColumn("sensitivity", r.Select(x => x.AtThreshold.SensitivityInterval().Format("F2"))),
        new StringDataFrameColumn("specificity", r.Select(x => x.AtThreshold.SpecificityInterval().Format("F2"))),
        new StringDataFrameColumn("weights = 0", r.Select(x => x.ZeroFraction.ToString("P1"))),
        new StringDataFrameColumn("filters removed", r.Select(x => $"{x.FiltersRemoved} of {channels.Sum()}")),
        new StringDataFrameColumn("pruned size", r.Select(x => $"{x.PrunedBytes / 1024.0:F1} KiB")),
        new StringDataFrameColumn("training", r.Select(x => $"{x.TrainingSeconds:F0} s")));
}

var xrayReports = new[]
{
    Evaluate("PneumoniaMNIST", "dense CNN", xrayDense, xrayDenseRun, xray.Validation, xray.Test, positiveClass: 1),
    Evaluate("PneumoniaMNIST", "sparse CNN", xraySparse, xraySparseRun, xray.Validation, xray.Test, positiveClass: 1),
};
lesson.Display(ReportTable(xrayReports));
lesson.Display($"sparse − dense test AUC, paired on the same {xray.Test.Count} images: {DeLong.Compare(xrayReports[1].TestScores, xrayReports[0].TestScores)}");

// Read the intervals before the point estimates. With 390 pneumonia and 234 normal test images, a sensitivity is known to within a few percentage points, and the AUC interval is about as wide as the difference between many published models. The threshold was chosen where validation sensitivity and specificity balance; the test split was collected differently from the training data (it is the source's separate test set), so sensitivity and specificity can land away from their validation values — a reason to check a threshold on data from the setting where it will be used.

Check.That(xrayReports.All(r => r.AtThreshold.Total == xray.Test.Count && r.AtHalf.Total == xray.Test.Count), "every measure counts all test images once");

// **Near-copies across the splits.** Notebook 07 found BreastMNIST test images with a near-copy — one of them exact — among the development images, because MedMNIST splits by image, not by patient. The same check on the X-rays: each test image's root-mean-square pixel distance √(mean over pixels of (aᵢ − bᵢ)²) to its nearest training or validation image, and how many fall below 07's threshold of 0.05.

var developmentXrays = torch.cat(new[] { xray.Train.Images, xray.Validation.Images }, 0);
var (nearestXray, _) = (torch.cdist(xray.Test.Images, developmentXrays) / Math.Sqrt(28 * 28)).min(1);
var nearestXrayDistance = nearestXray.data<float>().Select(d => (double)d).ToArray();
var xrayTestWithTwin = nearestXrayDistance.Count(d => d < 0.05);
lesson.Display(new Figure("Each test X-ray's distance to its nearest development image", Axis.Linear("RMS pixel distance (0–1 gray scale)"), Axis.Linear("test images"),
    HistogramSeries.Of("test images", nearestXrayDistance, start: 0, binWidth: 0.005, binCount: 40)));
lesson.Display($"{xrayTestWithTwin} of {xray.Test.Count} test X-rays ({(double)xrayTestWithTwin / xray.Test.Count:P1}) have a development image within RMS 0.05; the closest pair is {nearestXrayDistance.Min():F3} apart");

Check.That(nearestXrayDistance.Min() > 0.02 && xrayTestWithTwin < 0.05 * xray.Test.Count, "no test X-ray has an exact copy in the development set, and fewer than 5 % lie within 0.05 of one");

// No test X-ray has an exact copy, and only a few per cent lie within 0.05 of a development image. But the histogram has no gap like BreastMNIST's: at 28×28 children's chest X-rays look alike, so pixel distance cannot tell a second image of the same child from a similar chest. The check rules out copied images, not a child seen in both splits; only a split by patient — identifiers MedMNIST does not ship — could.

// ## 9. Where does the network look? Occlusion maps
//
// Hide a 4×4 patch of the image (set it to black), every 2 pixels, and record how much the model's probability of pneumonia drops; a pixel's saliency is the mean drop over the patches that cover it (`Occlusion.Map`). Red: hiding it lowers the pneumonia score; blue: hiding it raises it. The method needs only forward passes, so it treats the dense and the sparse network alike.
//
// Below, for the first test image of each kind — a correct pneumonia call, a correct normal call, a false alarm and a missed pneumonia (at the validation threshold of the sparse model) — the image, then the maps of the dense and the sparse model.

var sparseTest = xrayReports[1].TestScores;
var sparseThreshold = xrayReports[1].Threshold;
var kinds = new (string Name, bool Positive, bool Called)[]
{
    ("pneumonia, called pneumonia", true, true), ("normal, called normal", false, false),
    ("normal, called pneumonia (false alarm)", false, true), ("pneumonia, called normal (missed)", true, false),
};
foreach (var (name, positive, called) in kinds)
{
    var index = Enumerable.Range(0, sparseTest.Scores.Count)
        .FirstOrDefault(i => sparseTest.IsPositive[i] == positive && (sparseTest.Scores[i] >= sparseThreshold) == called, -1);
    if (index < 0) { lesson.Display($"{name}: no such test image"); continue; }
    var image = xray.Test.Images[index];
    var maps = stack(new[] { Occlusion.Map(xrayDense, image, 28, targetClass: 1).view(784), Occlusion.Map(xraySparse, image, 28, targetClass: 1).view(784) });
    lesson.Display(Images.Grid(image.view(1, 784), side: 28, columns: 1, scale: 4).WithTitle($"{name}: test image {index}, sparse score {sparseTest.Scores[index]:F2}"));
    lesson.Display(Images.Grid(maps, side: 28, columns: 2, scale: 4, diverging: true).WithTitle("occlusion: dense model (left), sparse model (right)"));
}
lesson.Display("red = hiding this region lowers P(pneumonia)");

// An occlusion map shows what the model's score depends on, not what is medically relevant. It can just as well expose a shortcut — a side marker, the edge of the film, the position of the child — as an opacity in the lung. At 28×28 pixels much of the radiological detail is gone; that is one reason these models are teaching material and not a diagnostic tool.

// ## 10. The same recipe on BreastMNIST
//
// The breast ultrasound images of notebook 07: 546 training, 78 validation and 156 test images; the positive class is **malignant (0)**. With a ninth of the training images, an epoch is a ninth of the steps, so this run allows nine times the epochs — about as many SGD steps, which is what proximal L1 needs to zero as many weights (on validation, λ = 2·10⁻³ first reached 90 % zeros at epoch 28) — and three times the patience; everything else — architecture, λ, λ_g, the sparsity target, the threshold rule — is the same as for the X-rays.

var breast = MedMnist.LoadBreastMnist(DataPaths.FindDataDirectory());
var breastTrain = breast.Train.Take(trainSamples);
lesson.Display(SplitTable("malignant (0)", 0, ("train (used)", breastTrain), ("validation", breast.Validation), ("test", breast.Test)));

(Cnn Model, EarlyStoppingResult Run) FitLonger(ImageDataset train, ImageDataset validation, double l1, double group, double? target)
{
    var model = Cnn.Create(channels, classCount: 2, seed: 42);
    var options = new TrainingOptions
    {
        Epochs = 9 * epochs, BatchSize = batchSize, LearningRate = learningRate, Seed = 42,
        L1Mode = L1Mode.Proximal, L1Lambda = l1, FilterGroupLambda = group,
    };
    return (model, EarlyStopping.Fit(model, options, train, validation, positiveClass: 0, patience: 3 * patience, target));
}
var (breastDense, breastDenseRun) = FitLonger(breastTrain, breast.Validation, 0, 0, target: null);
var (breastSparse, breastSparseRun) = FitLonger(breastTrain, breast.Validation, l1Lambda, groupLambda, target: targetZeros);
lesson.Display(History(breastDenseRun, breastSparseRun));
lesson.Display($"dense, {breastDenseRun.Choice}\nsparse, {breastSparseRun.Choice}");
var breastReports = new[]
{
    Evaluate("BreastMNIST", "dense CNN", breastDense, breastDenseRun, breast.Validation, breast.Test, positiveClass: 0),
    Evaluate("BreastMNIST", "sparse CNN", breastSparse, breastSparseRun, breast.Validation, breast.Test, positiveClass: 0),
};
lesson.Display(ReportTable(breastReports));
lesson.Display($"sparse − dense test AUC, paired on the same {breast.Test.Count} images: {DeLong.Compare(breastReports[1].TestScores, breastReports[0].TestScores)} (load average {LoadAverage()})");

// ## 11. Beside the MedMNIST v2 benchmark
//
// MedMNIST v2 (Yang et al., *Scientific Data* 10, 41 (2023), Table 3) reports test AUC and accuracy for standard models on the same splits; at 28×28 its ResNet-18 reaches AUC 0.944 / accuracy 0.854 on PneumoniaMNIST and 0.901 / 0.863 on BreastMNIST, and Google AutoML Vision 0.991 / 0.946 on PneumoniaMNIST. Those numbers come without intervals; ours come with them, so read a difference as real only when it is larger than our interval. The goal set for this notebook: a CNN with at least 90 % of its weights exactly zero and test AUC at least ResNet-18's on both data sets.

var published = new (string Data, string Model, double Auc, double Accuracy)[]
{
    ("PneumoniaMNIST", "MedMNIST v2 ResNet-18 (28)", 0.944, 0.854),
    ("PneumoniaMNIST", "MedMNIST v2 AutoML Vision", 0.991, 0.946),
    ("BreastMNIST", "MedMNIST v2 ResNet-18 (28)", 0.901, 0.863),
};
var ours = xrayReports.Concat(breastReports).ToList();
lesson.Display(new DataFrame(
    new StringDataFrameColumn("data", ours.Select(r => r.Data).Concat(published.Select(p => p.Data))),
    new StringDataFrameColumn("model", ours.Select(r => r.Model + " (this notebook)").Concat(published.Select(p => p.Model))),
    new StringDataFrameColumn("test AUC", ours.Select(r => r.Auc.Interval.Format("F3")).Concat(published.Select(p => p.Auc.ToString("F3")))),
    new StringDataFrameColumn("test accuracy", ours.Select(r => r.AtHalf.AccuracyInterval().Format("F3")).Concat(published.Select(p => p.Accuracy.ToString("F3")))),
    new StringDataFrameColumn("weights = 0", ours.Select(r => r.ZeroFraction.ToString("P1")).Concat(published.Select(_ => "—")))));
string Goal(Report sparse, double auc) =>
    $"{sparse.Data}, sparse CNN: {sparse.ZeroFraction:P1} of weights zero ({(sparse.ZeroFraction >= 0.9 ? "≥ 90 %: met" : "goal 90 %: not met")}), " +
    $"test AUC {sparse.Auc.Auc:F3} ({(sparse.Auc.Auc >= auc ? $"≥ {auc}: met" : $"goal {auc}: not met")}; ResNet-18's {auc} is {(sparse.Auc.Interval.Contains(auc) ? "inside" : "outside")} its 95 % interval)";
lesson.Display(Goal(xrayReports[1], 0.944) + "\n" + Goal(breastReports[1], 0.901));

Check.That(ours.All(r => r.Auc.Interval.Lower <= r.Auc.Auc && r.Auc.Auc <= r.Auc.Interval.Upper), "every AUC in the table is shown with an interval around it");

// **At full size** (the defaults above; run on 2026-12-06 on 2 shared cores at load average about 30, recorded in [results/full-size/cnn.json](../results/full-size/cnn.json)), the sparsity target was met on both data sets and the AUC goal on neither. On PneumoniaMNIST the sparse CNN kept 94.9 % of its weights at exactly zero and 9 of its 48 filters (396 parameters instead of 7,938), with test AUC 0.919 (DeLong 0.895–0.944), sensitivity 0.92 (357/390) and specificity 0.81 (189/234) — as good as the dense CNN's 0.918 (paired difference +0.002, 95 % CI −0.009 to +0.013), below ResNet-18's 0.944. On BreastMNIST it kept 91.8 % zeros at test AUC 0.774 (0.685–0.862), *worse* than the dense CNN's 0.821 (paired −0.047, −0.080 to −0.015): with 546 training images, the sparsity cost accuracy. Note the validation AUC of the X-ray models, 0.98, against 0.92 on test: the test split is the source's separately collected test set, and a threshold or a goal checked on validation alone would promise too much.

// ## Summary
//
// - A convolution slides one small kernel over the image: nine weights per input map, shared by every position (section 2). Blocks of convolution, ReLU and max-pooling, then a linear head, make a CNN (section 3).
// - Proximal L1 zeroes single weights; the block soft-threshold of group lasso, w_f·max(0, 1 − t/‖w_f‖₂), zeroes whole filters, kernel and bias together (section 4).
// - Early stopping and the decision threshold are choices, made on the validation split like λ; a sparsity target fixed in advance narrows which epochs may be kept without looking at the test split, and a missed target is said out loud; the test split is read once (sections 5 and 8).
// - A filter that is off can be removed: the rebuilt network is smaller, dense, and predicts the same (section 7).
// - Occlusion maps show what the score depends on — including shortcuts — not what is clinically relevant (section 9).
// - A diagnostic number is reported with its 95 % interval and its counts, beside the field's benchmark (sections 8 and 11). These models are exercises on 28×28 thumbnails: they must not be used to diagnose anyone.

// ## Exercises

// ### Exercise 1: Filter norms
//
// Write `Tensor FilterNorms(Tensor kernel, Tensor bias)` that returns, for a convolution weight of shape (filters, inputs, 3, 3) and its bias (filters), the norm ‖(kernel_f, bias_f)‖₂ of every filter — the quantity group lasso thresholds.
//
// *Checked (1 point):* The test compares your norms for the sparse X-ray model's second block with `GroupLasso.GroupNorms`; hidden tests check the first block and that the filters with norm 0 are the switched-off ones.

Tensor FilterNorms(Tensor kernel, Tensor bias)
{
    // BEGIN SOLUTION
    return (kernel.reshape(kernel.shape[0], -1).square().sum(1) + bias.square()).sqrt();
    // END SOLUTION
}

// Test: the norms of the sparse model's second block equal GroupLasso.GroupNorms.
var block2 = xraySparse.Convolutions[1];
var yourNorms = FilterNorms(block2.weight!.detach(), block2.bias!.detach());
if (!yourNorms.allclose(GroupLasso.GroupNorms(block2.weight!.detach(), block2.bias!.detach()), rtol: 1e-5, atol: 1e-7))
    throw new Exception("FilterNorms should give ‖(kernel_f, bias_f)‖₂ for every filter f of block 2");
lesson.Display($"block 2 filter norms: {string.Join(", ", yourNorms.data<float>().ToArray().Take(8).Select(v => v.ToString("F3")))}, …");
// BEGIN HIDDEN TESTS
var block1 = xraySparse.Convolutions[0];
if (!FilterNorms(block1.weight!.detach(), block1.bias!.detach()).allclose(GroupLasso.GroupNorms(block1.weight!.detach(), block1.bias!.detach()), rtol: 1e-5, atol: 1e-7))
    throw new Exception("FilterNorms is wrong for block 1 (1 input channel)");
if (yourNorms.eq(0).sum().item<long>() != GroupLasso.ZeroGroups(block2.weight!, block2.bias))
    throw new Exception("the filters with norm 0 should be exactly the switched-off ones");
// END HIDDEN TESTS

// ### Exercise 2: How big is a pruned CNN?
//
// Write `long CnnParameters(IReadOnlyList<int> filters, int side, int classes)` that returns the number of parameters (weights and biases) of `Cnn.Create(filters, classes, seed, side)`: 3×3 convolutions with padding 1, each followed by a 2×2 max-pool (the side halves, rounding down), then a linear head.
//
// *Checked (2 points):* The test compares your count for the pruned X-ray model of section 7 with its `ParameterCount`; hidden tests check other shapes, including three blocks.

long CnnParameters(IReadOnlyList<int> filters, int side, int classes)
{
    // BEGIN SOLUTION
    long total = 0;
    int inputs = 1;
    foreach (var f in filters)
    {
        total += (long)inputs * 9 * f + f;
        inputs = f;
        side /= 2;
    }
    return total + (long)inputs * side * side * classes + classes;
    // END SOLUTION
}

// Test: the count for the pruned X-ray model's filters equals its ParameterCount.
var yourCount = CnnParameters(xrayPruned.Channels, 28, 2);
if (yourCount != xrayPruned.ParameterCount)
    throw new Exception($"pruned model with filters {string.Join("/", xrayPruned.Channels)}: expected {xrayPruned.ParameterCount:N0} parameters, got {yourCount:N0}");
lesson.Display($"pruned model: {yourCount:N0} parameters");
// BEGIN HIDDEN TESTS
foreach (var shape in new[] { new[] { 8 }, new[] { 4, 8, 16 }, new[] { 16, 32 } })
{
    var reference = Cnn.Create(shape, 3, seed: 1);
    if (CnnParameters(shape, 28, 3) != reference.ParameterCount)
        throw new Exception($"filters {string.Join("/", shape)}, 3 classes: expected {reference.ParameterCount:N0}, got {CnnParameters(shape, 28, 3):N0}");
}
// END HIDDEN TESTS

foreach (var model in new[] { probe, xrayDense, xraySparse, xrayPruned, breastDense, breastSparse }) model.Dispose();
foreach (var data in new[] { xrayTrain, breastTrain }) data.Dispose();
xray.Dispose();
breast.Dispose();
lesson.Display("freed");

// This is the last notebook of the course. Back to the [course overview](../README.md), or to the start, [00 — Setup](00-setup.cs).

// The notebook's type declarations: a C# program declares them after its top-level statements.

sealed record Report(string Data, string Model, DeLongAuc Auc, BootstrapInterval AucBootstrap, double Threshold,
    ConfusionMatrix AtThreshold, ConfusionMatrix AtHalf, double ZeroFraction, int FiltersRemoved, long PrunedBytes, double TrainingSeconds, BinaryScores TestScores);
