#:project ../lib/L1Lab/L1Lab.csproj
// # 03 — The gradient update with L1: by hand, by optimizer, and by proximal step
//
// After this notebook you will be able to write the update w ← w − η∇(L + R) yourself, show that it is exactly what `torch.optim.SGD` and `L1Lab.Updates.GradientStep` do, explain why only the proximal step (ISTA) gives weights that are exactly zero, justify ISTA's step and its step-size limit, compute λ_max, and apply L1 with momentum and Adam.
//
// **Prerequisites:** [01 — loss functions](01-loss.cs) (MSE, cross-entropy and their gradients) and [02 — the L1 penalty](02-l1-penalty.cs) (R(w) = λ·Σ|wᵢ|, its subgradient and soft-thresholding).
//
// Exported from notebooks/03-gradient-update.ipynb by `l1lab notebooks export --to cs`: edit the notebook and export again, not this file.
// Run it with `dotnet run lessons/03-gradient-update.cs`; quick values: `dotnet run lessons/03-gradient-update.cs -- --quick`; one value:
// `-- --set name=value`. Text prints here; figures are written as SVG/HTML files to out/ next to this file.

using TorchSharp;
using static TorchSharp.torch;
using L1Lab;
using Microsoft.Data.Analysis;
using L1Lab.Visuals;
using L1Lab.Lessons;

// Parameters (the notebook's cell tagged "parameters"): edit them here or set them on the command line.
var lesson = Lesson.Start(args, parameters: ["steps"], quick: ["steps=200"]);
var steps = lesson.Parameter("steps", 1000); // iterations of each L1 method on the sparse regression

// The second cell loads TorchSharp's native library (`TorchRuntime.Initialize` must come before any torch call) and seeds the global generator, so this notebook gives the same numbers every time it runs from a fresh kernel.

L1Lab.Native.TorchRuntime.Initialize();
var words = Words.English;   // the language of the sentences cells print (each edition names its own)
torch.random.manual_seed(3);
lesson.Display($"TorchSharp ready, default dtype {torch.get_default_dtype()}");

// The only size in this notebook: how many iterations each L1 method runs on the sparse regression of section 2. CI runs it with `steps = 200`.

// ## 1. One step of gradient descent, three ways
//
// Training minimises the data loss L plus the penalty R(w) = λ·Σ|wᵢ|. Gradient descent repeats one update for every parameter,
//
//   w ← w − η·∇(L + R) = w − η·(∇L + λ·sign(w)),
//
// where η is the learning rate and sign(w) is the subgradient of |w| (0 at w = 0). We take a tiny classifier — one linear layer from 4 features to 3 classes — and a batch of 8 examples.

var x = torch.randn(8, 4);
var y = torch.tensor(new long[] { 0, 1, 2, 0, 1, 2, 2, 1 });
const double lr = 0.1, lambda = 0.01;

// Three identical copies of the same model, one per way of updating it. Each draws its initial weights from its own
// generator seeded 11, by nn.Linear's default rule (uniform in ±1/√fan_in), so making a model never touches the
// global generator that later cells draw from, however often this runs.
torch.nn.Module<Tensor, Tensor> NewModel()
{
    using var generator = new torch.Generator(11);
    var bound = 1 / Math.Sqrt(4);
    var weight = torch.empty(3, 4).uniform_(-bound, bound, generator: generator);
    var bias = torch.empty(3).uniform_(-bound, bound, generator: generator);
    return torch.nn.Linear(new TorchSharp.Modules.Parameter(weight), new TorchSharp.Modules.Parameter(bias));
}
var globalState = torch.random.get_rng_state();
var byHand = NewModel(); var bySgd = NewModel(); var byLibrary = NewModel();
lesson.Display(byHand.parameters().First());

Check.That(torch.random.get_rng_state().eq(globalState).all().item<bool>(), "making a model never touches the global generator");

// The objective for one batch: mean cross-entropy plus the L1 penalty on the weight matrix (not the bias — biases only shift a unit's output, so shrinking them buys no simplicity). `L1.Penalty(model, λ)` picks the weights for us.

Tensor Objective(torch.nn.Module<Tensor, Tensor> model) =>
    torch.nn.functional.cross_entropy(model.forward(x), y) + L1.Penalty(model, lambda);

lesson.Display(Objective(byHand));

// **By hand.** Zero the old gradients, differentiate, and move every parameter against its gradient. `torch.no_grad()` keeps the update itself out of the autograd graph.

void StepByHand(torch.nn.Module<Tensor, Tensor> model)
{
    model.zero_grad();
    Objective(model).backward();
    using var _ = torch.no_grad();
    foreach (var p in model.parameters())
        p.sub_(lr * p.grad!);              // w ← w − η·∇(L + R)
}

// The same update done by torch.optim.SGD (no momentum, no weight decay).
var sgd = torch.optim.SGD(bySgd.parameters(), lr);
void StepBySgd()
{
    sgd.zero_grad();
    Objective(bySgd).backward();
    sgd.step();
}

// And by the library.
void StepByLibrary()
{
    byLibrary.zero_grad();
    Objective(byLibrary).backward();
    Updates.GradientStep(byLibrary.parameters().Select(p => (Tensor)p), lr);
}

for (int step = 0; step < 20; step++) { StepByHand(byHand); StepBySgd(); StepByLibrary(); }
double MaxDiff(torch.nn.Module a, torch.nn.Module b) =>
    a.parameters().Zip(b.parameters(), (p, q) => (p - q).abs().max().item<float>()).Max();
lesson.Display($"after 20 steps: max |by hand − SGD| = {MaxDiff(byHand, bySgd):E2}, max |by hand − Updates.GradientStep| = {MaxDiff(byHand, byLibrary):E2}");

// The three agree to float32 rounding (`p.sub_(lr * g)` rounds `lr * g` before subtracting; the optimizer fuses the two, so the last bit can differ). The check below (folded in the book) holds the three to that tolerance.

