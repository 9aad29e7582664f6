#:project ../lib/L1Lab/L1Lab.csproj
// # 09 — Which pixels? Lasso and group lasso
//
// After this notebook you will be able to fit an L1-regularised logistic regression (the **lasso**) on image pixels by proximal gradient descent, compute the λ above which it selects nothing, read its regularization path, derive and check the proximal step of the **group lasso** and use it to switch whole pixels off in an MLP, measure how stable a selection is over resamples (**stability selection**), choose every setting on validation data and report a test AUC with its 95 % interval — and say what a map of selected pixels does and does not tell you about the images.
//
// **Prerequisites:** [07 — L1 for medical images](07-medical-imaging.cs) (BreastMNIST, positive = malignant, ROC and AUC, validation versus test), [08 — What sparsity buys](08-sparse-model.cs) (exact zeros; structured sparsity removes whole inputs), [02 — The L1 penalty](02-l1-penalty.cs) (soft-thresholding), [05 — Choosing λ](05-choosing-lambda.cs).
//
// Why this notebook comes ninth: it needs the medical data and the diagnostic measures of 07, and the view of 08 that a sparse model is first of all a smaller, more readable one. Notebook 07 found that L1 on single weights switched off no whole pixel. Clinical research uses L1 differently: the lasso as **feature selection** — which inputs does the model use at all? Here the inputs are the 784 pixels of a 28×28 breast ultrasound image.
//
// Exported from notebooks/09-which-pixels.ipynb by `l1lab notebooks export --to cs`: edit the notebook and export again, not this file.
// Run it with `dotnet run lessons/09-which-pixels.cs`; quick values: `dotnet run lessons/09-which-pixels.cs -- --quick`; one value:
// `-- --set name=value`. Text prints here; figures are written as SVG/HTML files to out/ next to this file.

using TorchSharp;
using static TorchSharp.torch;
using Microsoft.Data.Analysis;
using L1Lab;
using L1Lab.Data;
using L1Lab.Diagnostics;
using L1Lab.Models;
using L1Lab.Selection;
using L1Lab.Training;
using L1Lab.Visuals;
using L1Lab.Lessons;

// Parameters (the notebook's cell tagged "parameters"): edit them here or set them on the command line.
var lesson = Lesson.Start(args, parameters: ["steps", "pathLength", "epochs", "resamples"], quick: ["steps=100", "pathLength=6", "epochs=2", "resamples=5"]);
var steps = lesson.Parameter("steps", 1000);       // most proximal gradient iterations per lasso fit (FISTA)
var pathLength = lesson.Parameter("pathLength", 20);    // values of λ on the regularization path
var epochs = lesson.Parameter("epochs", 30);        // passes over the 546 training images for each group-lasso MLP
var resamples = lesson.Parameter("resamples", 50);     // half-samples drawn for stability selection

L1Lab.Native.TorchRuntime.Initialize(); // before any torch call (see 00-setup)
var words = Words.English;   // the language of the sentences cells print (each edition names its own)
torch.random.manual_seed(9);
lesson.Display("ready");

// The parameters. BreastMNIST is small, so every run uses all of its images; a quick run (CI, workshops) caps the proximal gradient iterations, fits a shorter path, trains the MLPs for fewer epochs and draws fewer resamples. The text describes the full-size run; the checks that depend on it say so.

// ## 1. The images as a design matrix
//
// Each image becomes one row of a matrix **X** (n images × p = 784 pixels, gray levels in [0, 1]) and its label one entry of **y**: 1 for malignant (BreastMNIST's class 0, the class a diagnostic test looks for, as in 07), 0 for normal or benign. We do not standardise the pixels: they share one unit (the gray level), and the lasso's penalty treats every coefficient on the same scale.

var breast = MedMnist.LoadBreastMnist(DataPaths.FindDataDirectory());
Tensor Malignant(ImageDataset d) => d.Labels.eq(0).to_type(ScalarType.Float64);   // y = 1 for malignant
bool[] IsMalignant(ImageDataset d) => d.Labels.data<long>().Select(l => l == 0).ToArray();
var (xTrain, yTrain) = (breast.Train.Images, Malignant(breast.Train));
var (xValidation, yValidation) = (breast.Validation.Images, Malignant(breast.Validation));
var (xTest, isMalignantTest) = (breast.Test.Images, IsMalignant(breast.Test));
var isMalignantValidation = IsMalignant(breast.Validation);
string Pixel(int j) => $"({j / 28}, {j % 28})";   // (row, column) of pixel j
var splits = new[] { ("train", breast.Train), ("validation", breast.Validation), ("test", breast.Test) };
lesson.Display(new DataFrame(
    new StringDataFrameColumn("split", splits.Select(s => s.Item1)),
    new Int32DataFrameColumn("images", splits.Select(s => s.Item2.Count)),
    new Int32DataFrameColumn("malignant (y = 1)", splits.Select(s => IsMalignant(s.Item2).Count(m => m))),
    new StringDataFrameColumn("prevalence", splits.Select(s => IsMalignant(s.Item2).Average(m => m ? 1.0 : 0).ToString("P1")))));

