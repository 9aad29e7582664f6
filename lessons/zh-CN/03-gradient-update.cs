#:project ../../lib/L1Lab/L1Lab.csproj
// # 03 — 带 L1 的梯度更新：手写、用优化器、用近端步
//
// 学完本笔记本，你将能够亲手写出更新公式 w ← w − η∇(L + R)，证明它与 `torch.optim.SGD` 和 `L1Lab.Updates.GradientStep` 做的完全一样，解释为什么只有近端步（ISTA）才能让权重精确为零，说明 ISTA 这一步为什么成立、步长上限是多少，算出 λ_max，并在动量法和 Adam 中正确地使用 L1。
//
// **预备知识：** [01 — 损失函数](01-loss.cs)（MSE、交叉熵及其梯度）和 [02 — L1 惩罚项](02-l1-penalty.cs)（R(w) = λ·Σ|wᵢ|、它的次梯度和软阈值）。
//
// Exported from notebooks/zh-CN/03-gradient-update.ipynb by `l1lab notebooks export --to cs`: edit the notebook and export again, not this file.
// Run it with `dotnet run lessons/zh-CN/03-gradient-update.cs`; quick values: `dotnet run lessons/zh-CN/03-gradient-update.cs -- --quick`; one value:
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

// 第二个单元格加载 TorchSharp 的原生库（`TorchRuntime.Initialize` 必须在任何 torch 调用之前执行），并为全局随机数生成器设定种子，这样从全新内核运行本笔记本时，每次得到的数字都相同。

L1Lab.Native.TorchRuntime.Initialize();
var words = Words.For("zh-CN");   // the language of the sentences cells print (each edition names its own)
torch.random.manual_seed(3);
lesson.Display($"TorchSharp ready, default dtype {torch.get_default_dtype()}");

// 本笔记本唯一的规模参数：第 2 节的稀疏回归中，每种 L1 方法迭代多少步。CI 用 `steps = 200` 运行。

// ## 1. 梯度下降的一步，三种写法
//
// 训练要最小化数据损失 L 加上惩罚项 R(w) = λ·Σ|wᵢ|。梯度下降对每个参数重复同一个更新：
//
//   w ← w − η·∇(L + R) = w − η·(∇L + λ·sign(w))，
//
// 其中 η 是学习率，sign(w) 是 |w| 的次梯度（在 w = 0 处取 0）。我们用一个极小的分类器——从 4 个特征到 3 个类别的单个线性层——和一个含 8 个样本的批次来演示。

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

// 一个批次上的目标函数：平均交叉熵加上权重矩阵的 L1 惩罚项（不含偏置——偏置只平移单元的输出，压缩它换不来任何简单性）。`L1.Penalty(model, λ)` 会替我们挑出权重。

Tensor Objective(torch.nn.Module<Tensor, Tensor> model) =>
    torch.nn.functional.cross_entropy(model.forward(x), y) + L1.Penalty(model, lambda);

lesson.Display(Objective(byHand));

// **手写。** 清零旧梯度，求导，再让每个参数逆着梯度移动。`torch.no_grad()` 保证更新操作本身不被记入自动微分的计算图。

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

// 三者在 float32 舍入误差范围内一致（`p.sub_(lr * g)` 先对 `lr * g` 舍入再相减；优化器把两步融合在一起，所以最后一位可能不同）。下面的检查单元格（在书中默认折叠）按这个容差核对三者。

Check.That(new[] { bySgd, byLibrary }.All(other => byHand.parameters().Zip(other.parameters()).All(pq => pq.First.allclose(pq.Second, rtol: 1e-5, atol: 1e-7))),
    "by hand, torch.optim.SGD and Updates.GradientStep agree to float32 rounding");

// 自动微分为权重矩阵 W 算出的结果，我们也能自己写出来。对线性层 z = xWᵀ + b，平均交叉熵满足 ∂L/∂z = (softmax(z) − onehot(y)) / B，所以 ∂L/∂W = (∂L/∂z)ᵀ·x；惩罚项再加上 λ·sign(W)。

var W = ((TorchSharp.Modules.Linear)byHand).weight!;
byHand.zero_grad();
Objective(byHand).backward();