Check.That(new[] { bySgd, byLibrary }.All(other => byHand.parameters().Zip(other.parameters()).All(pq => pq.First.allclose(pq.Second, rtol: 1e-5, atol: 1e-7))),
    "by hand, torch.optim.SGD and Updates.GradientStep agree to float32 rounding");

// What autograd computed for the weight matrix W is something we can write down. For a linear layer z = xWᵀ + b, the mean cross-entropy has ∂L/∂z = (softmax(z) − onehot(y)) / B, so ∂L/∂W = (∂L/∂z)ᵀ·x; the penalty adds λ·sign(W).

var W = ((TorchSharp.Modules.Linear)byHand).weight!;
byHand.zero_grad();
Objective(byHand).backward();

var z = byHand.forward(x).detach();
var dz = (torch.nn.functional.softmax(z, 1) - torch.nn.functional.one_hot(y, 3).to(torch.float32)) / x.shape[0];
var handGrad = dz.t().matmul(x) + lambda * W.detach().sign();
lesson.Display($"max |hand-derived ∂(L+R)/∂W − autograd| = {(handGrad - W.grad!).abs().max().item<float>():E2}");

Check.That(handGrad.allclose(W.grad!, rtol: 1e-5, atol: 1e-7), "the hand-derived gradient ((softmax − onehot)/B)ᵀx + λ·sign(W) is what autograd computes");

// ## 2. Three ways to apply L1 on a sparse regression
//
// Now a problem where we know the answer: y = Xw* + noise with 200 examples and 50 features, of which only 5 matter. L1 should find those 5 and set the other 45 coefficients to zero. The data loss is the MSE, L(w) = (1/n)·Σ(xᵢ·w − yᵢ)², and least squares plus λ·‖w‖₁ has a name: the **lasso** (Tibshirani, 1996).

var gen = new torch.Generator(2024);
var X = torch.randn(new long[] { 200, 50 }, generator: gen);
var support = new long[] { 3, 11, 24, 37, 45 };
var wTrue = torch.zeros(50);
wTrue.index_put_(torch.tensor(new float[] { 2.0f, -1.5f, 1.0f, -2.5f, 0.8f }), torch.tensor(support));
var Y = X.matmul(wTrue) + 0.1f * torch.randn(new long[] { 200 }, generator: gen);
lesson.Display($"X {string.Join("×", X.shape)}, true nonzeros at [{string.Join(", ", support)}], ‖y‖ = {Y.norm().item<float>():F2}");

// All three methods start from w = 0 and use η = 0.1 and λ = 0.1:
//
// 1. **Penalty in the loss (autograd):** minimise L + λ·Σ|w| with `backward()` and a plain gradient step — what the articles describe.
// 2. **Subgradient step:** differentiate L only, then w ← w − η(∇L + λ·sign(w)) (`Updates.SubgradientStep`). This is the same arithmetic as 1, written out.
// 3. **Proximal step (ISTA, the iterative shrinkage-thresholding algorithm):** differentiate L only, take the gradient step, then apply the proximal operator of ηλ·‖w‖₁ from notebook 02, soft-thresholding: w ← sign(v)·max(|v| − ηλ, 0) with v = w − η∇L (`Updates.ProximalStep`). Why this minimises L + R, and why η = 0.1 is small enough, is the subject of "Why ISTA works" below.
//
// We record coefficient 0 (truly zero) at every step.

const double eta = 0.1, lam = 0.1;
const int watched = 0;

(Tensor W, float[] Trajectory) Solve(string method)
{
    var w = torch.zeros(50).requires_grad_(true);
    var trajectory = new float[steps];
    for (int t = 0; t < steps; t++)
    {
        using var scope = torch.NewDisposeScope();
        w.grad?.zero_();
        var loss = Losses.MeanSquaredError(X.matmul(w), Y);
        if (method == "autograd") loss = loss + L1.Penalty(new[] { w }, lam);
        loss.backward();
        if (method == "autograd") { using var _ = torch.no_grad(); w.add_(w.grad!, alpha: -eta); }
        else if (method == "subgradient") Updates.SubgradientStep(new[] { w }, eta, lam);
        else Updates.ProximalStep(new[] { w }, eta, lam);
        trajectory[t] = w[watched].item<float>();
    }
    return (w.detach(), trajectory);
}

var autograd = Solve("autograd");
var subgradient = Solve("subgradient");
var proximal = Solve("proximal");
lesson.Display($"last value of w[{watched}]: autograd {autograd.Trajectory[^1]:E3}, subgradient {subgradient.Trajectory[^1]:E3}, proximal {proximal.Trajectory[^1]}");

// Methods 1 and 2 are the same update, so they give the same weights:

lesson.Display($"max |autograd − subgradient| = {(autograd.W - subgradient.W).abs().max().item<float>():E2}");

Check.That(autograd.W.allclose(subgradient.W, rtol: 1e-5, atol: 1e-6), "penalty in the loss and the subgradient step give the same weights");

// The truly-zero coefficient w₀ zig-zags across zero under the subgradient step and sits at exactly 0 under the proximal step, for the reason [notebook 02, section 6](02-l1-penalty.cs) gives (near the optimum |∂L/∂w₀| < λ; the last values printed above show it). What matters for a model is the end result over all 50 coefficients.

// Now all 50 coefficients. An exact zero can be pruned without changing the model; a small nonzero number cannot.