// ## 2. The lasso for a diagnosis
//
// Logistic regression scores an image by z = x·β + β₀ and calls P(malignant | x) = σ(z) = 1/(1 + e^{−z}). The **lasso** fits β and β₀ by minimising the mean log-loss plus an L1 penalty on β (the intercept β₀ is not penalised: it only sets the base rate):
//
// $$F(\beta, \beta_0) = \underbrace{\frac1n \sum_{i=1}^n \Big[\log\big(1 + e^{z_i}\big) - y_i z_i\Big]}_{f(\beta,\beta_0)\ \text{smooth}} + \lambda \lVert \beta \rVert_1 .$$
//
// The smooth part has gradient ∇_β f = Xᵀ(σ(z) − y)/n, and that gradient is **Lipschitz** with constant L = ‖[X 1]‖₂²/(4n) (the Hessian is [X 1]ᵀ diag(p(1 − p)) [X 1]/n and p(1 − p) ≤ ¼). So the proximal gradient step of notebook 03, with step 1/L, never increases F:
//
// $$\beta \leftarrow \operatorname{soft}\!\Big(\beta - \tfrac1L \nabla_\beta f,\ \tfrac{\lambda}{L}\Big), \qquad \beta_0 \leftarrow \beta_0 - \tfrac1L\,\partial_{\beta_0} f .$$
//
// `LogisticLasso.Fit` runs exactly this step, through the same `Updates.ProximalStep` the MLP trainer uses, with FISTA's momentum (Beck and Teboulle, 2009) to need fewer iterations; its tests compare the result with scikit-learn's `LogisticRegression(penalty="l1")`. It fits on **centred** pixels x − x̄, an equivalent problem (the unpenalised intercept absorbs x̄·β): every pixel is positive, so [X 1] has one large singular value along the mean image, and removing it makes L — and the number of iterations — much smaller. The step size, both ways:

var lipschitz = LogisticLasso.Lipschitz(xTrain);
var lipschitzCentred = LogisticLasso.Lipschitz(xTrain - xTrain.mean(new long[] { 0 }));
var lasso = new LogisticLassoOptions { MaxIterations = steps, Tolerance = 1e-6 };
lesson.Display($"L = ‖[X 1]‖₂² / (4n) = {lipschitz:F3} on the raw pixels, {lipschitzCentred:F3} on centred ones: a step 1/L = {1 / lipschitzCentred:F3} instead of {1 / lipschitz:F4}");

// ## 3. λ_max: where selection starts
//
// At β = 0 the best intercept makes σ(β₀) = ȳ, the share of malignant images, so the gradient of the smooth part is ∇_β f = Xᵀ(ȳ − y)/n. β = 0 is the minimiser exactly when 0 lies in the subdifferential, ∇_β f + λ·∂‖0‖₁ ∋ 0, that is when every |∇_β f_j| ≤ λ. Hence the smallest λ that selects nothing:
//
// $$\lambda_{\max} = \frac{\lVert X^\top (y - \bar y) \rVert_\infty}{n}.$$
//
// Each entry of Xᵀ(y − ȳ)/n is the covariance of one pixel with the label; the pixel with the largest one enters the model first. By hand, then from the library:

var x64 = xTrain.to_type(ScalarType.Float64);
var covariance = x64.t().mv(yTrain - yTrain.mean()) / x64.shape[0];   // one entry per pixel
var lambdaMaxByHand = covariance.abs().max().item<double>();
var firstPixel = (int)covariance.abs().argmax().item<long>();
var lambdaMax = LogisticLasso.LambdaMax(xTrain, yTrain);
lesson.Display($"λ_max = {lambdaMaxByHand:E6} by hand, {lambdaMax:E6} from LogisticLasso.LambdaMax; the pixel that enters first is {Pixel(firstPixel)}, " +
$"whose covariance with 'malignant' is {covariance[firstPixel].item<double>():+0.0000;-0.0000}");

Check.That(Math.Abs(lambdaMaxByHand - lambdaMax) <= 1e-12 * lambdaMax, "the hand computation and LogisticLasso.LambdaMax give the same λ_max");

// The formula says two things a fit can check: just above λ_max nothing is selected, and just below it something is — the pixel found above.

var justAbove = LogisticLasso.Fit(xTrain, yTrain, lambdaMax * 1.001, lasso);
var justBelow = LogisticLasso.Fit(xTrain, yTrain, lambdaMax * 0.99, lasso);
lesson.Display($"at 1.001·λ_max: {justAbove.SelectedCount} pixels selected; at 0.99·λ_max: {justBelow.SelectedCount} ({string.Join(", ", justBelow.Selected.Select(Pixel))})");

