#:project ../lib/L1Lab/L1Lab.csproj
// # 01 — Loss functions: mean squared error and cross-entropy
//
// After this notebook you will be able to compute mean squared error and cross-entropy from tensor operations (stably, even for huge scores), check them against TorchSharp and the L1Lab library, and explain why a classifier is trained with cross-entropy rather than the squared error the article writes down.
//
// **Prerequisites:** [00 — Setup](00-setup.cs); tensors, and autograd as shown there; the derivative of exp and log.
//
// Exported from notebooks/01-loss.ipynb by `l1lab notebooks export --to cs`: edit the notebook and export again, not this file.
// Run it with `dotnet run lessons/01-loss.cs`; quick values: `dotnet run lessons/01-loss.cs -- --quick`; one value:
// `-- --set name=value`. Text prints here; figures are written as SVG/HTML files to out/ next to this file.

using TorchSharp;
using static TorchSharp.torch;
using Microsoft.Data.Analysis;
using L1Lab.Visuals;
using L1Lab;
using L1Lab.Data;
using L1Lab.Lessons;

// Parameters (the notebook's cell tagged "parameters"): edit them here or set them on the command line.
var lesson = Lesson.Start(args, parameters: ["batchSize", "testSamples"], quick: ["testSamples=1000"]);
var batchSize = lesson.Parameter("batchSize", 6);       // rows of the random example batch
var testSamples = lesson.Parameter("testSamples", 10000); // MNIST test images scored by an untrained model in section 3

L1Lab.Native.TorchRuntime.Initialize(); // before any torch call (see 00-setup)
torch.random.manual_seed(1);
lesson.Display("ready");

// A loss turns "how wrong is the model on these examples" into one number that training pushes down. The article writes two of them; we build each from tensor operations, then check it two ways: against TorchSharp's own function and against the L1Lab library (`Losses`), which the later notebooks use. `Compare.Tensors` (from the library, so every notebook uses the same check) reports whether two tensors are exactly equal and their largest absolute difference, and throws when that difference is too large.

// Compare.Tensors(name, ours, reference, tolerance = 1e-6), from the L1Lab library: says whether two tensors are
// exactly equal, prints the largest |ours − reference|, and throws when that is larger than the tolerance.
Console.WriteLine(Compare.Tensors("a tensor vs itself", torch.arange(3), torch.arange(3)));

// ## 1. Mean squared error
//
// For predictions ŷ and targets y with n entries,
//
// $$\mathrm{MSE}(\hat y, y) = \frac{1}{n}\sum_{i=1}^{n} (\hat y_i - y_i)^2 .$$
//
// It is the natural loss for **regression** (predicting a number, e.g. a tumour's size in millimetres): squaring makes every error positive and punishes large errors more than small ones.

var prediction = torch.tensor(new float[] { 2.5f, 0.0f, 2.0f, 8.0f });
var target     = torch.tensor(new float[] { 3.0f, -0.5f, 2.0f, 7.0f });
var mse = (prediction - target).square().mean();
lesson.Display(mse);  // (0.25 + 0.25 + 0 + 1) / 4 = 0.375

Console.WriteLine(Compare.Tensors("by hand vs torch.nn.functional.mse_loss", mse, torch.nn.functional.mse_loss(prediction, target)));
Console.WriteLine(Compare.Tensors("by hand vs Losses.MeanSquaredError", mse, Losses.MeanSquaredError(prediction, target)));

// ## 2. From scores to probabilities: softmax, and why it needs the max trick
//
// A classifier for K classes outputs K unnormalised scores z (**logits**), one per class. **Softmax** turns them into probabilities that are positive and sum to 1:
//
// $$p_k = \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}} .$$
//
// Written literally, it works for moderate logits:

Tensor NaiveSoftmax(Tensor z) => z.exp() / z.exp().sum(-1, keepdim: true);

var z = torch.tensor(new float[] { 2.0f, 1.0f, 0.1f });
var p = NaiveSoftmax(z);
lesson.Display(p);
lesson.Display(p.sum());

// But a trained network can produce large logits, and e¹⁰⁰⁰ does not fit in a float (float32 overflows above about e⁸⁸, float64 above e⁷⁰⁹). The literal formula then computes ∞/∞:

var big = torch.tensor(new float[] { 1000f, 0f, -1000f });
lesson.Display(big.exp());
lesson.Display(NaiveSoftmax(big));

// The fix rests on one identity: subtracting the same constant c from every logit does not change softmax, because e^{z_k − c} / Σ e^{z_j − c} = e^{−c}e^{z_k} / (e^{−c} Σ e^{z_j}). Choose c = m = max_j z_j. Then the largest exponent is e⁰ = 1, nothing overflows, and the sum is at least 1, so its logarithm is safe too. Cross-entropy needs the **log** of softmax, which simplifies to
//
// $$\log p_k = (z_k - m) - \log \sum_{j} e^{z_j - m}.$$

Tensor StableLogSoftmax(Tensor z)
{
    var m = z.amax(new long[] { -1 }, keepdim: true);
    var shifted = z - m;
    return shifted - shifted.exp().sum(-1, keepdim: true).log();
}

var logP = StableLogSoftmax(big);
lesson.Display(logP);  // log p for logits (1000, 0, -1000): 0, -1000, -2000

Console.WriteLine(Compare.Tensors("ours vs torch.nn.functional.log_softmax", logP, torch.nn.functional.log_softmax(big, 0)));
Console.WriteLine(Compare.Tensors("ours vs Losses.LogSoftmax", logP, Losses.LogSoftmax(big)));
Console.WriteLine(Compare.Tensors("moderate logits: ours vs log(naive)", StableLogSoftmax(z), NaiveSoftmax(z).log()));

Check.That(logP.isfinite().all().item<bool>(), "the stable log-softmax is finite for logits of ±1000");

// ## 3. Cross-entropy
//
// For a batch of n examples with true classes y₁…yₙ, cross-entropy is the average negative log-probability the model gives to the **correct** class:
//
// $$\mathrm{CE} = -\frac{1}{n}\sum_{i=1}^{n} \log p_{i,\,y_i}.$$
//
// `gather` picks, in each row i, the column yᵢ.

var logits = torch.randn(batchSize, 10);
var labels = torch.randint(0, 10, new long[] { batchSize }, dtype: ScalarType.Int64);
Tensor CrossEntropy(Tensor logits, Tensor labels) =>
    -StableLogSoftmax(logits).gather(1, labels.unsqueeze(1)).mean();

var ce = CrossEntropy(logits, labels);
lesson.Display(labels);
lesson.Display(ce);

Console.WriteLine(Compare.Tensors("ours vs torch.nn.functional.cross_entropy", ce, torch.nn.functional.cross_entropy(logits, labels)));
Console.WriteLine(Compare.Tensors("ours vs Losses.CrossEntropy", ce, Losses.CrossEntropy(logits, labels)));
var huge = torch.tensor(new float[,] { { 1000f, 0f, -1000f } });
var wrongClass = torch.tensor(new long[] { 2 });
Console.WriteLine(Compare.Tensors("logits ±1000: ours vs torch", CrossEntropy(huge, wrongClass), torch.nn.functional.cross_entropy(huge, wrongClass)));
lesson.Display($"cross-entropy of logits (1000, 0, -1000) when the true class is 2: {CrossEntropy(huge, wrongClass).item<float>()}");

// **What the number means.** p_{i,yᵢ} is the probability the model assigns to what actually happened, so the product Πᵢ p_{i,yᵢ} is the likelihood of the labels under the model, and cross-entropy is minus its logarithm divided by n. Minimising cross-entropy is *maximum likelihood*. The name comes from information theory: with the one-hot target distribution q, −Σₖ qₖ log pₖ is the cross-entropy H(q, p), the average number of nats needed to encode the truth with a code built for p. Landmarks: a perfect, certain prediction costs 0; a uniform guess over K classes costs log K (log 10 ≈ 2.303 for digits); a confident wrong answer costs without bound.
//
// An untrained network is close to the uniform guess. Scoring real MNIST test images with a freshly initialised linear layer, `torch.nn.Linear(784, 10)`:

var mnist = Mnist.Load(DataPaths.FindDataDirectory());
var sample = mnist.Test.Take(testSamples);
mnist.Dispose();

var untrained = torch.nn.Linear(784, 10);
Tensor untrainedLoss;
using (torch.no_grad())
    untrainedLoss = Losses.CrossEntropy(untrained.forward(sample.Images), sample.Labels);
var ln10 = Math.Log(10);
lesson.Display($"untrained model on {sample.Count} test images: cross-entropy {untrainedLoss.item<float>():F3}   (ln 10 = {ln10:F3})");

Check.That(Math.Abs(untrainedLoss.item<float>() - ln10) <= 0.3, "an untrained model scores close to ln 10");

// ## 4. Why a classifier uses cross-entropy, not squared error
//
// The article's formulas use MSE, L = (1/n)Σ(yᵢ − ŷᵢ)², while its code compiles the network with `sparse_categorical_crossentropy`. For regression MSE is right; for a classifier with softmax outputs it is a poor choice. Apply it to a classifier literally — the probabilities p against the one-hot target y — and look at the gradient with respect to the logits, which is what training follows:
//
// - cross-entropy: ∂CE/∂z = p − y. When the model is confidently wrong, p − y is large (its norm approaches √2), so the model gets a strong push.
// - MSE on softmax: ∂MSE/∂z = J(p)ᵀ · (2/K)(p − y), where J = diag(p) − ppᵀ is softmax's Jacobian. When one probability is near 1 and the rest near 0, every entry of J is near 0: the softmax is **saturated** and the gradient vanishes, exactly when the model most needs correcting.
//
// Numerically, with 10 classes, the correct class 0 at logit 0, and a wrong class 1 whose logit s grows (the model becomes more and more sure of the wrong answer), both gradients from autograd:

var margins = new[] { 0.0, 2.0, 5.0, 10.0, 20.0 };
var rows = new List<(double S, double PCorrect, double Ce, double CeGrad, double Mse, double MseGrad)>();
var correct = torch.tensor(new long[] { 0 });
var oneHot = torch.nn.functional.one_hot(correct, 10).to_type(ScalarType.Float64);
foreach (var s in margins)
{
    var values = new double[10];
    values[1] = s;
    var zs = torch.tensor(values).reshape(1, 10).requires_grad_(true);
    var ceLoss = Losses.CrossEntropy(zs, correct);
    var ceGrad = torch.autograd.grad(new[] { ceLoss }, new[] { zs })[0];
    var mseLoss = Losses.MeanSquaredError(zs.softmax(-1), oneHot);
    var mseGrad = torch.autograd.grad(new[] { mseLoss }, new[] { zs })[0];
    rows.Add((s, zs.softmax(-1)[0, 0].item<double>(), ceLoss.item<double>(), ceGrad.norm().item<double>(), mseLoss.item<double>(), mseGrad.norm().item<double>()));
}
lesson.Display(new DataFrame(
    new DoubleDataFrameColumn("wrong logit s", rows.Select(r => r.S)),
    new StringDataFrameColumn("p(correct)", rows.Select(r => r.PCorrect.ToString("g3"))),
    new StringDataFrameColumn("CE", rows.Select(r => r.Ce.ToString("g4"))),
    new StringDataFrameColumn("‖∂CE/∂z‖", rows.Select(r => r.CeGrad.ToString("g4"))),
    new StringDataFrameColumn("MSE", rows.Select(r => r.Mse.ToString("g4"))),
    new StringDataFrameColumn("‖∂MSE/∂z‖", rows.Select(r => r.MseGrad.ToString("g3")))));

// As s grows, cross-entropy's gradient settles near √2 ≈ 1.41 while MSE's falls like e^{−s}: the last row of the table (s = 20) shows how small it gets, so gradient descent barely moves. MSE is also bounded (here it can never exceed 2/K = 0.2), so it cannot express "confidently wrong is much worse than unsure".

var atTen = rows.Single(r => r.S == 10.0);
var ratio = atTen.CeGrad / atTen.MseGrad;
lesson.Display($"at s = 10, ‖∂CE/∂z‖ / ‖∂MSE/∂z‖ = {ratio:N0}");