long[] Support(Tensor w) => torch.nonzero(w.ne(0)).flatten().data<long>().ToArray();
var methods = new[] { ("penalty in loss (autograd)", autograd.W), ("subgradient step", subgradient.W), ("proximal step (ISTA)", proximal.W) };
var table = new DataFrame(
    new StringDataFrameColumn("method", methods.Select(m => m.Item1)),
    new Int64DataFrameColumn("exact zeros (of 50)", methods.Select(m => m.Item2.eq(0).sum().item<long>())),
    new Int64DataFrameColumn("|w| < 1e-2", methods.Select(m => m.Item2.abs().lt(1e-2).sum().item<long>())),
    new BooleanDataFrameColumn("nonzeros = true support", methods.Select(m => Support(m.Item2).SequenceEqual(support))),
    new DoubleDataFrameColumn("max |w − w*|", methods.Select(m => (double)(m.Item2 - wTrue).abs().max().item<float>())));
lesson.Display(table);

lesson.Display($"ISTA: support [{string.Join(", ", Support(proximal.W))}]; estimates on it: [{string.Join(", ", proximal.W.index_select(0, torch.tensor(support)).data<float>().ToArray().Select(v => v.ToString("F3")))}]");

Check.That(Support(proximal.W).SequenceEqual(support), "ISTA keeps precisely the 5 true coefficients");
Check.That(proximal.W.eq(0).sum().item<long>() == 45, "ISTA sets all 45 irrelevant coefficients exactly to 0");
Check.That(subgradient.W.eq(0).sum().item<long>() == 0, "the subgradient step leaves no coefficient exactly at 0");

// The estimates on the support are a little smaller in magnitude than the truth (2, −1.5, 1, −2.5, 0.8). That bias is the price of sparsity, and it can be predicted. Once ISTA has found the support S and the signs s of the coefficients on it, its fixed point satisfies ∇L + λ·s = 0 on S, with ∇L restricted to S equal to (2/n)·X_Sᵀ(X_S·w_S − y). Solved for w_S:
//
//   w_S = (X_SᵀX_S)⁻¹X_Sᵀy − (λ/2)·(X_SᵀX_S/n)⁻¹·s,
//
// the least-squares fit on the support, minus a shrinkage towards zero. Only the 5×5 support block X_SᵀX_S/n enters, not the full 50×50 curvature 2XᵀX/n, whose eigenvalues are spread far from 2. With 5 columns and 200 rows the support block is much closer to the identity than the full curvature is to 2·I, so each surviving coefficient shrinks by roughly λ/2, though not by exactly λ/2. The next cell computes the eigenvalues of both matrices, the predicted shrinkage, and the shrinkage ISTA actually applied (least squares on S minus ISTA's estimate), and a folded check holds the last two equal.

// In float64: the support block of the curvature, the shrinkage it predicts, and the shrinkage ISTA applied.
var onSupport = torch.tensor(support);
var XS = X.index_select(1, onSupport).to(torch.float64);
var rows = X.shape[0];
var supportBlock = XS.t().matmul(XS) / rows;                                          // X_SᵀX_S/n, 5×5
var signs = proximal.W.index_select(0, onSupport).sign().to(torch.float64);
var leastSquaresOnSupport = torch.linalg.solve(XS.t().matmul(XS), XS.t().matmul(Y.to(torch.float64)));
var predictedShrinkage = lam / 2 * torch.linalg.solve(supportBlock, signs);          // (λ/2)·(X_SᵀX_S/n)⁻¹·s
var appliedShrinkage = leastSquaresOnSupport - proximal.W.index_select(0, onSupport).to(torch.float64);
var fullCurvature = torch.linalg.eigvalsh(2 * X.t().matmul(X).to(torch.float64) / rows);
var blockEigenvalues = torch.linalg.eigvalsh(supportBlock);
string Values(Tensor t) => string.Join(", ", t.data<double>().ToArray().Select(v => v.ToString("F3")));
Console.WriteLine($"eigenvalues of 2XᵀX/n (50×50):       {fullCurvature.min().item<double>():F2} … {fullCurvature.max().item<double>():F2}");
Console.WriteLine($"eigenvalues of X_SᵀX_S/n (5×5):      [{Values(blockEigenvalues)}]");
Console.WriteLine($"λ/2:                                 {lam / 2:F3}");
Console.WriteLine($"predicted shrinkage (λ/2)(X_SᵀX_S/n)⁻¹s: [{Values(predictedShrinkage)}]");
Console.WriteLine($"applied shrinkage (least squares − ISTA): [{Values(appliedShrinkage)}]");

Check.That(appliedShrinkage.allclose(predictedShrinkage, rtol: 0, atol: 1e-3), "ISTA shrinks the support by (λ/2)·(X_SᵀX_S/n)⁻¹·s");

// ### Why ISTA works: it minimises a majoriser
//
// Let 𝓛 be the **Lipschitz constant** of the gradient: ‖∇L(u) − ∇L(w)‖ ≤ 𝓛·‖u − w‖ for all u, w. For the MSE, ∇L(w) = (2/n)·Xᵀ(Xw − y), so 𝓛 is the largest eigenvalue of the curvature 2XᵀX/n. Then, for any step size η ≤ 1/𝓛, the loss lies below a parabola that touches it at the current point w:
//
// $$L(u) \le Q_\eta(u; w) = L(w) + \nabla L(w)\cdot(u - w) + \tfrac{1}{2\eta}\|u - w\|^2 \quad\text{for all } u .$$
//
// Q is a **majoriser** of L. Completing the square, Q(u; w) + λ‖u‖₁ = (1/2η)·‖u − (w − η∇L(w))‖² + λ‖u‖₁ + (terms without u), whose minimiser is the proximal operator of ηλ‖·‖₁ at v = w − η∇L(w): soft(v, ηλ), exactly ISTA's step. So each ISTA step minimises Q + R, and
//
// F(w_new) = L(w_new) + R(w_new) ≤ Q(w_new; w) + R(w_new) ≤ Q(w; w) + R(w) = F(w):
//
// the objective F = L + R never increases. This is the majorise–minimise argument; with η ≤ 1/𝓛 ISTA converges to a minimiser of F. With η > 2/𝓛, plain gradient descent (λ = 0) diverges along the direction of largest curvature.
//
// The next cell computes 𝓛 for this problem, checks the majoriser inequality at random pairs of points, runs ISTA in float64 recording F at every step, and runs gradient descent with η = 2.2/𝓛. (ISTA with λ = 0.1 happens to survive that step on this problem, because soft-thresholding keeps it on the 5 support coordinates, where the curvature is smaller; the guarantee is for η ≤ 1/𝓛.)