Check.That(justAbove.SelectedCount == 0, "just above λ_max nothing is selected");
Check.That(justBelow.SelectedCount > 0 && justBelow.Selected.Contains(firstPixel), "just below λ_max something is selected: the pixel with the largest covariance");

// ## 4. The regularization path
//
// Lower λ from λ_max to λ_max/30 in `pathLength` steps (evenly on a log scale) and fit at each, starting every fit from the previous solution (a **warm start**: neighbouring λ have neighbouring solutions, so each fit needs few iterations). `LassoPath.Fit` does that. For every λ we count the selected pixels and, to choose λ later, score the validation images (never the test images).

var lambdas = LassoPath.Lambdas(lambdaMax, pathLength, ratio: 1.0 / 30);
var path = LassoPath.Fit(xTrain, yTrain, lambdas, lasso);
var validationAuc = path.Select(m => BinaryMetrics.Auc(m.Probabilities(xValidation), isMalignantValidation)).ToArray();
lesson.Display(new Figure("The lasso path on BreastMNIST: pixels selected as λ falls",
    Axis.Log("λ (log scale; λ_max on the right)"), Axis.Linear("pixels selected (β ≠ 0)"),
    new LineSeries("selected pixels", lambdas, path.Select(m => (double)m.SelectedCount).ToArray()) { Markers = true }));

var shown = new[] { 0, pathLength / 4, pathLength / 2, 3 * pathLength / 4, pathLength - 1 }.Distinct().ToArray();
lesson.Display(new DataFrame(
    new DoubleDataFrameColumn("λ / λ_max", shown.Select(k => Math.Round(lambdas[k] / lambdaMax, 4))),
    new Int32DataFrameColumn("pixels selected", shown.Select(k => path[k].SelectedCount)),
    new DoubleDataFrameColumn("validation AUC", shown.Select(k => Math.Round(validationAuc[k], 3))),
    new Int32DataFrameColumn("iterations (warm start)", shown.Select(k => path[k].Iterations)),
    new BooleanDataFrameColumn("converged", shown.Select(k => path[k].Converged))));

// The coefficients of the same fits as 28×28 pictures (red = pushes towards *malignant*, blue = towards *benign*, white = exactly zero; one colour scale for all), from λ_max on the left to λ_max/30 on the right:

var betaMaps = stack(shown.Select(k => tensor(path[k].Weights.Select(w => (float)w).ToArray())).ToArray());
lesson.Display(Images.Grid(betaMaps, side: 28, columns: shown.Length, scale: 4, diverging: true)
    .WithTitle($"β at λ/λ_max = {string.Join(", ", shown.Select(k => (lambdas[k] / lambdaMax).ToString("G2")))}"));

Check.That(path[0].SelectedCount == 0, "the path starts at λ_max with nothing selected");
Check.That(path[^1].SelectedCount > path[shown[1]].SelectedCount, "more pixels are selected as λ falls");

// ## 5. Choosing λ on validation data
//
// The path offers `pathLength` models; which one to use is a choice, and choices are made on the validation split (notebook 05), never on the test split. The rule, fixed before looking: among the λ whose validation AUC is within 0.02 of the best, take the **largest** (the fewest pixels) — a parsimony rule in the spirit of 05's one-standard-error rule, since 78 validation images with 21 malignant ones cannot tell AUCs a few hundredths apart.

lesson.Display(new Figure("Validation AUC along the lasso path", Axis.Log("λ (log scale)"), Axis.Linear("validation AUC"),
    new LineSeries("lasso", lambdas, validationAuc) { Markers = true }));

var bestValidationAuc = validationAuc.Max();
var chosenIndex = Enumerable.Range(0, path.Count).First(k => validationAuc[k] >= bestValidationAuc - 0.02);   // largest λ first
var chosen = path[chosenIndex];
lesson.Display(Figure.Heatmap($"lasso at λ = {chosen.Lambda:E2}: β per pixel ({chosen.SelectedCount} selected)",
    HeatmapSeries.FromTensor("β", tensor(chosen.Weights.ToArray()).reshape(28, 28)) with { Scale = ColorScale.Diverging, ShowScale = true }, size: 300));
lesson.Display($"chosen λ = {chosen.Lambda:E3} (λ_max/{lambdaMax / chosen.Lambda:F1}): {chosen.SelectedCount} of 784 pixels, validation AUC {validationAuc[chosenIndex]:F3} (best on the path {bestValidationAuc:F3})");