Check.That(ratio > 1000, "at s = 10 the cross-entropy gradient is over 1000× the MSE gradient");
Check.That(rows[^1].MseGrad < 1e-6 && rows[^1].CeGrad > 1.0, "at s = 20 the MSE gradient has vanished while cross-entropy's stays near √2");

// ## 5. Both losses as functions of the probability of the correct class
//
// The same comparison as a picture, for two classes so that everything depends on p, the probability given to the correct class. The logits are (u, 0) with the correct class first, so p = e^u/(e^u + 1). Then
//
// - CE = −log p, with ∂CE/∂u = p − 1;
// - MSE over the two outputs: ((p − 1)² + (1 − p)²)/2 = (1 − p)², with ∂MSE/∂u = −2p(1 − p)².
//
// First, autograd confirms the two derivative formulas:

var u = torch.linspace(-8, 8, 33, dtype: ScalarType.Float64).requires_grad_(true);
var logits2 = torch.stack(new[] { u, torch.zeros_like(u) }, 1);
var first = torch.zeros(33, dtype: ScalarType.Int64);
var pu = logits2.softmax(-1)[.., 0];
var ceSum = -StableLogSoftmax(logits2)[.., 0].sum();             // sum over examples: each u gets its own derivative
var ceGradU = torch.autograd.grad(new[] { ceSum }, new[] { u })[0];
var mseSum = ((pu - 1).square() + (1 - pu).square()).div(2).sum();
var mseGradU = torch.autograd.grad(new[] { mseSum }, new[] { u })[0];
Console.WriteLine(Compare.Tensors("∂CE/∂u: autograd vs p − 1", ceGradU, pu.detach() - 1, 1e-12));
Console.WriteLine(Compare.Tensors("∂MSE/∂u: autograd vs −2p(1 − p)²", mseGradU, -2 * pu.detach() * (1 - pu.detach()).square(), 1e-12));

var probs = Enumerable.Range(1, 200).Select(i => i / 200.0).ToArray();
var lossChart = new Figure("Loss vs predicted probability of the correct class",
    Axis.Linear("p (probability of the correct class)"), Axis.Linear("loss"),
    new LineSeries("cross-entropy  −log p", probs, probs.Select(q => -Math.Log(q)).ToArray()),
    new LineSeries("squared error  (1 − p)²", probs, probs.Select(q => (1 - q) * (1 - q)).ToArray()));
lesson.Display(lossChart);

var gradChart = new Figure("Size of the gradient with respect to the logit",
    Axis.Linear("p (probability of the correct class)"), Axis.Linear("|∂loss/∂u|"),
    new LineSeries("cross-entropy  |p − 1|", probs, probs.Select(q => 1 - q).ToArray()),
    new LineSeries("squared error  2p(1 − p)²", probs, probs.Select(q => 2 * q * (1 - q) * (1 - q)).ToArray()));
lesson.Display(gradChart);

// On the left of both charts the model is confidently wrong. Cross-entropy's loss shoots up and its gradient is largest there; squared error stays below 1 and its gradient falls to 0 as p → 0, so a badly wrong model learns slowest under MSE. In medical diagnosis, where a confident miss is the costliest error, that is the wrong incentive.

// ## Summary
//
// - MSE = mean of squared differences: the loss for regression. Ours, `torch.nn.functional.mse_loss` and `Losses.MeanSquaredError` agree.
// - Softmax turns logits into probabilities; computed literally it overflows (logits of 1000 give NaN). Subtracting the row maximum changes nothing mathematically and makes log-softmax finite: `Losses.LogSoftmax`.
// - Cross-entropy = average −log(probability of the correct class) = negative log-likelihood; uniform guessing costs log K (2.303 for 10 classes), as an untrained model shows on MNIST. Ours, `torch.nn.functional.cross_entropy` and `Losses.CrossEntropy` agree.
// - For a softmax classifier, cross-entropy's gradient with respect to the logits is p − y; MSE's is multiplied by the softmax Jacobian, which vanishes when the model is confidently wrong. That is why classifiers use cross-entropy, whatever the article's formula says.
//
// Notebook 02 adds the second ingredient of the article's objective: the L1 penalty R(w) = λ·Σ|wᵢ|.