var examples = X.shape[0];
var X64 = X.to(torch.float64);
var Y64 = Y.to(torch.float64);
double DataLoss(Tensor w) => (X64.matmul(w) - Y64).square().mean().item<double>();   // L(w) = (1/n)‖Xw − y‖²
Tensor DataGradient(Tensor w) => 2.0 / examples * X64.t().matmul(X64.matmul(w) - Y64); // ∇L(w)
double Objective64(Tensor w, double l) => DataLoss(w) + l * w.abs().sum().item<double>(); // F = L + λ‖w‖₁

var lipschitz = torch.linalg.eigvalsh(2 * X64.t().matmul(X64) / examples).max().item<double>();

// The majoriser Q(u; w) ≥ L(u) at 500 random pairs, for η = 0.1 and for η = 1/𝓛.
var pairGenerator = new torch.Generator(7);
double SmallestGap(double stepSize) => Enumerable.Range(0, 500).Min(_ =>
{
    using var scope = torch.NewDisposeScope();
    var w = torch.randn(new long[] { 50 }, dtype: torch.float64, generator: pairGenerator);
    var u = torch.randn(new long[] { 50 }, dtype: torch.float64, generator: pairGenerator);
    var q = DataLoss(w) + DataGradient(w).dot(u - w).item<double>() + (u - w).square().sum().item<double>() / (2 * stepSize);
    return q - DataLoss(u);
});
var gapAtEta = SmallestGap(eta);
var gapAtLimit = SmallestGap(1 / lipschitz);

// ISTA in float64, recording F after every step.
(Tensor W, double[] F) Ista(double stepSize, double l, int iterations, Func<Tensor, Tensor>? gradient = null)
{
    gradient ??= DataGradient;
    var w = torch.zeros(50, dtype: torch.float64);
    var values = new double[iterations];
    for (var k = 0; k < iterations; k++)
    {
        using var scope = torch.NewDisposeScope();
        w = L1.SoftThreshold(w - stepSize * gradient(w), stepSize * l).MoveToOuterDisposeScope();
        values[k] = Objective64(w, l);
    }
    return (w, values);
}
var ista = Ista(eta, lam, steps);
var largestIncrease = ista.F.Zip(ista.F.Skip(1), (a, b) => b - a).Max();
var tooLarge = Ista(2.2 / lipschitz, 0, Math.Min(steps, 200));   // λ = 0: plain gradient descent on L
Console.WriteLine(words.Say($"𝓛 = largest eigenvalue of 2XᵀX/n = {lipschitz:F3}, so η must be at most 1/𝓛 = {1 / lipschitz:F3}; we use η = {eta}"));
Console.WriteLine(words.Say($"smallest Q(u; w) − L(u) over 500 random pairs: {gapAtEta:F3} with η = {eta}, {gapAtLimit:F3} with η = 1/𝓛 (never negative)"));
Console.WriteLine(words.Say($"ISTA with η = {eta}: F from {ista.F[0]:F4} to {ista.F[^1]:F4}; largest increase in one step {largestIncrease:E1}"));
Console.WriteLine(words.Say($"gradient descent (λ = 0) with η = 2.2/𝓛 = {2.2 / lipschitz:F3}: L = {tooLarge.F[^1]:E2} after {tooLarge.F.Length} steps"));

Check.That(gapAtEta >= 0 && gapAtLimit >= -1e-9, "Q(u; w) lies above L(u) when η ≤ 1/𝓛");
Check.That(eta <= 1 / lipschitz, "η = 0.1 is within ISTA's step-size limit 1/𝓛");
Check.That(largestIncrease <= 1e-12, "with η ≤ 1/𝓛 the objective F never increases");
Check.That(tooLarge.F[^1] > 1e6 * tooLarge.F[0], "with η = 2.2/𝓛 plain gradient descent diverges");
Check.That((ista.W.to(torch.float32) - proximal.W).abs().max().item<float>() < 1e-4, "ISTA in float64 ends where Updates.ProximalStep ended");

// ### The optimality condition, coefficient by coefficient
//
// The end of [notebook 02, section 5](02-l1-penalty.cs) showed why L1 gives exact zeros: wⱼ = 0 is optimal exactly when the data gradient there is within the penalty's reach, |∂L/∂wⱼ| ≤ λ. On a coefficient that is not zero the subgradient of |wⱼ| is just sign(wⱼ), so the condition becomes an equation, ∂L/∂wⱼ = −λ·sign(wⱼ). These are the lasso's optimality (KKT) conditions. ISTA's answer must satisfy both:

var wHat = ista.W;
var gradientAtHat = DataGradient(wHat);
var isZero = wHat.eq(0);
var largestOnZeros = gradientAtHat.masked_select(isZero).abs().max().item<double>();
var residualOnSupport = (gradientAtHat + lam * wHat.sign()).masked_select(isZero.logical_not()).abs().max().item<double>();
lesson.Display($"{isZero.sum().item<long>()} zero coefficients: largest |∂L/∂wⱼ| = {largestOnZeros:F4} ≤ λ = {lam}; on the {50 - isZero.sum().item<long>()} nonzero ones, largest |∂L/∂wⱼ + λ·sign(wⱼ)| = {residualOnSupport:E1}");

Check.That(largestOnZeros <= lam, "every zero coefficient has |∂L/∂wⱼ| ≤ λ");
Check.That(residualOnSupport < 1e-6, "every nonzero coefficient has ∂L/∂wⱼ = −λ·sign(wⱼ)");