// ## 6. Group lasso: switching whole pixels off in an MLP
//
// In the MLP of 07 (784 → 64 → 2) a pixel j reaches the network through 64 weights, the column W₁[:, j] of the first layer. L1 on single weights thins those columns but, as 07 found, rarely empties one. To select pixels, penalise each column as a **group**:
//
// $$R(W_1) = \lambda_g \sum_{j=1}^{784} \lVert W_1[:, j] \rVert_2 .$$
//
// This is L1 across groups (so groups become exactly zero) and L2 within a group (so a group is kept or dropped as a whole).
//
// **Its proximal step, derived.** For one group w and threshold t = ηλ_g, the proximal operator is
//
// $$\operatorname{prox}_{t\lVert\cdot\rVert_2}(w) = \arg\min_v\ t\lVert v\rVert_2 + \tfrac12 \lVert v - w\rVert_2^2 .$$
//
// - If the minimiser v is not 0, the objective is differentiable there and its gradient vanishes: t·v/‖v‖ + v − w = 0, so w = v·(1 + t/‖v‖). Then v points the same way as w, and taking norms gives ‖w‖ = ‖v‖ + t, so ‖v‖ = ‖w‖ − t, which needs ‖w‖ > t. Substituting: v = (1 − t/‖w‖)·w.
// - v = 0 is the minimiser when 0 lies in the subdifferential there. The subdifferential of t‖v‖₂ at 0 is the ball {u : ‖u‖ ≤ t}, so the condition 0 ∈ t·ball − w reads **‖w‖ ≤ t**: then the whole group is exactly zero.
//
// Together, **block soft-thresholding**: w ← max(0, 1 − t/‖w‖₂)·w. With groups of one weight it is the soft-threshold of notebook 02.
//
// A check by brute force: minimise the objective over a fine grid for two 2-D groups, one longer than t and one shorter, and compare with the formula and with `GroupLasso.SoftThresholdGroup`:

double ProxObjective(double[] v, double[] w, double t) =>
    t * Math.Sqrt(v[0] * v[0] + v[1] * v[1]) + 0.5 * ((v[0] - w[0]) * (v[0] - w[0]) + (v[1] - w[1]) * (v[1] - w[1]));
double[] GridMinimiser(double[] w, double t)
{
    double[] best = { 0, 0 };
    for (double a = -2; a <= 2; a += 0.005)
        for (double b = -2; b <= 2; b += 0.005)
            if (ProxObjective(new[] { a, b }, w, t) < ProxObjective(best, w, t)) best = new[] { a, b };
    return best;
}
double[] BlockSoftThreshold(double[] w, double t)
{
    var norm = Math.Sqrt(w[0] * w[0] + w[1] * w[1]);
    var scale = Math.Max(0, 1 - t / norm);
    return new[] { scale * w[0], scale * w[1] };
}
var proxT = 0.5;
var groupCases = new[] { new[] { 0.9, -1.2 }, new[] { 0.3, 0.25 } };   // ‖w‖ = 1.5 > t and ‖w‖ = 0.39 ≤ t
var proxRows = groupCases.Select(w => (W: w, Grid: GridMinimiser(w, proxT), Formula: BlockSoftThreshold(w, proxT),
    Library: GroupLasso.SoftThresholdGroup(tensor(w), proxT).data<double>().ToArray())).ToList();
string Show(double[] v) => $"({v[0]:F3}, {v[1]:F3})";
lesson.Display(new DataFrame(
    new StringDataFrameColumn("w", proxRows.Select(r => Show(r.W))),
    new StringDataFrameColumn("grid minimiser", proxRows.Select(r => Show(r.Grid))),
    new StringDataFrameColumn("max(0, 1 − t/‖w‖)·w", proxRows.Select(r => Show(r.Formula))),
    new StringDataFrameColumn("GroupLasso.SoftThresholdGroup", proxRows.Select(r => Show(r.Library)))));

Check.That(proxRows.All(r => Math.Abs(r.Grid[0] - r.Formula[0]) <= 0.005 && Math.Abs(r.Grid[1] - r.Formula[1]) <= 0.005), "the grid minimiser agrees with the closed form to the grid's resolution");
Check.That(proxRows.All(r => Math.Abs(r.Library[0] - r.Formula[0]) < 1e-12 && Math.Abs(r.Library[1] - r.Formula[1]) < 1e-12), "the library computes the closed form");
Check.That(proxRows[1].Formula.All(v => v == 0) && proxRows[1].Grid.All(v => v == 0), "the group shorter than t becomes exactly zero");

// **Training with it.** `TrainingOptions.InputGroupLambda` = λ_g makes the trainer apply this step to every column of the first layer after each SGD update: W₁[:, j] ← max(0, 1 − ηλ_g/‖W₁[:, j]‖)·W₁[:, j]. Train the MLP of 07 (784 → 64 → 2, the same initial weights, SGD with batch 32 for `epochs` passes, at learning rate 0.05 — five times 07's, so that fewer passes suffice) at a few λ_g, and score each on the validation split. λ_g is chosen by the same rule as λ above: the largest λ_g within 0.02 of the best validation AUC.