var z = byHand.forward(x).detach();
var dz = (torch.nn.functional.softmax(z, 1) - torch.nn.functional.one_hot(y, 3).to(torch.float32)) / x.shape[0];
var handGrad = dz.t().matmul(x) + lambda * W.detach().sign();
lesson.Display($"max |hand-derived ∂(L+R)/∂W − autograd| = {(handGrad - W.grad!).abs().max().item<float>():E2}");

Check.That(handGrad.allclose(W.grad!, rtol: 1e-5, atol: 1e-7), "the hand-derived gradient ((softmax − onehot)/B)ᵀx + λ·sign(W) is what autograd computes");

// ## 2. 在稀疏回归上施加 L1 的三种方式
//
// 现在换一个已知答案的问题：y = Xw* + 噪声，200 个样本、50 个特征，其中只有 5 个真正起作用。L1 应当找出这 5 个，并把其余 45 个系数置为零。数据损失是 MSE，L(w) = (1/n)·Σ(xᵢ·w − yᵢ)²。最小二乘加上 λ·‖w‖₁ 有一个专门的名字：**lasso**（Tibshirani，1996）。

var gen = new torch.Generator(2024);
var X = torch.randn(new long[] { 200, 50 }, generator: gen);
var support = new long[] { 3, 11, 24, 37, 45 };
var wTrue = torch.zeros(50);
wTrue.index_put_(torch.tensor(new float[] { 2.0f, -1.5f, 1.0f, -2.5f, 0.8f }), torch.tensor(support));
var Y = X.matmul(wTrue) + 0.1f * torch.randn(new long[] { 200 }, generator: gen);
lesson.Display($"X {string.Join("×", X.shape)}, true nonzeros at [{string.Join(", ", support)}], ‖y‖ = {Y.norm().item<float>():F2}");

// 三种方法都从 w = 0 出发，取 η = 0.1、λ = 0.1：
//
// 1. **把惩罚项加进损失（自动微分）：** 用 `backward()` 和普通梯度步最小化 L + λ·Σ|w|——这正是那两篇文章所描述的做法。
// 2. **次梯度步：** 只对 L 求导，然后 w ← w − η(∇L + λ·sign(w))（`Updates.SubgradientStep`）。这与方法 1 的算术完全相同，只是写成了显式形式。
// 3. **近端步（ISTA，迭代软阈值算法）：** 只对 L 求导，走一个梯度步，然后作用笔记本 02 中 ηλ·‖w‖₁ 的近端算子，也就是软阈值：w ← sign(v)·max(|v| − ηλ, 0)，其中 v = w − η∇L（`Updates.ProximalStep`）。这样做为什么能最小化 L + R、η = 0.1 为什么足够小，见下文"ISTA 为什么成立"。
//
// 我们在每一步都记录第 0 个系数（其真实值为零）。

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

// 方法 1 和方法 2 是同一个更新，所以得到的权重相同：

lesson.Display($"max |autograd − subgradient| = {(autograd.W - subgradient.W).abs().max().item<float>():E2}");

Check.That(autograd.W.allclose(subgradient.W, rtol: 1e-5, atol: 1e-6), "penalty in the loss and the subgradient step give the same weights");

// 真实值为零的系数 w₀ 在次梯度步下于零的两侧来回跳，在近端步下则精确地停在 0，原因见[笔记本 02 第 6 节](02-l1-penalty.cs)（在最优点附近 |∂L/∂w₀| < λ；上面打印的最后取值正说明了这一点）。对一个模型来说，要紧的是全部 50 个系数的最终结果。

// 现在看全部 50 个系数。一个精确的零可以直接剪掉而不改变模型；一个很小的非零数则不行。

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