// ### λ_max: the smallest λ that zeroes everything
//
// The same condition at w = 0 says when *all* coefficients are zero: w = 0 is the lasso's answer exactly when every |∂L/∂wⱼ(0)| ≤ λ, that is for
//
// $$\lambda \ge \lambda_{\max} = \|\nabla L(0)\|_\infty = \tfrac{2}{n}\,\|X^\top y\|_\infty .$$
//
// Below λ_max the coefficient with the largest |∂L/∂wⱼ(0)| is the first to leave zero. λ_max is where a regularization path starts (scikit-learn's `lasso_path` starts there too), and a λ above it is a model that has learned nothing. The cell runs ISTA just above and just below it.

var gradientAtZero = DataGradient(torch.zeros(50, dtype: torch.float64));
var lambdaMax = gradientAtZero.abs().max().item<double>();
var firstToEnter = gradientAtZero.abs().argmax().item<long>();
var justAbove = Ista(eta, 1.01 * lambdaMax, steps).W;
var justBelow = Ista(eta, 0.95 * lambdaMax, steps).W;
string Nonzeros(Tensor w) => string.Join(", ", torch.nonzero(w.ne(0)).flatten().data<long>().ToArray());
lesson.Display($"λ_max = (2/n)‖Xᵀy‖∞ = {lambdaMax:F3} (coefficient {firstToEnter}); ISTA with λ = 1.01·λ_max: nonzero [{Nonzeros(justAbove)}]; with λ = 0.95·λ_max: nonzero [{Nonzeros(justBelow)}]");

Check.That(justAbove.eq(0).all().item<bool>(), "above λ_max every coefficient is exactly 0");
Check.That(Nonzeros(justBelow) == firstToEnter.ToString(), "just below λ_max only the coefficient with the largest |∂L/∂wⱼ(0)| leaves zero");

// ## 3. Checking hand-derived gradients with finite differences
//
// A derivative derived on paper is easy to get wrong by a factor or a sign. `L1Lab.GradientCheck.Numerical` computes the central difference (f(x + εeᵢ) − f(x − εeᵢ)) / 2ε for every element in float64, and `MaxRelativeError` compares it with our formula. First the cross-entropy gradient with respect to the logits, (softmax(z) − onehot(y)) / B:

var logits = torch.randn(new long[] { 6, 4 }, dtype: torch.float64);
var labels = torch.tensor(new long[] { 0, 3, 1, 1, 2, 0 });
var analyticCe = (torch.nn.functional.softmax(logits, 1) - torch.nn.functional.one_hot(labels, 4).to(torch.float64)) / logits.shape[0];
var numericCe = GradientCheck.Numerical(z => Losses.CrossEntropy(z, labels), logits);
var ceError = GradientCheck.MaxRelativeError(analyticCe, numericCe);
lesson.Display($"cross-entropy: max relative error {ceError:E2}");

Check.That(ceError < 1e-6, "finite differences confirm the cross-entropy gradient (softmax(z) − onehot(y))/B");

// Then the L1 subgradient λ·sign(w). |w| has no derivative at 0, so we test points at least 0.1 away from it; with ε = 10⁻³ the difference quotient never straddles the kink, and it must match λ·sign(w) exactly up to rounding.

var wCheck = (torch.rand(new long[] { 3, 5 }, dtype: torch.float64) + 0.1) * (torch.randint(0, 2, new long[] { 3, 5 }).to(torch.float64) * 2 - 1);
var analyticL1 = lam * L1.Subgradient(wCheck);
var numericL1 = GradientCheck.Numerical(w => L1.Penalty(new[] { w }, lam), wCheck);
var l1Error = GradientCheck.MaxRelativeError(analyticL1, numericL1);
lesson.Display($"L1 subgradient away from 0: max relative error {l1Error:E2}");

Check.That(l1Error < 1e-6, "away from 0, finite differences match λ·sign(w)");

// At w = 0 itself the central difference gives (|ε| − |−ε|)/2ε = 0, which happens to be the subgradient the library picks — but any value in [−λ, λ] is an equally valid subgradient there. That ambiguity at zero is exactly where the subgradient step struggles and the proximal step does not.

// ## 4. λ, the number of examples, the batch size, momentum and Adam
//
// **λ and the number of examples.** Our L is a *mean* over the n examples. Written as a sum, Σᵢ(xᵢ·w − yᵢ)² + λ′‖w‖₁ = n·(L(w) + (λ′/n)‖w‖₁), so the sum form with λ′ has the same minimiser as the mean form with λ = λ′/n. With a mean loss, a fixed λ keeps the penalty's weight against the data the same whatever n is. A fixed prior belief about the weights (a Laplace prior is a fixed λ′ in the sum form) instead asks for λ = λ′/n, which shrinks as the data grow: with more data, the data should speak louder. So a λ tuned on 10,000 images (notebook 05) is not automatically right for 60,000; it has to be chosen again.
//
// **λ and the batch size.** With minibatches of B examples, the trainer adds λ‖w‖₁ to each batch's *mean* loss, as Keras's `kernel_regularizer` does. The mean over the batches of the batch gradients is the full gradient, so the objective is the same for every B. What changes with B is the number of steps per epoch, n/B, and with it how often the soft-threshold ηλ is applied per epoch: at the same η and number of epochs, a smaller batch applies the pull more often (notebook 04's collapse is counted in steps for this reason).
//
// The cell checks the first two statements on the lasso of section 2: ISTA on the sum form (step η/n, λ′ = nλ) gives the same iterates as on the mean form, and the 10 batch gradients of 20 examples average to the full gradient.