var sizes = new[] { 784, 64, 2 };
var mlpOptions = new TrainingOptions { Epochs = epochs, LearningRate = 0.05 };
var groupLambdas = new[] { 0.0, 0.003, 0.01, 0.03, 0.1 };
var groupRuns = groupLambdas.Select(lg =>
{
    var model = Mlp.Create(sizes, mlpOptions.Seed);
    new Trainer(mlpOptions with { InputGroupLambda = lg }).Fit(model, breast.Train, breast.Validation);
    var kept = 784 - GroupLasso.ZeroColumns(model.Layers[0].weight!);
    return (Lambda: lg, Model: model, Kept: kept, ValidationAuc: BinaryMetrics.Scores(model, breast.Validation, positiveClass: 0).Roc().Auc);
}).ToList();
lesson.Display(new DataFrame(
    new DoubleDataFrameColumn("λ_g", groupRuns.Select(r => r.Lambda)),
    new Int32DataFrameColumn("pixels kept (column ≠ 0)", groupRuns.Select(r => r.Kept)),
    new DoubleDataFrameColumn("validation AUC", groupRuns.Select(r => Math.Round(r.ValidationAuc, 3)))));

var bestGroupAuc = groupRuns.Max(r => r.ValidationAuc);
var chosenGroup = groupRuns.Last(r => r.ValidationAuc >= bestGroupAuc - 0.02);   // the largest λ_g within 0.02 of the best
Figure KeptPixelMap(Mlp model, double lambdaG, int kept) =>
    Figure.Heatmap($"group lasso, λ_g = {lambdaG}: ‖W₁[:, pixel]‖₂ ({kept} of 784 pixels kept)",
        HeatmapSeries.FromTensor("‖W₁[:, pixel]‖₂", GroupLasso.ColumnNorms(model.Layers[0].weight!.detach()).reshape(28, 28)) with { Scale = ColorScale.Viridis, ShowScale = true }, size: 300);
lesson.Display(KeptPixelMap(chosenGroup.Model, chosenGroup.Lambda, chosenGroup.Kept));
lesson.Display($"chosen λ_g = {chosenGroup.Lambda}: {chosenGroup.Kept} pixels kept, {784 - chosenGroup.Kept} switched off (all 64 of their weights exactly zero); validation AUC {chosenGroup.ValidationAuc:F3}");

Check.That(groupRuns[0].Kept == 784, "without the group penalty every pixel keeps some weight");
Check.That(groupRuns.Zip(groupRuns.Skip(1)).All(p => p.Second.Kept <= p.First.Kept), "a larger λ_g keeps no more pixels");
Check.That(epochs < 30 || groupRuns[^1].Kept < 784, "at full size the strongest λ_g switches whole pixels off");

// **Reading the choice.** The rule takes the largest λ_g whose validation AUC stays within 0.02 of the best. On 546 training images that can be a λ_g so weak that every pixel keeps some weight: the table above says how many pixels each λ_g kept, and what each cost on the validation split. Switching pixels off is not free here, and the rule says so honestly instead of forcing a sparse map. To see which pixels survive when selection *is* forced, the next cell draws the strongest λ_g we tried. Read it as a description of this one model, not as evidence that these pixels matter for the diagnosis (section 9 says why).

var strongest = groupRuns[^1];
lesson.Display(KeptPixelMap(strongest.Model, strongest.Lambda, strongest.Kept));
lesson.Display($"strongest λ_g = {strongest.Lambda}: {strongest.Kept} pixels kept, validation AUC {strongest.ValidationAuc:F3}, against {chosenGroup.ValidationAuc:F3} at the chosen λ_g = {chosenGroup.Lambda}");

// ## 7. Stability selection
//
// One lasso fit gives one set of pixels, but neighbouring pixels are strongly correlated, and among correlated inputs the lasso picks one almost arbitrarily: a slightly different sample picks another. **Stability selection** (Meinshausen and Bühlmann, *JRSS B* 72, 2010) measures this: fit the lasso on many random halves of the training images (drawn within each class, so every half keeps the prevalence), count how often each pixel is selected, and call a pixel **stable** when its selection frequency is at least π_thr = 0.8.
//
// Which λ? Stability selection wants a λ at which one fit selects few pixels, q, because its error bound (below) grows with q². We take the largest λ on the path at which the fit on all training images selects at least 15 pixels — a choice made on training data alone.