// 支撑集上的估计值在绝对值上比真实值（2、−1.5、1、−2.5、0.8）略小。这个偏差就是稀疏性的代价，而且它是可以预测的。一旦 ISTA 找到了支撑集 S 以及其上各系数的符号 s，它的不动点在 S 上满足 ∇L + λ·s = 0，其中 ∇L 限制在 S 上等于 (2/n)·X_Sᵀ(X_S·w_S − y)。解出 w_S：
//
//   w_S = (X_SᵀX_S)⁻¹X_Sᵀy − (λ/2)·(X_SᵀX_S/n)⁻¹·s，
//
// 即支撑集上的最小二乘拟合，减去一个朝向零的收缩。起作用的只是 5×5 的支撑块 X_SᵀX_S/n，而不是完整的 50×50 曲率矩阵 2XᵀX/n——后者的特征值分布得离 2 很远。只有 5 列、却有 200 行，支撑块与单位矩阵的接近程度，远胜于完整曲率矩阵与 2·I 的接近程度，所以每个保留下来的系数大约收缩 λ/2，但并不恰好是 λ/2。下一个单元格计算两个矩阵的特征值、预测的收缩量，以及 ISTA 实际施加的收缩量（S 上的最小二乘解减去 ISTA 的估计），并用一个折叠的检查单元格核对后两者相等。

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

// ### ISTA 为什么成立：它最小化的是一个上界函数
//
// 设 𝓛 是梯度的 **Lipschitz 常数**：对所有 u、w，‖∇L(u) − ∇L(w)‖ ≤ 𝓛·‖u − w‖。对 MSE，∇L(w) = (2/n)·Xᵀ(Xw − y)，所以 𝓛 就是曲率矩阵 2XᵀX/n 的最大特征值。于是，只要步长 η ≤ 1/𝓛，损失函数就处处位于一条在当前点 w 与它相切的抛物线之下：
//
// $$L(u) \le Q_\eta(u; w) = L(w) + \nabla L(w)\cdot(u - w) + \tfrac{1}{2\eta}\|u - w\|^2 \quad\text{对所有 } u .$$
//
// Q 是 L 的一个**上界函数**（majoriser）。配方后，Q(u; w) + λ‖u‖₁ = (1/2η)·‖u − (w − η∇L(w))‖² + λ‖u‖₁ +（与 u 无关的项），它的最小值点正是 ηλ‖·‖₁ 的近端算子在 v = w − η∇L(w) 处的值，即 soft(v, ηλ)，恰好就是 ISTA 的一步。所以 ISTA 每一步都在最小化 Q + R，从而
//
// F(w_new) = L(w_new) + R(w_new) ≤ Q(w_new; w) + R(w_new) ≤ Q(w; w) + R(w) = F(w)：
//
// 目标函数 F = L + R 永远不会上升。这就是"上界–最小化"（majorise–minimise）论证；η ≤ 1/𝓛 时，ISTA 收敛到 F 的一个最小值点。η > 2/𝓛 时，普通梯度下降（λ = 0）会沿曲率最大的方向发散。
//
// 下一个单元格算出本问题的 𝓛，在随机点对上检验上界不等式，用 float64 运行 ISTA 并记录每一步的 F，再用 η = 2.2/𝓛 运行一次梯度下降。（在这个问题上，λ = 0.1 的 ISTA 碰巧能承受这么大的步长，因为软阈值把它限制在 5 个支撑坐标上，那里的曲率较小；理论保证只针对 η ≤ 1/𝓛。）

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

// ### 最优性条件：逐个系数检验
//
// [笔记本 02 第 5 节](02-l1-penalty.cs)末尾说明了 L1 为什么会产生精确的零：当且仅当该处的数据梯度在惩罚项"够得着"的范围内，即 |∂L/∂wⱼ| ≤ λ 时，wⱼ = 0 是最优的。对不为零的系数，|wⱼ| 的次梯度就是 sign(wⱼ)，条件变成一个等式：∂L/∂wⱼ = −λ·sign(wⱼ)。这就是 lasso 的最优性（KKT）条件。ISTA 给出的解必须同时满足两者：

var wHat = ista.W;
var gradientAtHat = DataGradient(wHat);
var isZero = wHat.eq(0);
var largestOnZeros = gradientAtHat.masked_select(isZero).abs().max().item<double>();
var residualOnSupport = (gradientAtHat + lam * wHat.sign()).masked_select(isZero.logical_not()).abs().max().item<double>();
lesson.Display($"{isZero.sum().item<long>()} zero coefficients: largest |∂L/∂wⱼ| = {largestOnZeros:F4} ≤ λ = {lam}; on the {50 - isZero.sum().item<long>()} nonzero ones, largest |∂L/∂wⱼ + λ·sign(wⱼ)| = {residualOnSupport:E1}");