Tensor SumGradient(Tensor w) => 2.0 * X64.t().matmul(X64.matmul(w) - Y64);          // ∇ Σᵢ(xᵢ·w − yᵢ)² = n·∇L(w)
var sumForm = Ista(eta / examples, examples * lam, steps, SumGradient).W;            // step η/n, λ′ = nλ
var meanForm = Ista(eta, lam, steps).W;
var formGap = (sumForm - meanForm).abs().max().item<double>();

var batchSize = 20;
var probePoint = torch.randn(new long[] { 50 }, dtype: torch.float64, generator: pairGenerator);
var batchGradients = Enumerable.Range(0, (int)examples / batchSize).Select(b =>
{
    var rowsOfBatch = torch.arange(b * batchSize, (b + 1) * batchSize);
    var xb = X64.index_select(0, rowsOfBatch);
    return 2.0 / batchSize * xb.t().matmul(xb.matmul(probePoint) - Y64.index_select(0, rowsOfBatch));
}).ToList();
var batchGap = (torch.stack(batchGradients).mean(new long[] { 0 }) - DataGradient(probePoint)).abs().max().item<double>();
lesson.Display(words.Say($"sum form (λ′ = nλ = {examples * lam}) vs mean form (λ = {lam}): max |difference| {formGap:E1}; mean of {batchGradients.Count} batch gradients vs full gradient: {batchGap:E1}"));

Check.That(formGap < 1e-9, "the sum form with λ′ = nλ has the same minimiser as the mean form with λ");
Check.That(batchGap < 1e-12, "the batch gradients average to the full gradient, so the objective does not depend on B");

// **Momentum and Adam.** Many models are trained with momentum or Adam (the second article uses Adam). Adding λ·sign(w) to the gradient these optimizers see has the same flaw as the plain subgradient step, and Adam makes it worse. Adam divides each coordinate's step by a running root-mean-square of its gradients: for a weight the data do not defend, the gradient is about λ·sign(w), so Adam's step is about η·sign(w), of size η *whatever λ is*. The weight zig-zags around 0 with an amplitude set by the learning rate and never lands on it.
//
// The proximal alternative keeps the optimizer's step on L alone and soft-thresholds after it:
//
// - **momentum** (heavy ball, what `torch.optim.SGD(momentum: μ)` does): w ← soft(w − η∇L(w) + μ(w − w_previous), ηλ);
// - **Adam**: Adam's step is a gradient step with a step size η/(√v̂ⱼ + ε) of its own for each coordinate, so the threshold is scaled the same way: z = w − η·m̂/(√v̂ + ε), then wⱼ ← soft(zⱼ, ηλ/(√v̂ⱼ + ε)). A weight at 0 stays there while |m̂ⱼ| ≤ λ: the optimality condition, with Adam's averaged gradient.
//
// The cell writes both optimizers by hand (and checks the hand-written ones against `torch.optim.SGD` and `torch.optim.Adam` with the penalty in the loss), then runs the four variants on the lasso of section 2.

const int optimizerSteps = 2000;   // fixed, whatever `steps` is: Adam needs many more steps than ISTA here
const double momentum = 0.9, etaMomentum = 0.02, etaAdam = 0.02, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;

// Heavy-ball momentum: w ← w − η·g + μ(w − w_previous); proximal: soft-threshold the result by ηλ.
Tensor Momentum(bool proximalStep, int iterations)
{
    var w = torch.zeros(50, dtype: torch.float64); var previous = w.clone();
    for (var k = 0; k < iterations; k++)
    {
        using var scope = torch.NewDisposeScope();
        var g = proximalStep ? DataGradient(w) : DataGradient(w) + lam * w.sign();
        var next = w - etaMomentum * g + momentum * (w - previous);
        if (proximalStep) next = L1.SoftThreshold(next, etaMomentum * lam);
        previous = w.MoveToOuterDisposeScope(); w = next.MoveToOuterDisposeScope();
    }
    return w;
}

// Adam: m and v are running means of g and g²; the step is η·m̂/(√v̂ + ε). Proximal: the threshold is ηλ/(√v̂ + ε).
Tensor Adam(bool proximalStep, int iterations)
{
    var w = torch.zeros(50, dtype: torch.float64); var m = torch.zeros_like(w); var v = torch.zeros_like(w);
    for (var k = 1; k <= iterations; k++)
    {
        using var scope = torch.NewDisposeScope();
        var g = proximalStep ? DataGradient(w) : DataGradient(w) + lam * w.sign();
        m = (beta1 * m + (1 - beta1) * g).MoveToOuterDisposeScope();
        v = (beta2 * v + (1 - beta2) * g.square()).MoveToOuterDisposeScope();
        var scale = (v / (1 - Math.Pow(beta2, k))).sqrt() + epsilon;
        var z = w - etaAdam * (m / (1 - Math.Pow(beta1, k))) / scale;
        w = (proximalStep ? z.sign() * (z.abs() - etaAdam * lam / scale).clamp_min(0) : z).MoveToOuterDisposeScope();
    }
    return w;
}

// The same runs with TorchSharp's optimizers and the penalty in the loss.
Tensor WithOptimizer(Func<IEnumerable<TorchSharp.Modules.Parameter>, torch.optim.Optimizer> make, int iterations)
{
    var p = new TorchSharp.Modules.Parameter(torch.zeros(50, dtype: torch.float64));
    var optimizer = make(new[] { p });
    for (var k = 0; k < iterations; k++)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        ((X64.matmul(p) - Y64).square().mean() + lam * p.abs().sum()).backward();
        optimizer.step();
    }
    return p.detach();
}
var optimizerGap = Math.Max(
    (Momentum(false, optimizerSteps) - WithOptimizer(ps => torch.optim.SGD(ps, etaMomentum, momentum: momentum), optimizerSteps)).abs().max().item<double>(),
    (Adam(false, optimizerSteps) - WithOptimizer(ps => torch.optim.Adam(ps, etaAdam, beta1: beta1, beta2: beta2, eps: epsilon), optimizerSteps)).abs().max().item<double>());