var stabilityLambda = path.FirstOrDefault(m => m.SelectedCount >= 15)?.Lambda ?? lambdas[^1];
var stabilityOptions = new StabilitySelectionOptions { Resamples = resamples, Threshold = 0.8, Seed = 9 };
var stability = StabilitySelection.LogisticLasso(xTrain, yTrain, stabilityLambda, stabilityOptions, lasso);
lesson.Display(Figure.Heatmap($"selection frequency over {resamples} half-samples (λ = {stabilityLambda:E2})",
    HeatmapSeries.FromTensor("frequency", tensor(stability.Frequencies.ToArray()).reshape(28, 28)) with { Scale = ColorScale.Viridis, ShowScale = true, Min = 0, Max = 1 }, size: 300));
var stableAlsoChosen = stability.Stable.Count(j => chosen.Weights[j] != 0);
lesson.Display($"{stability.Stable.Count} stable pixels (frequency ≥ {stabilityOptions.Threshold}): {string.Join(", ", stability.Stable.Select(Pixel))}; " +
$"{stableAlsoChosen} of them are among the {chosen.SelectedCount} the validation-chosen lasso selected. One half-sample selected {stability.MeanSelected:F1} pixels on average.");

// Meinshausen and Bühlmann bound the expected number of stable pixels that carry no signal, E[V] ≤ q²/((2π_thr − 1)·p), with q the mean number selected per half-sample and p = 784 — under an exchangeability assumption that neighbouring, correlated pixels do not meet, so read it as a rough scale, not a guarantee:

lesson.Display($"q = {stability.MeanSelected:F1}, p = 784, π_thr = {stabilityOptions.Threshold}: E[false stable pixels] ≤ {stability.ExpectedFalseSelectionsBound:F2}");

Check.That(stability.Frequencies.All(f => f >= 0 && f <= 1), "selection frequencies are shares of the resamples");
Check.That(stability.Stable.All(j => stability.Frequencies[j] >= stabilityOptions.Threshold), "the stable pixels are those selected in at least π_thr of the half-samples");

// ## 8. The test split, once
//
// Every choice is made: λ of the lasso and λ_g of the group-lasso MLP (by validation AUC, with a stated rule). Now, and only now, score the test split, once. Each AUC comes with its 95 % DeLong interval and the counts behind it; the two models are compared paired (same images), with DeLong's test of the difference. Beside them: the majority-class rule (always "benign"), and the field's benchmark, MedMNIST v2's ResNet-18 (28) on BreastMNIST, AUC 0.901 (Yang et al., *Scientific Data* 2023, Table 3).

var lassoTest = new BinaryScores(chosen.Probabilities(xTest), isMalignantTest);
var groupTest = BinaryMetrics.Scores(chosenGroup.Model, breast.Test, positiveClass: 0);
var lassoAuc = DeLong.Auc(lassoTest);
var groupAuc = DeLong.Auc(groupTest);
var pairedAuc = DeLong.Compare(lassoTest, groupTest);
var benign = isMalignantTest.Count(m => !m);
var majority = Wilson.Interval(benign, isMalignantTest.Length);
lesson.Display(new DataFrame(
    new StringDataFrameColumn("model (test split)", new[] { $"lasso, λ = {chosen.Lambda:E2} ({chosen.SelectedCount} pixels)", $"group-lasso MLP, λ_g = {chosenGroup.Lambda} ({chosenGroup.Kept} pixels)", "always 'benign'", "MedMNIST v2 ResNet-18 (28), published" }),
    new StringDataFrameColumn("AUC (95 % DeLong)", new[] { lassoAuc.Interval.Format("F3"), groupAuc.Interval.Format("F3"), "0.5 (no ranking)", "0.901" }),
    new StringDataFrameColumn("accuracy", new[] { "", "", $"{majority.Estimate:P1} ({benign}/{isMalignantTest.Length}; Wilson {majority.Lower:P1}–{majority.Upper:P1})", "0.863" }),
    new StringDataFrameColumn("images", new[] { $"{lassoAuc.Positives} malignant, {lassoAuc.Negatives} benign", $"{groupAuc.Positives} malignant, {groupAuc.Negatives} benign", $"{isMalignantTest.Length}", "156" })));

var verdict = pairedAuc.IsDistinguishableFromNoise ? words.Say("distinguishable from noise on these images") : words.Say("not distinguishable from noise on these images");
lesson.Display(words.Say($"paired (DeLong): lasso − group-lasso MLP = {pairedAuc.Difference:+0.000;-0.000} (95 % CI {pairedAuc.Interval.Lower:+0.000;-0.000} to {pairedAuc.Interval.Upper:+0.000;-0.000}, p = {pairedAuc.PValue:F2}): {verdict}"));

Check.That(lassoAuc.Positives == isMalignantTest.Count(m => m) && lassoAuc.Negatives == benign, "the AUC's counts are the test split's malignant and benign images");
Check.That(lassoAuc.Interval.Lower <= lassoAuc.Auc && lassoAuc.Auc <= lassoAuc.Interval.Upper && groupAuc.Interval.Contains(groupAuc.Auc), "each AUC lies inside its interval");

