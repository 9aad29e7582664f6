#:project ../lib/L1Lab/L1Lab.csproj
// # 02 — The L1 penalty: norm, subgradient and soft-thresholding
//
// After this notebook you will be able to compute the L1 penalty λ·‖w‖₁ of a network's weights (and say why biases are left out), explain what a subgradient is and why |w| needs one, contrast L1 with L2 geometrically, and derive soft-thresholding, the exact step that makes weights zero.
//
// **Prerequisites:** [01 — Loss functions](01-loss.cs); derivatives; autograd (`backward()`, `.grad`).
//
// Exported from notebooks/02-l1-penalty.ipynb by `l1lab notebooks export --to cs`: edit the notebook and export again, not this file.
// Run it with `dotnet run lessons/02-l1-penalty.cs`; quick values: `dotnet run lessons/02-l1-penalty.cs -- --quick`; one value:
// `-- --set name=value`. Text prints here; figures are written as SVG/HTML files to out/ next to this file.

using TorchSharp;
using static TorchSharp.torch;
using Microsoft.Data.Analysis;
using L1Lab.Visuals;
using L1Lab;
using L1Lab.Models;
using L1Lab.Lessons;

// Parameters (the notebook's cell tagged "parameters"): edit them here or set them on the command line.
var lesson = Lesson.Start(args, parameters: ["steps", "gridPoints"], quick: ["steps=200"]);
var steps = lesson.Parameter("steps", 300);         // iterations of the 1-D comparison in section 6
var gridPoints = lesson.Parameter("gridPoints", 60001);  // grid resolution of the brute-force minimisation in section 5

L1Lab.Native.TorchRuntime.Initialize(); // before any torch call (see 00-setup)
var words = Words.English;   // the language of the sentences cells print (each edition names its own)
torch.random.manual_seed(2);
lesson.Display("ready");

// The same `Compare.Tensors` check as in notebook 01: exact equality, the largest absolute difference, and an exception when that is too large.

// Compare.Tensors(name, ours, reference, tolerance = 1e-6), from the L1Lab library: says whether two tensors are
// exactly equal, prints the largest |ours − reference|, and throws when that is larger than the tolerance.
Console.WriteLine(Compare.Tensors("a tensor vs itself", torch.arange(3), torch.arange(3)));

// ## 1. The L1 norm and the strength λ
//
// The L1 norm of a weight vector is the sum of absolute values, and the L1 penalty scales it by a strength λ ≥ 0:
//
// $$\|w\|_1 = \sum_i |w_i|, \qquad R(w) = \lambda \|w\|_1 .$$
//
// Training then minimises the data loss plus the penalty, L(w) + λ‖w‖₁. λ sets the exchange rate between fitting the data and keeping weights small: λ = 0 is no regularization, and a large enough λ makes every weight zero. Both articles this course corrects use λ = 0.01, and neither applies it: the article on L1 regularization (the MNIST one) declares `l1_lambda = 0.01` and never uses it, so its model is in fact unregularized; the article on regularization in medical imaging (Adam, MSE loss) calls a sum of *squares* "L1". Here the penalty is really applied.

var w = torch.tensor(new float[] { 0.8f, -0.05f, 0f, -1.5f, 0.3f });
var lambda = 0.01;
var normByHand = w.abs().sum();
var penaltyByHand = lambda * normByHand;
Console.WriteLine(Compare.Tensors("‖w‖₁ by hand vs L1.Norm", normByHand, L1.Norm(w)));
Console.WriteLine(Compare.Tensors("λ‖w‖₁ by hand vs L1.Penalty", penaltyByHand, L1.Penalty(new[] { w }, lambda)));
lesson.Display($"‖w‖₁ = {normByHand.item<float>()},  λ‖w‖₁ = {penaltyByHand.item<float>():g4}");

// ## 2. The penalty of a network: weights, not biases
//
// The article's network is 784 → 256 (ReLU) → 10: two linear layers, each with a weight matrix and a bias vector. `Mlp.Create(sizes, seed)` builds it with seeded initial weights (`Mlp.Article()` is the same network, unseeded); `Regularized.Parameters` says which parameters a penalty acts on.