// ## Exercises
//
// Each exercise asks for a function. In the student version its solution cell holds the function with one line that throws `NotImplementedException`: replace that line with your code. The test cell below it checks your answer and says what it checks; the grader (`l1lab workshop grade`) runs the same tests and a few hidden ones on other inputs.

// ### Exercise 1: The cost of guessing uniformly
//
// Write `double UniformCrossEntropy(int classes)` that builds logits that are all equal (a uniform prediction) for a small batch over `classes` classes and returns their cross-entropy computed with `Losses.CrossEntropy`.
//
// *Checked (1 point):* The test checks that the value for 10 classes is ln 10 = 2.302585…; hidden tests check other numbers of classes.

double UniformCrossEntropy(int classes)
{
    // BEGIN SOLUTION
    // Equal logits give softmax 1/K for every class, so −log(1/K) = ln K for every row, whatever the labels.
    using var logits = torch.zeros(3, classes, dtype: ScalarType.Float64);
    using var targets = torch.zeros(3, dtype: ScalarType.Int64);
    using var loss = Losses.CrossEntropy(logits, targets);
    return loss.item<double>();
    // END SOLUTION
}

// Test: K = 10 costs ln 10.
if (Math.Abs(UniformCrossEntropy(10) - Math.Log(10)) > 1e-9) throw new Exception($"UniformCrossEntropy(10) should be ln 10 = {Math.Log(10)}, got {UniformCrossEntropy(10)}");
lesson.Display($"uniform over 10 classes: {UniformCrossEntropy(10):F6} = ln 10");
// BEGIN HIDDEN TESTS
foreach (var k in new[] { 2, 3, 100 })
    if (Math.Abs(UniformCrossEntropy(k) - Math.Log(k)) > 1e-9) throw new Exception($"UniformCrossEntropy({k}) should be ln {k}");
// END HIDDEN TESTS

// ### Exercise 2: The max trick for two classes
//
// Notebook 07 classifies images into two classes with one logit z per image: p = σ(z) = 1/(1 + e^{−z}) is the probability of class 1, and the loss is the binary cross-entropy −[y·log p + (1 − y)·log(1 − p)]. Computed that way, z = −1000 gives σ(z) = 0 and log 0 = −∞. Apply section 2's max trick to this case: show that the loss equals max(z, 0) − z·y + log(1 + e^{−|z|}) (the exponent is never positive, so nothing overflows), and write `Tensor StableBinaryCrossEntropy(Tensor logits, Tensor targets)` that returns the mean of it over a batch, using only elementary tensor operations (not `binary_cross_entropy_with_logits`).
//
// *Checked (2 points):* The test compares with `torch.nn.functional.binary_cross_entropy_with_logits` on a random batch and checks that logits of ±1000 give a finite loss (1000 for a confident wrong answer, 0 for a confident right one); hidden tests check float64 inputs and fractional targets.

Tensor StableBinaryCrossEntropy(Tensor logits, Tensor targets)
{
    // BEGIN SOLUTION
    // log σ(z) = −log(1 + e^{−z}) and log(1 − σ(z)) = −z − log(1 + e^{−z}); for z < 0 rewrite 1 + e^{−z} = e^{−z}(1 + e^{z}).
    // Both cases together: loss = max(z, 0) − z·y + log(1 + e^{−|z|}).
    using var scope = torch.NewDisposeScope();
    var loss = logits.clamp_min(0) - logits * targets + (-logits.abs()).exp().log1p();
    return loss.mean().MoveToOuterDisposeScope();
    // END SOLUTION
}