// How to read the table: with about 40 malignant test images an AUC's 95 % interval is roughly ± 0.07 wide, so differences of a few hundredths between these models — or between a run and its rerun with another seed — are within the noise; the paired comparison says whether this one is. Both models here are far smaller than a ResNet, trained on 546 images, and sit below the published benchmark.
//
// ## 9. What a map of selected pixels does and does not say
//
// A pixel map is tempting to read as "where the cancer is". It is not that, for four reasons:
//
// - **Selection is not causation, nor even importance.** Neighbouring pixels are nearly interchangeable; the lasso keeps one of a correlated group and drops the rest, and which one depends on the sample (section 7 measured how much). A pixel left out may carry the same information as one kept.
// - **A pixel is a position, not anatomy.** The images are not registered: a lesion sits in a different place, at a different size, in each patient. A pixel selected across 546 patients is a position where gray levels differ *on average* between the classes — for example where lesions tend to appear in the framing, or how dark the image centre is.
// - **Shortcuts are features too.** Ultrasound images can carry calipers (the measurement marks a sonographer places around a suspicious lesion), text annotations, and borders or frames from the scanner's display. If such marks are more common in one class, the model will use them, and the map will show them: a pixel at the image border or in a corner is a warning sign, not a discovery. At 28×28 such marks are blurred, not gone.
// - **One data set, one split by image.** BUSI's 780 images come from 600 patients and MedMNIST splits by image, so the same patient can appear in training and test; nothing here shows the selected pixels would carry over to another hospital's scanner.
//
// What the maps *do* say: which inputs this model, fitted to these images, uses — which is what is needed to audit it for shortcuts, and to see how stable that dependence is.
//
// <div style="border: 2px solid #b00; padding: 0.8em; margin: 1em 0">
//
// **This is teaching material, not a diagnostic device.** The models were fitted on 546 downscaled ultrasound images from one source, chosen on 78 and evaluated on 156, without external validation, a clinical study or regulatory review. Nothing in this notebook should inform a decision about a person's health.
//
// </div>

// ## Summary
//
// - The lasso for a diagnosis is L1-regularised logistic regression; proximal gradient descent solves it with a step 1/L, L = ‖[X 1]‖₂²/(4n), and a soft-threshold by λ/L (the same `Updates.ProximalStep` as the MLP trainer).
// - λ_max = ‖Xᵀ(y − ȳ)‖∞/n is the smallest λ that selects nothing (checked just above and below it); the pixel with the largest covariance with the label enters first, and the path shows the rest entering as λ falls.
// - The group lasso's proximal step is block soft-thresholding, w ← max(0, 1 − t/‖w‖₂)·w: a group with ‖w‖₂ ≤ t becomes exactly zero (derived from the subdifferential, checked by brute force). Applied to each pixel's 64 outgoing weights, it switches whole pixels off.
// - Stability selection repeats the lasso on half-samples and keeps the pixels selected in most of them; correlated neighbours make single-fit selections unstable.
// - λ and λ_g were chosen on validation data; the test split was scored once, each AUC with its DeLong interval and counts, the two models compared paired.
// - A selected pixel is a position this model uses on these images: not a cause, not anatomy, and possibly a shortcut.

// ## Exercises
//
// Each exercise asks for a function. In the student version its solution cell holds the function with one line that throws `NotImplementedException`: replace that line with your code. The test cell below it checks your answer and says what it checks; the grader (`l1lab workshop grade`) runs the same tests and a few hidden ones on other inputs.

// ### Exercise 1: The sparse group lasso
//
// The **sparse group lasso** penalises a group with both norms, a·‖v‖₁ + b·‖v‖₂, so it drops whole groups *and* thins the groups it keeps. Its proximal operator is known to be the two steps you have met, in this order: soft-threshold every entry by a, then block soft-threshold the result by b. Write `double[] SparseGroupProx(double[] w, double a, double b)` that returns it (plain arrays; no tensors needed).
//
// *Checked (2 points):* The test checks w = (3, −0.5, 1) with a = b = 1, which gives (1, 0, 0); hidden tests compare with a brute-force minimisation of a‖v‖₁ + b‖v‖₂ + ½‖v − w‖² over a grid, and check a group that vanishes entirely.

double[] SparseGroupProx(double[] w, double a, double b)
{
    // BEGIN SOLUTION
    var soft = w.Select(x => Math.Sign(x) * Math.Max(Math.Abs(x) - a, 0) + 0.0).ToArray();   // + 0.0 turns −0 into 0
    var norm = Math.Sqrt(soft.Sum(x => x * x));
    var scale = norm > b ? 1 - b / norm : 0;
    return soft.Select(x => scale * x).ToArray();
    // END SOLUTION
}