Check.That(largestOnZeros <= lam, "every zero coefficient has |∂L/∂wⱼ| ≤ λ");
Check.That(residualOnSupport < 1e-6, "every nonzero coefficient has ∂L/∂wⱼ = −λ·sign(wⱼ)");

// ### λ_max：让所有系数归零的最小 λ
//
// 把同一个条件用在 w = 0 上，就知道什么时候*所有*系数都为零：当且仅当每个 |∂L/∂wⱼ(0)| ≤ λ 时，w = 0 是 lasso 的解，也就是
//
// $$\lambda \ge \lambda_{\max} = \|\nabla L(0)\|_\infty = \tfrac{2}{n}\,\|X^\top y\|_\infty .$$
//
// λ 降到 λ_max 以下时，|∂L/∂wⱼ(0)| 最大的那个系数第一个离开零。正则化路径就从 λ_max 开始（scikit-learn 的 `lasso_path` 也从这里开始），而大于 λ_max 的 λ 得到的是一个什么也没学到的模型。下面的单元格分别在 λ_max 略上方和略下方运行 ISTA。

var gradientAtZero = DataGradient(torch.zeros(50, dtype: torch.float64));
var lambdaMax = gradientAtZero.abs().max().item<double>();
var firstToEnter = gradientAtZero.abs().argmax().item<long>();
var justAbove = Ista(eta, 1.01 * lambdaMax, steps).W;
var justBelow = Ista(eta, 0.95 * lambdaMax, steps).W;
string Nonzeros(Tensor w) => string.Join(", ", torch.nonzero(w.ne(0)).flatten().data<long>().ToArray());
lesson.Display($"λ_max = (2/n)‖Xᵀy‖∞ = {lambdaMax:F3} (coefficient {firstToEnter}); ISTA with λ = 1.01·λ_max: nonzero [{Nonzeros(justAbove)}]; with λ = 0.95·λ_max: nonzero [{Nonzeros(justBelow)}]");

Check.That(justAbove.eq(0).all().item<bool>(), "above λ_max every coefficient is exactly 0");
Check.That(Nonzeros(justBelow) == firstToEnter.ToString(), "just below λ_max only the coefficient with the largest |∂L/∂wⱼ(0)| leaves zero");

// ## 3. 用有限差分检验手推的梯度
//
// 纸上推导的导数很容易差一个系数或一个符号。`L1Lab.GradientCheck.Numerical` 用 float64 对每个元素计算中心差分 (f(x + εeᵢ) − f(x − εeᵢ)) / 2ε，`MaxRelativeError` 把它与我们的公式比较。先检验交叉熵对 logits 的梯度 (softmax(z) − onehot(y)) / B：

var logits = torch.randn(new long[] { 6, 4 }, dtype: torch.float64);
var labels = torch.tensor(new long[] { 0, 3, 1, 1, 2, 0 });
var analyticCe = (torch.nn.functional.softmax(logits, 1) - torch.nn.functional.one_hot(labels, 4).to(torch.float64)) / logits.shape[0];
var numericCe = GradientCheck.Numerical(z => Losses.CrossEntropy(z, labels), logits);
var ceError = GradientCheck.MaxRelativeError(analyticCe, numericCe);
lesson.Display($"cross-entropy: max relative error {ceError:E2}");

Check.That(ceError < 1e-6, "finite differences confirm the cross-entropy gradient (softmax(z) − onehot(y))/B");

// 再检验 L1 次梯度 λ·sign(w)。|w| 在 0 处不可导，所以我们只测试与 0 的距离至少为 0.1 的点；取 ε = 10⁻³ 时，差商永远不会跨过尖点，它必须在舍入误差内与 λ·sign(w) 完全吻合。

var wCheck = (torch.rand(new long[] { 3, 5 }, dtype: torch.float64) + 0.1) * (torch.randint(0, 2, new long[] { 3, 5 }).to(torch.float64) * 2 - 1);
var analyticL1 = lam * L1.Subgradient(wCheck);
var numericL1 = GradientCheck.Numerical(w => L1.Penalty(new[] { w }, lam), wCheck);
var l1Error = GradientCheck.MaxRelativeError(analyticL1, numericL1);
lesson.Display($"L1 subgradient away from 0: max relative error {l1Error:E2}");