var variants = new[] { ("momentum, λ·sign(w) in the gradient", Momentum(false, optimizerSteps)), ("momentum, proximal", Momentum(true, optimizerSteps)),
                       ("Adam, λ·sign(w) in the gradient", Adam(false, optimizerSteps)), ("Adam, proximal", Adam(true, optimizerSteps)) };
lesson.Display(new DataFrame(
    new StringDataFrameColumn("optimizer", variants.Select(r => r.Item1)),
    new Int64DataFrameColumn("exact zeros (of 50)", variants.Select(r => r.Item2.eq(0).sum().item<long>())),
    new StringDataFrameColumn("largest |w| off the support", variants.Select(r => r.Item2.index_fill(0, torch.tensor(support), 0.0).abs().max().item<double>().ToString("E1"))),
    new StringDataFrameColumn("max |w − ISTA's w|", variants.Select(r => (r.Item2 - ista.W).abs().max().item<double>().ToString("E1")))));

Check.That(optimizerGap < 1e-9, "the hand-written momentum and Adam steps are torch.optim.SGD(momentum) and torch.optim.Adam");
Check.That(variants[0].Item2.eq(0).sum().item<long>() == 0 && variants[2].Item2.eq(0).sum().item<long>() == 0, "λ·sign(w) added to the gradient of momentum or Adam gives no exact zeros");
Check.That(Support(variants[1].Item2.to(torch.float32)).SequenceEqual(support) && Support(variants[3].Item2.to(torch.float32)).SequenceEqual(support), "the proximal versions of momentum and Adam set the 45 irrelevant coefficients exactly to 0");

// With λ·sign(w) in the gradient, momentum and Adam leave every irrelevant coefficient small but nonzero (for Adam, Adam's normalised step keeps them moving by amounts of the order of its learning rate η = 0.02, not of λ); the proximal versions end with the same 45 exact zeros as ISTA. In a network trained with Adam, the same applies weight by weight: to get exact zeros, soft-threshold after the optimizer's step (scaled per coordinate for Adam) instead of adding the penalty to the loss.

// ## Summary
//
// - The update w ← w − η∇(L + R) written by hand, `torch.optim.SGD` and `Updates.GradientStep` agree to float32 rounding; for a linear layer the gradient is ((softmax − onehot)/B)ᵀx + λ·sign(W).
// - Adding λ·Σ|w| to the loss and letting autograd differentiate it is the subgradient step w ← w − η(∇L + λ·sign(w)). Weights that should be zero oscillate around zero with amplitude about ηλ; on the sparse regression none of them ended exactly at zero.
// - The proximal step (ISTA) takes the gradient step on L alone and then soft-thresholds by ηλ: on the sparse regression it set all 45 irrelevant coefficients to exactly 0 and kept precisely the 5 true ones, each shrunk towards zero by (λ/2)·(X_SᵀX_S/n)⁻¹·s: roughly λ/2, because the 5×5 support block X_SᵀX_S/n is not far from the identity (the full curvature 2XᵀX/n is far from 2·I).
// - Finite differences (`GradientCheck`) confirm the hand-derived cross-entropy gradient and the L1 subgradient away from 0.
// - ISTA minimises, at each step, a majoriser of L plus R; with η ≤ 1/𝓛 (𝓛 = 4.08 here, the largest eigenvalue of 2XᵀX/n) the objective never increases. At its answer every zero coefficient has |∂L/∂wⱼ| ≤ λ and every nonzero one ∂L/∂wⱼ = −λ·sign(wⱼ); above λ_max = ‖∇L(0)‖∞ every coefficient is zero.
// - With a mean loss, λ is per example: the sum form needs λ′ = nλ; the batch size changes the number of steps, not the objective. Momentum and Adam with λ·sign(w) in the gradient give no exact zeros; soft-thresholding after their step (per coordinate for Adam) does.

// ## Exercises
//
// Each exercise asks for a function. In the student version its solution cell holds the function with one line that throws `NotImplementedException`: replace that line with your code. The test cell below it checks your answer and says what it checks; the grader (`l1lab workshop grade`) runs the same tests and a few hidden ones on other inputs.

// ### Exercise 1: Weight decay by hand
//
// Write `void WeightDecayStep(IEnumerable<Tensor> parameters, double lr, double lambda)` that updates each parameter in place, w ← w − lr·(∇L + λ·w), from the gradients `backward()` left in `.grad`: the SGD step for L2 regularization (λ/2)·Σw². Update under `torch.no_grad()`.
//
// *Checked (2 points):* The test trains two copies of a small linear model for 5 steps, one with `torch.optim.SGD(weight_decay: λ)` and one with your step, and checks that they agree; hidden tests compare with `Updates.WeightDecayStep`.

void WeightDecayStep(IEnumerable<Tensor> parameters, double lr, double lambda)
{
    // BEGIN SOLUTION
    using var noGrad = torch.no_grad();
    foreach (var p in parameters)
        p.sub_(lr * (p.grad! + lambda * p));
    // END SOLUTION
}