// Test: matches torch's binary_cross_entropy_with_logits, and stays finite for logits of ±1000.
var bceLogits = torch.randn(16) * 3;
var bceTargets = torch.randint(0, 2, new long[] { 16 }).to(torch.float32);
var bceDiff = Math.Abs(StableBinaryCrossEntropy(bceLogits, bceTargets).item<float>() - torch.nn.functional.binary_cross_entropy_with_logits(bceLogits, bceTargets).item<float>());
if (bceDiff > 1e-5) throw new Exception($"StableBinaryCrossEntropy differs from binary_cross_entropy_with_logits by {bceDiff}");
var wrong = StableBinaryCrossEntropy(torch.tensor(new float[] { -1000f }), torch.tensor(new float[] { 1f })).item<float>();
var right = StableBinaryCrossEntropy(torch.tensor(new float[] { 1000f }), torch.tensor(new float[] { 1f })).item<float>();
if (!(Math.Abs(wrong - 1000) < 1e-3 && right == 0)) throw new Exception($"z = ∓1000 with y = 1 should give 1000 and 0, got {wrong} and {right}");
lesson.Display($"difference from binary_cross_entropy_with_logits: {bceDiff:E1}; confident and wrong (z = −1000, y = 1): {wrong}; confident and right (z = 1000, y = 1): {right}");
// BEGIN HIDDEN TESTS
var bceHuge = torch.tensor(new double[] { 1e4, -1e4, 0, 30, -30 });
var bceSoft = torch.tensor(new double[] { 0.2, 0.9, 0.5, 1, 0 });
if (Math.Abs(StableBinaryCrossEntropy(bceHuge, bceSoft).item<double>() - torch.nn.functional.binary_cross_entropy_with_logits(bceHuge, bceSoft).item<double>()) > 1e-9)
    throw new Exception("StableBinaryCrossEntropy is wrong for huge float64 logits or fractional targets");
// END HIDDEN TESTS

// ### Exercise 3: Two gradients when the model is nearly right or badly wrong
//
// With the two-class formulas of section 5, write `(double CrossEntropy, double SquaredError) LogitGradients(double p)` that returns the sizes of the gradients with respect to the logit u, |∂loss/∂u|, of cross-entropy and of the squared error, when the model gives the correct class probability p.
//
// *Checked (1 point):* The test checks p = 0.99 (both small) and p = 0.01 (only cross-entropy large); hidden tests compare with autograd at other p.

(double CrossEntropy, double SquaredError) LogitGradients(double p)
{
    // BEGIN SOLUTION
    // Near p = 1 both gradients are small (little left to learn); near p = 0 only cross-entropy's is large.
    return (1 - p, 2 * p * (1 - p) * (1 - p));
    // END SOLUTION
}

// Test: the values at p = 0.99 and p = 0.01.
var (gCe99, gSq99) = LogitGradients(0.99);
var (gCe01, gSq01) = LogitGradients(0.01);
if (Math.Abs(gCe99 - 0.01) > 1e-9 || Math.Abs(gSq99 - 2 * 0.99 * 0.01 * 0.01) > 1e-9) throw new Exception($"p = 0.99: got {gCe99}, {gSq99}");
if (Math.Abs(gCe01 - 0.99) > 1e-9 || Math.Abs(gSq01 - 2 * 0.01 * 0.99 * 0.99) > 1e-9) throw new Exception($"p = 0.01: got {gCe01}, {gSq01}");
lesson.Display($"p = 0.99: cross-entropy {gCe99:g3}, squared error {gSq99:g3};  p = 0.01: cross-entropy {gCe01:g3}, squared error {gSq01:g3}");
// BEGIN HIDDEN TESTS
foreach (var q in new[] { 0.3, 0.5, 0.8 })
{
    var u3 = torch.tensor(Math.Log(q / (1 - q)), dtype: ScalarType.Float64).requires_grad_(true);
    (-torch.log(torch.sigmoid(u3))).backward();
    var ce2 = Math.Abs(u3.grad!.item<double>());
    var u2 = torch.tensor(Math.Log(q / (1 - q)), dtype: ScalarType.Float64).requires_grad_(true);
    (torch.sigmoid(u2) - 1).square().backward();
    var sq = Math.Abs(u2.grad!.item<double>());
    var (gotCe, gotSq) = LogitGradients(q);
    if (Math.Abs(gotCe - ce2) > 1e-9 || Math.Abs(gotSq - sq) > 1e-9) throw new Exception($"p = {q}: expected {ce2}, {sq}; got {gotCe}, {gotSq}");
}
// END HIDDEN TESTS

// [Next: 02 — The L1 penalty, its subgradient and soft-thresholding](02-l1-penalty.cs)