Check.That(l1Error < 1e-6, "away from 0, finite differences match λ·sign(w)");

// 在 w = 0 处，中心差分给出 (|ε| − |−ε|)/2ε = 0，恰好是课程库选用的那个次梯度——但 [−λ, λ] 中的任何值在那里都同样是合法的次梯度。零点处的这种不确定性，正是次梯度步举步维艰而近端步毫无困难的地方。

// ## 4. λ 与样本数、批大小、动量法和 Adam
//
// **λ 与样本数。** 我们的 L 是 n 个样本上的*平均*损失。写成求和形式，Σᵢ(xᵢ·w − yᵢ)² + λ′‖w‖₁ = n·(L(w) + (λ′/n)‖w‖₁)，所以取 λ′ 的求和形式与取 λ = λ′/n 的平均形式有相同的最小值点。损失取平均时，固定的 λ 让惩罚项相对于数据的分量保持不变，与 n 无关。如果对权重有一个固定的先验（拉普拉斯先验对应求和形式中固定的 λ′），那么 λ = λ′/n 应当随数据增多而变小：数据越多，越该让数据说话。所以在 10,000 张图像上调好的 λ（笔记本 05）不一定适合 60,000 张图像，需要重新选择。
//
// **λ 与批大小。** 用 B 个样本的小批量训练时，训练器把 λ‖w‖₁ 加到每个批次的*平均*损失上，Keras 的 `kernel_regularizer` 也是这样做的。各批次梯度的平均就是完整梯度，所以无论 B 取多少，目标函数都一样。随 B 变化的是每轮的步数 n/B，也就是每轮施加多少次软阈值 ηλ：在相同的 η 和轮数下，批越小，拉力施加得越频繁（笔记本 04 按步数而不是按轮数判断是否坍缩，原因就在这里）。
//
// 下面的单元格在第 2 节的 lasso 上检验前两点：求和形式（步长 η/n，λ′ = nλ）上的 ISTA 与平均形式上的 ISTA 迭代结果相同；10 个各含 20 个样本的批次梯度，平均起来等于完整梯度。

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

// **动量法与 Adam。** 很多模型用动量法或 Adam 训练（第二篇文章就用 Adam）。把 λ·sign(w) 加到这些优化器看到的梯度上，会带来与普通次梯度步相同的毛病，而 Adam 还会让它更糟。Adam 把每个坐标的步长除以该坐标梯度的滑动均方根：对于数据不支持的权重，梯度约为 λ·sign(w)，于是 Adam 的一步约为 η·sign(w)，大小是 η，*与 λ 无关*。这个权重在 0 附近以学习率决定的幅度来回跳，永远落不到 0 上。
//
// 近端的做法是让优化器只对 L 走一步，然后再做软阈值：
//
// - **动量法**（重球法，即 `torch.optim.SGD(momentum: μ)` 的做法）：w ← soft(w − η∇L(w) + μ(w − w_previous), ηλ)；
// - **Adam**：Adam 的一步相当于每个坐标各用自己的步长 η/(√v̂ⱼ + ε) 走梯度步，所以阈值也按同样的比例缩放：z = w − η·m̂/(√v̂ + ε)，然后 wⱼ ← soft(zⱼ, ηλ/(√v̂ⱼ + ε))。只要 |m̂ⱼ| ≤ λ，停在 0 的权重就一直留在 0：这正是最优性条件，只不过用的是 Adam 平均后的梯度。
//
// 下面的单元格手写这两种优化器（并在惩罚项加进损失的情形下，与 `torch.optim.SGD` 和 `torch.optim.Adam` 逐一核对），然后在第 2 节的 lasso 上运行四种变体。

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

// 梯度里加上 λ·sign(w) 时，动量法和 Adam 都让每个无关系数保持很小但不为零（对 Adam 来说，归一化后的步长让它们以与学习率 η = 0.02 同量级、而与 λ 无关的幅度继续移动）；两种近端版本最终都和 ISTA 一样得到 45 个精确的零。在用 Adam 训练的网络里，每个权重也是如此：想要精确的零，就在优化器的一步之后做软阈值（Adam 要按坐标缩放），而不是把惩罚项加进损失。