// Test: the same 5 steps as torch.optim.SGD with weight_decay.
torch.random.manual_seed(30);
var wdX = torch.randn(16, 5);
var wdY = torch.randint(0, 3, new long[] { 16 });
var wdA = torch.nn.Linear(5, 3);
var wdB = torch.nn.Linear(5, 3);
wdB.load_state_dict(wdA.state_dict());
var wdSgd = torch.optim.SGD(wdA.parameters(), 0.1, weight_decay: 0.05);
for (var i = 0; i < 5; i++)
{
    wdSgd.zero_grad();
    torch.nn.functional.cross_entropy(wdA.forward(wdX), wdY).backward();
    wdSgd.step();
    wdB.zero_grad();
    torch.nn.functional.cross_entropy(wdB.forward(wdX), wdY).backward();
    WeightDecayStep(wdB.parameters().Select(p => (Tensor)p), 0.1, 0.05);
}
var wdDiff = wdA.parameters().Zip(wdB.parameters(), (a, b) => (a - b).abs().max().item<float>()).Max();
if (wdDiff > 1e-6) throw new Exception($"WeightDecayStep differs from SGD(weight_decay) by {wdDiff}");
lesson.Display($"max |SGD(weight_decay) − WeightDecayStep| after 5 steps: {wdDiff:E1}");
// BEGIN HIDDEN TESTS
var wdC = torch.randn(4, 3).requires_grad_(true);
var wdD = wdC.detach().clone().requires_grad_(true);
wdC.square().sum().backward();
wdD.square().sum().backward();
WeightDecayStep(new[] { wdC }, 0.2, 0.3);
Updates.WeightDecayStep(new[] { wdD }, 0.2, 0.3);
if ((wdC - wdD).abs().max().item<float>() > 1e-6) throw new Exception("WeightDecayStep differs from Updates.WeightDecayStep");
// END HIDDEN TESTS

// ### Exercise 2: Which coefficients survive
//
// Rerun ISTA on the sparse regression of section 2 (`X`, `Y`, step size `eta`, `steps` iterations, starting from w = 0) with another λ. Write `long[] Survivors(double lambda)` that returns the indices of the coefficients that are nonzero at the end, in increasing order. Which true coefficients survive λ = 1.0, and how many irrelevant ones become nonzero with λ = 0.001?
//
// *Checked (2 points):* The test checks that the λ of section 2 keeps exactly the true support and names the survivors of λ = 1.0 and λ = 0.001; hidden tests compare both with a reference ISTA run.

long[] Survivors(double lambda)
{
    // BEGIN SOLUTION
    var w = torch.zeros(50).requires_grad_(true);
    for (var k = 0; k < steps; k++)
    {
        using var scope = torch.NewDisposeScope();
        w.grad?.zero_();
        Losses.MeanSquaredError(X.matmul(w), Y).backward();
        Updates.ProximalStep(new[] { w }, eta, lambda);
    }
    return torch.nonzero(w.detach().ne(0)).flatten().data<long>().ToArray();
    // END SOLUTION
}

// Test: section 2's λ recovers the true support; then name the survivors of a large and a small λ.
if (!Survivors(lam).SequenceEqual(support)) throw new Exception($"Survivors({lam}) should be the true support [{string.Join(", ", support)}], got [{string.Join(", ", Survivors(lam))}]");
foreach (var l in new[] { 1.0, 0.001 })
{
    var kept = Survivors(l);
    lesson.Display($"λ = {l}: {kept.Length} survive: [{string.Join(", ", kept)}]; true ones kept [{string.Join(", ", kept.Intersect(support))}], true ones lost [{string.Join(", ", support.Except(kept))}], irrelevant ones nonzero: {kept.Except(support).Count()}");
}
// BEGIN HIDDEN TESTS
long[] ReferenceSurvivors(double l)
{
    var w = torch.zeros(50).requires_grad_(true);
    for (var k = 0; k < steps; k++)
    {
        using var scope = torch.NewDisposeScope();
        w.grad?.zero_();
        Losses.MeanSquaredError(X.matmul(w), Y).backward();
        Updates.ProximalStep(new[] { w }, eta, l);
    }
    return torch.nonzero(w.detach().ne(0)).flatten().data<long>().ToArray();
}
if (!Survivors(1.0).SequenceEqual(ReferenceSurvivors(1.0))) throw new Exception("Survivors(1.0) differs from ISTA");
if (!support.All(Survivors(0.001).Contains)) throw new Exception("a small λ should keep every true coefficient");
// END HIDDEN TESTS

// ### Exercise 3: The MSE gradient
//
// Write `Tensor MseGradient(Tensor x, Tensor y, Tensor w)` that returns the gradient of the mean squared error mean((xw − y)²) with respect to w, (2/n)·xᵀ(xw − y), for n rows of x.
//
// *Checked (1 point):* The test checks it against finite differences (`GradientCheck`) at a random w in float64; hidden tests use another shape.

Tensor MseGradient(Tensor x, Tensor y, Tensor w)
{
    // BEGIN SOLUTION
    return 2.0 / x.shape[0] * x.t().matmul(x.matmul(w) - y);
    // END SOLUTION
}

// Test: finite differences agree.
var mseX = torch.randn(new long[] { 20, 6 }, dtype: torch.float64);
var mseY = torch.randn(new long[] { 20 }, dtype: torch.float64);
var mseW = torch.randn(new long[] { 6 }, dtype: torch.float64);
var mseError = GradientCheck.MaxRelativeError(MseGradient(mseX, mseY, mseW), GradientCheck.Numerical(w => Losses.MeanSquaredError(mseX.matmul(w), mseY), mseW));
if (mseError > 1e-6) throw new Exception($"MseGradient is wrong: max relative error {mseError}");
lesson.Display($"MSE gradient: max relative error {mseError:E2}");
// BEGIN HIDDEN TESTS
var mseX2 = torch.randn(new long[] { 7, 3 }, dtype: torch.float64);
var mseY2 = torch.randn(new long[] { 7 }, dtype: torch.float64);
var mseW2 = torch.randn(new long[] { 3 }, dtype: torch.float64);
if (GradientCheck.MaxRelativeError(MseGradient(mseX2, mseY2, mseW2), GradientCheck.Numerical(w => Losses.MeanSquaredError(mseX2.matmul(w), mseY2), mseW2)) > 1e-6)
    throw new Exception("MseGradient is wrong for a 7 × 3 problem");
// END HIDDEN TESTS

// [Next: 04 — the MNIST experiment, with L1 really applied](04-mnist-experiment.cs) · [Course overview](../README.md)