var model = Mlp.Create(new[] { 784, 256, 10 }, seed: 2);
var regularizedNames = Regularized.Parameters(model).Select(p => p.Name).ToHashSet();
var named = model.named_parameters().ToList();
lesson.Display(new DataFrame(
    new StringDataFrameColumn("parameter", named.Select(p => p.name)),
    new StringDataFrameColumn("shape", named.Select(p => string.Join(" × ", p.parameter.shape))),
    new Int64DataFrameColumn("values", named.Select(p => p.parameter.numel())),
    new BooleanDataFrameColumn("penalized", named.Select(p => regularizedNames.Contains(p.name)))));

// Why leave the biases out?
//
// - A weight multiplies an input: wᵢⱼ = 0 means "unit j ignores pixel i", which is the simplicity L1 is after. A bias multiplies nothing; it only shifts the unit's threshold, and driving it to zero removes no dependence on the input.
// - Biases are few (compare the `values` column of the table above), so they add almost no capacity to overfit.
// - Shrinking them can hurt: the output biases carry the class frequencies. In a medical data set where one class outnumbers the other (BreastMNIST, in notebook 07, has far more benign or normal scans than malignant ones; notebook 07 counts them), pulling those biases to zero pulls the model towards pretending the classes are balanced.
//
// The rule used throughout (and by nanoGPT and most modern code): penalize tensors with two or more dimensions, not biases or other 1-D parameters. By hand:

var weightsOnly = named.Where(p => p.parameter.dim() >= 2).Select(p => p.parameter.abs().sum()).Aggregate((x, y) => x + y) * lambda;
var everything = named.Select(p => p.parameter.abs().sum()).Aggregate((x, y) => x + y) * lambda;
Console.WriteLine(Compare.Tensors("weights only: by hand vs L1.Penalty(model, λ)", weightsOnly, L1.Penalty(model, lambda), 1e-4));
Console.WriteLine(Compare.Tensors("with biases: by hand vs includeBiases: true", everything, L1.Penalty(model, lambda, includeBiases: true), 1e-4));
lesson.Display($"penalty of the weights {weightsOnly.item<float>():F4}; with biases too {everything.item<float>():F4}");

// The penalty is an ordinary tensor built from `abs` and `sum`, so autograd differentiates it. Its gradient with respect to each weight is λ·sign(w) (the next section explains what happens at exactly 0), and the biases receive no gradient from it at all:

model.zero_grad();
L1.Penalty(model, lambda).backward();
var firstLayer = model.Layers[0];
Console.WriteLine(Compare.Tensors("∂R/∂W₁ from autograd vs λ·sign(W₁)", firstLayer.weight!.grad!, lambda * firstLayer.weight!.sign()));
lesson.Display($"bias gradient: {(firstLayer.bias!.grad is null ? "none (the bias is not in the penalty's graph)" : "zero")}");

Check.That(firstLayer.bias!.grad is null || firstLayer.bias!.grad.abs().max().item<float>() == 0f, "the biases receive no gradient from the weights-only penalty");

// ## 3. |w| has no derivative at 0: the subgradient
//
// |w| is a V: slope −1 for w < 0, +1 for w > 0. At w = 0 it has a corner, and the difference quotient (|0 + h| − |0|)/h = |h|/h depends on the side you come from, however small h is:

foreach (var h2 in new[] { 1e-1, 1e-3, 1e-6, -1e-6, -1e-3, -1e-1 })
    Console.WriteLine($"h = {h2,7:g2}:  (|h| − |0|)/h = {Math.Abs(h2) / h2,2}");

// So the derivative does not exist at 0. For convex functions there is a replacement: g is a **subgradient** of f at w if the line with slope g through (w, f(w)) stays below f everywhere, f(w′) ≥ f(w) + g·(w′ − w) for all w′. Where f is differentiable the only subgradient is the derivative. At the corner of |w| every slope g in [−1, 1] works; the set [−1, 1] is the *subdifferential* ∂|w|(0).

var ws = Enumerable.Range(-100, 201).Select(i => i / 100.0).ToArray();
var traces = new List<Series> { new LineSeries("|w|", ws, ws.Select(Math.Abs).ToArray()) };
foreach (var g in new[] { -1.0, -0.5, 0.0, 0.5, 1.0 })
    traces.Add(new LineSeries($"slope {g}", ws, ws.Select(v => g * v).ToArray()) { Dash = LineDash.Dot });
var subgradientChart = new Figure("Every line through the corner with slope in [−1, 1] stays below |w|", Axis.Linear("w"), Axis.Linear("value"), traces);
lesson.Display(subgradientChart);

// Any choice from [−1, 1] at 0 is valid; the convention (and what autograd's `abs` uses) is 0, which gives sign(w): −1, 0 or +1. `L1.Subgradient` returns exactly that.

var probe = torch.tensor(new float[] { -2f, -0.001f, 0f, 0.001f, 3f }, requires_grad: true);
probe.abs().sum().backward();
var expectedSign = torch.tensor(new float[] { -1f, -1f, 0f, 1f, 1f });
Console.WriteLine(Compare.Tensors("L1.Subgradient vs (−1, −1, 0, 1, 1)", L1.Subgradient(probe.detach()), expectedSign, 0));
Console.WriteLine(Compare.Tensors("autograd of Σ|w| vs L1.Subgradient", probe.grad!, L1.Subgradient(probe.detach()), 0));
lesson.Display(L1.Subgradient(probe.detach()));

// ## 4. L1 versus L2
//
// The other classic penalty is L2 (weight decay), R(w) = (λ/2)·Σwᵢ²; the ½ makes its gradient exactly λ·w. The library has it as `L2.Penalty`:

Console.WriteLine(Compare.Tensors("(λ/2)Σw² by hand vs L2.Penalty", (lambda / 2) * w.square().sum(), L2.Penalty(new[] { w }, lambda)));

// **Geometry.** Penalizing a norm is closely related to constraining it, ‖w‖ ≤ r. In two dimensions the L1 "unit ball" |w₁| + |w₂| ≤ 1 is a diamond with corners on the axes; the L2 ball w₁² + w₂² ≤ 1 is a disc. Minimising a smooth loss inside the ball means moving outwards from the loss's minimum until its contour first touches the ball. A diamond is usually touched at a corner, where one coordinate is **exactly zero**; a disc has no corners, so the touching point generally has both coordinates non-zero.

var angles = Enumerable.Range(0, 361).Select(d => d * Math.PI / 180).ToArray();
var geometry = new Figure("Unit balls of the L1 and L2 norms", Axis.Linear("w₁"), Axis.Linear("w₂"),
    new LineSeries("L1: |w₁| + |w₂| = 1", [1.0, 0, -1, 0, 1], [0.0, 1, 0, -1, 0]),
    new LineSeries("L2: w₁² + w₂² = 1", angles.Select(Math.Cos).ToArray(), angles.Select(Math.Sin).ToArray()))
{ Width = 520, Height = 480 };
lesson.Display(geometry);

// **One dimension.** The penalties and their gradients for λ = 1: L1's gradient is a constant pull of size λ towards 0, whatever the size of w; L2's pull is proportional to w and fades as w approaches 0. The size of the pull is not, by itself, why L1 gives exact zeros; the reason is the optimality condition at w = 0, at the end of section 5.

var w1d = Enumerable.Range(-200, 401).Select(i => i / 100.0).ToArray();
var penalties = new Figure("Penalties (λ = 1)", Axis.Linear("w"), Axis.Linear("penalty"),
    new LineSeries("L1 penalty |w|", w1d, w1d.Select(Math.Abs).ToArray()),
    new LineSeries("L2 penalty w²/2", w1d, w1d.Select(v => v * v / 2).ToArray()))
{ Height = 360 };
lesson.Display(penalties);

var w1dTensor = torch.tensor(w1d);
var gradients = new Figure("Their (sub)gradients: the force pulling w towards 0", Axis.Linear("w"), Axis.Linear("(sub)gradient"),
    new LineSeries("L1: sign(w), constant pull", w1d, L1.Subgradient(w1dTensor).data<double>().ToArray()),
    new LineSeries("L2: w, proportional pull", w1d, w1d))
{ Height = 360 };
lesson.Display(gradients);

// A constant pull also has a catch: a plain gradient step on |w| does not stop at zero but steps over it (section 6 shows how, and why). First, the step that does stop exactly at zero.
//
// ## 5. Soft-thresholding: the exact minimiser
//
// Take a point v (think: a weight just after a gradient step on the data loss) and ask for the w that stays close to v while paying the L1 price t·|w|. The map from v to that w is called the **proximal operator** of t·|w| ("prox" for short):
//
// $$\operatorname{prox}_t(v) = \arg\min_w \; h(w), \qquad h(w) = \tfrac12 (w - v)^2 + t\,|w|, \quad t \ge 0 .$$
//
// h is convex, so w is the minimiser exactly when 0 is a subgradient of h at w:
//
// - w > 0: h′(w) = w − v + t = 0 gives w = v − t, consistent only if v > t;
// - w < 0: h′(w) = w − v − t = 0 gives w = v + t, consistent only if v < −t;
// - w = 0: the subdifferential is −v + t·[−1, 1], which contains 0 exactly when |v| ≤ t.
//
// Together: **soft(v, t) = sign(v) · max(|v| − t, 0)**. Every v within t of zero maps to exactly 0; the rest move t towards zero.

Tensor Soft(Tensor v, double t) => v.sign() * (v.abs() - t).clamp_min(0);

var t = 0.5;
var vs = torch.linspace(-2, 2, 41, dtype: ScalarType.Float64);
var few = torch.tensor(new double[] { -1.0, -0.6, -0.5, -0.2, 0.0, 0.3, 0.5, 0.7, 1.5 });
lesson.Display(new DataFrame(
    new DoubleDataFrameColumn("v", few.data<double>().ToArray()),
    new DoubleDataFrameColumn("soft(v, 0.5)", Soft(few, t).data<double>().Select(x => Math.Round(x, 10) + 0.0).ToArray())));

// Check the derivation by brute force: for each of the 41 values of v, evaluate h on a fine grid of w in [−3, 3] and take the grid point with the smallest value. It must agree with soft(v, t) up to the grid spacing.

var grid = torch.linspace(-3, 3, gridPoints, dtype: ScalarType.Float64);
var spacing = 6.0 / (gridPoints - 1);
var h = 0.5 * (grid.unsqueeze(0) - vs.unsqueeze(1)).square() + t * grid.abs().unsqueeze(0);  // (41, gridPoints)
var bruteForce = grid[h.argmin(1)];
Console.WriteLine(Compare.Tensors("grid-search argmin vs soft(v, t)", bruteForce, Soft(vs, t), spacing));
Console.WriteLine(Compare.Tensors("soft(v, t) vs L1.SoftThreshold", Soft(vs, t), L1.SoftThreshold(vs, t), 0));
Console.WriteLine(Compare.Tensors("soft(v, t) vs torch.nn.functional.softshrink", Soft(vs, t), torch.nn.functional.softshrink(vs, t), 0));
lesson.Display($"grid spacing {spacing:g3}");

var vPlot = vs.data<double>().ToArray();
var softChart = new Figure("Soft-thresholding with t = 0.5: a dead zone of exact zeros, a shift of t elsewhere", Axis.Linear("v"), Axis.Linear("minimiser w"),
    new LineSeries("soft(v, 0.5)", vPlot, L1.SoftThreshold(vs, t).data<double>().ToArray()),
    new ScatterSeries("grid-search minimiser", vPlot, bruteForce.data<double>().ToArray()),
    new LineSeries("v (no penalty)", vPlot, vPlot) { Dash = LineDash.Dot });
lesson.Display(softChart);

// The same map for other thresholds: move t with the slider (in a front end that runs scripts; elsewhere the picture shows t = 0.5). The dead zone [−t, t] widens with t, and everything outside it moves t towards zero.

var thresholds = new[] { 0.0, 0.25, 0.5, 0.75, 1.0, 1.5 };
lesson.Display(new SliderFigure("t", thresholds.Select(tt => (tt, new Figure($"soft(v, t) with t = {tt}: exact zeros for |v| ≤ {tt}", Axis.Linear("v"), Axis.Linear("minimiser w"),
    new LineSeries($"soft(v, t)", vPlot, L1.SoftThreshold(vs, tt).data<double>().ToArray()),
    new LineSeries("v (no penalty)", vPlot, vPlot) { Dash = LineDash.Dot }))))
{ Initial = 2 });

// ### Why exact zeros: the optimality condition at w = 0
//
// The derivation above contains the real reason L1 gives exact zeros. Write the objective as a data loss plus a penalty, L(w) + t·|w| (here L(w) = ½(w − v)²). Since both are convex, w = 0 is a minimiser exactly when 0 lies in the subdifferential at 0, L′(0) + t·[−1, 1], that is when
//
// $$|L'(0)| \le t .$$
//
// A whole interval of data gradients leaves the weight at exactly zero: the penalty's corner can absorb any data pull up to t. With L2, (t/2)·w² has derivative 0 at w = 0, so w = 0 is a minimiser only when L′(0) = 0 exactly: a single value, which a data gradient computed from real data essentially never hits. Here L′(0) = −v, so L1 zeroes every v in [−t, t] and L2 only v = 0.
//
// The next cell checks both conditions without using any formula for the minimiser: for 401 values of v in [−2, 2], it finds the minimiser of each objective on a grid of w that contains 0 exactly, takes L′(0) from autograd, and compares "the minimiser is 0" with the condition.

var wGrid = torch.arange(-30000, 30001, dtype: ScalarType.Float64) / 10000.0;   // spacing 1e-4, contains 0 exactly
var vGrid = torch.arange(-200, 201, dtype: ScalarType.Float64) / 100.0;         // v = −2, −1.99, …, 2
var dataLoss = 0.5 * (wGrid.unsqueeze(0) - vGrid.unsqueeze(1)).square();         // L(w) = ½(w − v)², one row per v
var l1Zero = wGrid[(dataLoss + t * wGrid.abs().unsqueeze(0)).argmin(1)].eq(0);
var l2Zero = wGrid[(dataLoss + 0.5 * t * wGrid.square().unsqueeze(0)).argmin(1)].eq(0);
var atZero = torch.zeros(vGrid.shape[0], dtype: ScalarType.Float64).requires_grad_(true);
(0.5 * (atZero - vGrid).square()).sum().backward();                               // ∂L/∂w at w = 0, for every v
var slopeAtZero = atZero.grad!;
var l1Condition = slopeAtZero.abs().le(t);
var l2Condition = slopeAtZero.eq(0);
lesson.Display(words.Say($"of {vGrid.shape[0]} values of v: L1 minimiser exactly 0 for {l1Zero.sum().item<long>()}, |L′(0)| ≤ t for {l1Condition.sum().item<long>()}; L2 minimiser exactly 0 for {l2Zero.sum().item<long>()}, L′(0) = 0 for {l2Condition.sum().item<long>()}"));

Check.That(l1Zero.eq(l1Condition).all().item<bool>(), "with L1, w = 0 is the minimiser exactly when |L′(0)| ≤ t");
Check.That(l2Zero.eq(l2Condition).all().item<bool>() && l2Zero.sum().item<long>() == 1, "with L2, w = 0 is the minimiser only when L′(0) = 0 exactly");

// For one weight of a network the same holds with L′(0) replaced by the data gradient ∂L/∂wᵢ at wᵢ = 0 (the other weights held fixed): the weight stays exactly zero as long as |∂L/∂wᵢ| ≤ λ. Notebook 03 checks this condition on every coefficient of a regression.

// ## 6. Exact zeros: one proximal step versus subgradient steps
//
// A tiny problem in one dimension: minimise ½(w − v)² + t|w| with v = 0.3 and t = 0.5. Here the "data" pulls w towards 0.3, the penalty pulls towards 0, and since |v| ≤ t the answer is soft(0.3, 0.5) = **0**. Two ways to iterate from w = 1 with step size η = 0.1:
//
// - **subgradient descent**: w ← w − η·((w − v) + t·sign(w)), the gradient step on the penalized loss (what adding `L1.Penalty` to the loss and calling `backward()` does);
// - **proximal gradient**: a gradient step on the smooth part only, then soft-thresholding with ηt: w ← soft(w − η(w − v), ηt).

var v0 = 0.3; var eta = 0.1;
var subgradient = torch.tensor(new float[] { 1f });
var proximal = torch.tensor(new float[] { 1f });
var subPath = new List<double>();
var proxPath = new List<double>();
for (var k = 0; k < steps; k++)
{
    subgradient = subgradient - eta * ((subgradient - v0) + t * L1.Subgradient(subgradient));
    proximal = L1.SoftThreshold(proximal - eta * (proximal - v0), eta * t);
    subPath.Add(subgradient.item<float>());
    proxPath.Add(proximal.item<float>());
}
lesson.Display(new DataFrame(
    new Int32DataFrameColumn("step", Enumerable.Range(steps - 6, 6).Select(k => k + 1)),
    new StringDataFrameColumn("subgradient w", subPath.Skip(steps - 6).Select(x => x.ToString("g4"))),
    new StringDataFrameColumn("proximal w", proxPath.Skip(steps - 6).Select(x => x.ToString("g4")))));

var shown = Math.Min(steps, 60);
var stepAxis = Enumerable.Range(1, shown).Select(s => (double)s).ToArray();
var pathChart = new Figure("Minimising ½(w − 0.3)² + 0.5|w| (minimiser: exactly 0)", Axis.Linear("step"), Axis.Linear("w"),
    new LineSeries("subgradient steps", stepAxis, subPath.Take(shown).ToArray()) { Markers = true },
    new LineSeries("proximal steps", stepAxis, proxPath.Take(shown).ToArray()) { Markers = true });
lesson.Display(pathChart);

// This is the course's one account of the zig-zag; notebooks 03, 04 and 06 point back here. Near 0 the subgradient step w ← w − η(L′(w) + t·sign(w)) moves w by about ηt, whatever w is: with ηt = 0.01 a weight at 0.003 jumps to about −0.007, then back to about 0.003. So the subgradient iterate comes close and then **zig-zags** across 0 forever, overshooting every time, and it essentially never lands on 0 in floating point. The proximal iterate reaches 0 and stays there **exactly**: once w − η(w − v) is within ηt of zero, soft-thresholding returns 0 itself, not a number close to it. A decaying step size would shrink the zig-zag, but still would not produce exact zeros in finitely many steps.

var lastHalf = steps / 2;
var proxZeros = proxPath.Skip(steps - lastHalf).Count(x => x == 0.0);
var subZeros = subPath.Skip(steps - lastHalf).Count(x => x == 0.0);
var signChanges = subPath.Skip(steps - lastHalf).Zip(subPath.Skip(steps - lastHalf + 1), (a, b) => Math.Sign(a) != Math.Sign(b)).Count(c => c);
lesson.Display($"last {lastHalf} steps: proximal exactly 0 in {proxZeros}; subgradient exactly 0 in {subZeros}, crossing 0 {signChanges} times, |w| up to {subPath.Skip(steps - lastHalf).Max(Math.Abs):g3}");

Check.That(proxZeros == lastHalf, "the proximal iterate reaches 0 and stays there exactly");
Check.That(subZeros == 0 && signChanges >= lastHalf / 4, "the subgradient iterate zig-zags across 0 and essentially never lands on it");

// In a network the same thing happens to every one of its weights at once (section 2's table counts them): subgradient training leaves many weights tiny but non-zero, proximal training (soft-thresholding after each step) leaves them exactly zero. Notebook 03 compares the two updates on a small sparse regression problem, and notebook 04 on MNIST.
//
// ## Summary
//
// - R(w) = λ·‖w‖₁ = λ·Σ|wᵢ|; λ trades data fit against small weights. `L1.Norm` and `L1.Penalty` compute it; the penalty covers weights (tensors with ≥ 2 dimensions), not biases, which only shift thresholds and carry class frequencies.
// - |w| has no derivative at 0. A subgradient is any slope of a supporting line; at 0 that is anything in [−1, 1]. The convention 0 gives sign(w) = `L1.Subgradient`, which is also what autograd uses.
// - L1's unit ball has corners on the axes; L2's ball is round. The reason for exact zeros is the optimality condition: with L1, wᵢ = 0 is optimal whenever |∂L/∂wᵢ| ≤ λ, a whole interval of data gradients; with L2 only when ∂L/∂wᵢ = 0 exactly. Hence L1 gives exact zeros and L2 only small weights.
// - soft(v, t) = sign(v)·max(|v| − t, 0), the **proximal operator** of t·|w|, is the exact minimiser of ½(w − v)² + t|w| (derived with subgradients, confirmed by grid search, equal to `L1.SoftThreshold` and `torch.nn.functional.softshrink`). It sets everything within t of zero to exactly 0.
// - Plain subgradient steps on |w| overshoot and oscillate around 0; proximal steps land on 0 and stay.

// ## Exercises
//
// Each exercise asks for a function. In the student version its solution cell holds the function with one line that throws `NotImplementedException`: replace that line with your code. The test cell below it checks your answer and says what it checks; the grader (`l1lab workshop grade`) runs the same tests and a few hidden ones on other inputs.

// ### Exercise 1: The two norms
//
// Write `(double L1, double L2Squared) Norms(Tensor w)` that returns ‖w‖₁ = Σ|wᵢ| and ‖w‖₂² = Σwᵢ², computed from the tensor directly (not with `L1.Norm` or `L2.SquaredNorm`).
//
// *Checked (1 point):* The test checks w = (3, −4): 7 and 25; hidden tests compare with `L1.Norm` and `L2.SquaredNorm` on a random matrix.

(double L1, double L2Squared) Norms(Tensor w)
{
    // BEGIN SOLUTION
    return (w.abs().sum().to_type(ScalarType.Float64).item<double>(), w.square().sum().to_type(ScalarType.Float64).item<double>());
    // END SOLUTION
}

// Test: ‖(3, −4)‖₁ = 7 and ‖(3, −4)‖₂² = 25.
var (n1, n2) = Norms(torch.tensor(new float[] { 3f, -4f }));
if (Math.Abs(n1 - 7) > 1e-6 || Math.Abs(n2 - 25) > 1e-6) throw new Exception($"expected 7 and 25, got {n1} and {n2}");
lesson.Display($"‖(3, −4)‖₁ = {n1}, ‖(3, −4)‖₂² = {n2}");
// BEGIN HIDDEN TESTS
var normsRandom = torch.randn(new long[] { 4, 6 }, dtype: ScalarType.Float64);
var (r1, r2) = Norms(normsRandom);
if (Math.Abs(r1 - L1.Norm(normsRandom).item<double>()) > 1e-9 || Math.Abs(r2 - L2.SquaredNorm(normsRandom).item<double>()) > 1e-9)
    throw new Exception("Norms of a random matrix differ from L1.Norm / L2.SquaredNorm");
// END HIDDEN TESTS

// ### Exercise 2: The L2 counterpart of soft-thresholding
//
// Write `Tensor L2Minimiser(Tensor v, double t)` that returns, for each entry of v, the w minimising ½(w − v)² + (t/2)·w² (an L2 penalty). Derive it by setting the derivative to zero. For which v is it exactly 0?
//
// *Checked (1 point):* The test compares with a grid search over w, as in section 5; hidden tests check more values and that only v = 0 gives 0.

Tensor L2Minimiser(Tensor v, double t)
{
    // BEGIN SOLUTION
    // w − v + t·w = 0 gives w = v/(1 + t): a uniform shrinkage, zero only for v = 0, so L2 never creates exact zeros.
    return v / (1 + t);
    // END SOLUTION
}

// Test: agrees with a brute-force minimisation on a grid of spacing 1e-4.
var l2Grid = torch.linspace(-3, 3, 60001, dtype: ScalarType.Float64);
var l2Vs = torch.tensor(new double[] { -2.0, -0.3, 0.0, 0.25, 1.5 });
var l2Objective = 0.5 * (l2Grid.unsqueeze(0) - l2Vs.unsqueeze(1)).square() + 0.25 * l2Grid.square().unsqueeze(0);
var l2Gap = (L2Minimiser(l2Vs, 0.5) - l2Grid[l2Objective.argmin(1)]).abs().max().item<double>();
if (l2Gap > 1e-4) throw new Exception($"L2Minimiser differs from the grid search by {l2Gap}");
lesson.Display($"t = 0.5: minimisers {string.Join(", ", L2Minimiser(l2Vs, 0.5).data<double>().ToArray().Select(x => x.ToString("F4")))} for v = −2, −0.3, 0, 0.25, 1.5");
// BEGIN HIDDEN TESTS
var l2More = torch.tensor(new double[] { -1.0, -1e-3, 1e-3, 4.0 });
if ((L2Minimiser(l2More, 2.0) - l2More / 3.0).abs().max().item<double>() > 1e-12) throw new Exception("L2Minimiser(v, 2) should be v/3");
if (L2Minimiser(l2More, 2.0).eq(0).any().item<bool>()) throw new Exception("only v = 0 should give exactly 0");
// END HIDDEN TESTS

// ### Exercise 3: Where the proximal iteration ends
//
// Section 6 minimised ½(w − v)² + t·|w| by proximal steps. Write `double ProximalLimit(double v, double t, double eta, int iterations)` that starts at w = 1, takes `iterations` proximal steps w ← soft(w − η(w − v), ηt), and returns the final w. With v = 0.8 and t = 0.5, where does it end, and does it oscillate as the subgradient iteration did?
//
// *Checked (2 points):* The test checks v = 0.8, t = 0.5, η = 0.1, 300 iterations: the minimiser soft(0.8, 0.5) = 0.3; hidden tests check a v inside the dead zone (exactly 0) and a negative v.

double ProximalLimit(double v, double t, double eta, int iterations)
{
    // BEGIN SOLUTION
    // Away from 0 the sign of w is constant, so both methods are plain gradient descent on a smooth function and
    // converge to soft(v, t) without oscillating; inside the dead zone only the proximal step lands on 0.
    var w = 1.0;
    for (var k = 0; k < iterations; k++)
    {
        var z = w - eta * (w - v);
        w = Math.Sign(z) * Math.Max(Math.Abs(z) - eta * t, 0);
    }
    return w;
    // END SOLUTION
}

// Test: v = 0.8 ends at soft(0.8, 0.5) = 0.3.
var proxEnd = ProximalLimit(0.8, 0.5, 0.1, 300);
if (Math.Abs(proxEnd - 0.3) > 1e-4) throw new Exception($"ProximalLimit(0.8, 0.5, 0.1, 300) should be 0.3, got {proxEnd}");
lesson.Display($"v = 0.8: the proximal iteration ends at {proxEnd:F6}");
// BEGIN HIDDEN TESTS
if (ProximalLimit(0.2, 0.5, 0.1, 300) != 0) throw new Exception("v = 0.2 is inside the dead zone: the iteration should end at exactly 0");
if (Math.Abs(ProximalLimit(-0.9, 0.5, 0.1, 400) + 0.4) > 1e-4) throw new Exception("v = −0.9 should end at −0.4");
// END HIDDEN TESTS

// [Next: 03 — The gradient update with the L1 penalty](03-gradient-update.cs)