// ## 小结
//
// - 手写的更新 w ← w − η∇(L + R)、`torch.optim.SGD` 和 `Updates.GradientStep` 在 float32 舍入误差内一致；对线性层，梯度是 ((softmax − onehot)/B)ᵀx + λ·sign(W)。
// - 把 λ·Σ|w| 加进损失再让自动微分求导，就是次梯度步 w ← w − η(∇L + λ·sign(w))。本应为零的权重以约 ηλ 的幅度在零附近振荡；在稀疏回归上，它们没有一个最终精确停在零上。
// - 近端步（ISTA）只对 L 走梯度步，然后以 ηλ 做软阈值：在稀疏回归上，它把 45 个无关系数全部置为精确的 0，并恰好保留了 5 个真实系数，每个都向零收缩了 (λ/2)·(X_SᵀX_S/n)⁻¹·s：大约是 λ/2，因为 5×5 的支撑块 X_SᵀX_S/n 与单位矩阵相差不大（而完整曲率矩阵 2XᵀX/n 与 2·I 相差很远）。
// - 有限差分（`GradientCheck`）确认了手推的交叉熵梯度，以及远离 0 处的 L1 次梯度。
// - ISTA 每一步都在最小化 L 的一个上界函数加上 R；η ≤ 1/𝓛 时（这里 𝓛 = 4.08，即 2XᵀX/n 的最大特征值），目标函数永不上升。在它的解处，每个零系数满足 |∂L/∂wⱼ| ≤ λ，每个非零系数满足 ∂L/∂wⱼ = −λ·sign(wⱼ)；λ 超过 λ_max = ‖∇L(0)‖∞ 时，所有系数都为零。
// - 损失取平均时，λ 是"每个样本"的尺度：写成求和形式需要 λ′ = nλ；批大小改变的是步数，而不是目标函数。在动量法或 Adam 的梯度里加上 λ·sign(w) 得不到精确的零；在它们的一步之后做软阈值（Adam 要按坐标缩放阈值）才能得到。

// ## 练习
//
// 每道练习都要求写一个函数。在学生版中，它的答案单元格里是这个函数，其中有一行会抛出 `NotImplementedException`：把这一行换成你的代码。下面的测试单元格检查你的答案，并说明它检查了什么；评分程序（`l1lab workshop grade`）运行同样的测试，另外还有几个针对其他输入的隐藏测试。

// ### 练习 1：手写权重衰减
//
// 编写 `void WeightDecayStep(IEnumerable<Tensor> parameters, double lr, double lambda)`：利用 `backward()` 留在 `.grad` 中的梯度，原地更新每个参数 w ← w − lr·(∇L + λ·w)——这就是 L2 正则化 (λ/2)·Σw² 的 SGD 步。更新要在 `torch.no_grad()` 下进行。
//
// *检查内容（2 分）：* 测试把一个小线性模型复制两份，各训练 5 步，一份用 `torch.optim.SGD(weight_decay: λ)`，一份用你写的步骤，检查两者一致；隐藏测试与 `Updates.WeightDecayStep` 比较。

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

// ### 练习 2：哪些系数保留了下来
//
// 换一个 λ，在第 2 节的稀疏回归上重新运行 ISTA（`X`、`Y`、步长 `eta`、迭代 `steps` 次、从 w = 0 出发）。编写 `long[] Survivors(double lambda)`，按升序返回最终非零系数的索引。λ = 1.0 时哪些真实系数保留了下来？λ = 0.001 时有多少无关系数变成了非零？
//
// *检查内容（2 分）：* 测试检查第 2 节的 λ 恰好保留真实的支撑集，并给出 λ = 1.0 和 λ = 0.001 时保留下来的系数；隐藏测试把两者与一次参考 ISTA 运行比较。

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

// ### 练习 3：MSE 的梯度
//
// 编写 `Tensor MseGradient(Tensor x, Tensor y, Tensor w)`：对 x 的 n 行，返回均方误差 mean((xw − y)²) 对 w 的梯度 (2/n)·xᵀ(xw − y)。
//
// *检查内容（1 分）：* 测试在一个随机的 w 处用 float64 与有限差分（`GradientCheck`）核对；隐藏测试使用另一种形状。

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

// [下一节：04 — MNIST 实验：真正施加 L1](04-mnist-experiment.cs) · [课程概览](../../README.zh-CN.md)