// Test: soft-threshold (3, −0.5, 1) by 1 → (2, 0, 0), then block soft-threshold by 1 → (1, 0, 0).
var sgp = SparseGroupProx(new[] { 3.0, -0.5, 1.0 }, 1, 1);
if (sgp.Length != 3 || Math.Abs(sgp[0] - 1) > 1e-12 || sgp[1] != 0 || sgp[2] != 0)
    throw new Exception($"expected (1, 0, 0), got ({string.Join(", ", sgp)})");
lesson.Display($"SparseGroupProx((3, −0.5, 1), 1, 1) = ({string.Join(", ", sgp)})");
// BEGIN HIDDEN TESTS
double SgObjective(double[] v, double[] w, double a, double b) =>
    a * v.Sum(Math.Abs) + b * Math.Sqrt(v.Sum(x => x * x)) + 0.5 * v.Zip(w).Sum(p => (p.First - p.Second) * (p.First - p.Second));
foreach (var (w, a, b) in new[] { (new[] { 1.2, -0.7 }, 0.3, 0.4), (new[] { -2.0, 0.1 }, 0.5, 0.2), (new[] { 0.4, 0.5 }, 0.2, 0.6) })
{
    double[] best = { 0, 0 };
    for (double x = -2.5; x <= 2.5; x += 0.005)
        for (double y = -2.5; y <= 2.5; y += 0.005)
            if (SgObjective(new[] { x, y }, w, a, b) < SgObjective(best, w, a, b)) best = new[] { x, y };
    var ours = SparseGroupProx(w, a, b);
    if (Math.Abs(ours[0] - best[0]) > 0.006 || Math.Abs(ours[1] - best[1]) > 0.006)
        throw new Exception($"SparseGroupProx({w[0]}, {w[1]}; {a}, {b}) = ({ours[0]:F4}, {ours[1]:F4}), brute force ({best[0]:F4}, {best[1]:F4})");
}
if (SparseGroupProx(new[] { 0.4, 0.5 }, 0.2, 0.6).Any(v => v != 0)) throw new Exception("a group whose soft-thresholded norm is at most b must vanish");
// END HIDDEN TESTS

// ### Exercise 2: How much do two selections agree?
//
// Stability selection counts pixels one at a time. A single number for how much two selections agree is the **Jaccard index**, |A ∩ B| / |A ∪ B|: 1 when they are the same, 0 when they share nothing (take it to be 1 when both are empty). Write `double Jaccard(IReadOnlyCollection<int> a, IReadOnlyCollection<int> b)`.
//
// *Checked (1 point):* The test checks {1, 2, 3} against {2, 3, 4} (0.5) and shows the agreement between the lasso's selections on two disjoint halves of the training images at the chosen λ; hidden tests check empty, identical and disjoint sets.

double Jaccard(IReadOnlyCollection<int> a, IReadOnlyCollection<int> b)
{
    // BEGIN SOLUTION
    var union = a.Union(b).Count();
    return union == 0 ? 1 : (double)a.Intersect(b).Count() / union;
    // END SOLUTION
}

// Test: {1, 2, 3} and {2, 3, 4} share 2 of 4 pixels.
if (Jaccard(new[] { 1, 2, 3 }, new[] { 2, 3, 4 }) != 0.5) throw new Exception($"expected 0.5, got {Jaccard(new[] { 1, 2, 3 }, new[] { 2, 3, 4 })}");
var halves = StabilitySelection.HalfSamples(IsMalignant(breast.Train), 1, seed: 3)[0];
var otherHalf = Enumerable.Range(0, breast.Train.Count).Select(i => (long)i).Except(halves).ToArray();
IReadOnlyList<int> SelectedOn(long[] rows) => LogisticLasso.Fit(xTrain.index_select(0, tensor(rows)), yTrain.index_select(0, tensor(rows)), chosen.Lambda, lasso).Selected;
lesson.Display($"two disjoint halves of the training images, λ = {chosen.Lambda:E2}: Jaccard index of the selected pixels {Jaccard(SelectedOn(halves).ToArray(), SelectedOn(otherHalf).ToArray()):F2}");
// BEGIN HIDDEN TESTS
if (Jaccard(Array.Empty<int>(), Array.Empty<int>()) != 1) throw new Exception("two empty selections agree completely (1)");
if (Jaccard(new[] { 5, 7 }, new[] { 7, 5 }) != 1) throw new Exception("identical sets have Jaccard index 1");
if (Jaccard(new[] { 1 }, new[] { 2, 3 }) != 0) throw new Exception("disjoint sets have Jaccard index 0");
// END HIDDEN TESTS

foreach (var run in groupRuns) run.Model.Dispose();
breast.Dispose();
lesson.Display("freed");

// Next: [10 — A sparse CNN on chest X-rays](10-chest-xray-cnn.cs): group lasso on whole convolution filters. Or back to the [course overview](../README.md).
