#:project ../../lib/L1Lab/L1Lab.csproj
// # 02 — L1 惩罚项：范数、次梯度与软阈值
//
// 学完本笔记本，你将能够计算网络权重的 L1 惩罚项 λ·‖w‖₁（并说明为什么不把偏置算进去），解释什么是次梯度、为什么 |w| 需要它，从几何上对比 L1 与 L2，并推导出软阈值——让权重精确变为零的那一步。
//
// **预备知识：** [01 — 损失函数](01-loss.cs)；导数；自动微分（`backward()`、`.grad`）。
//
// Exported from notebooks/zh-CN/02-l1-penalty.ipynb by `l1lab notebooks export --to cs`: edit the notebook and export again, not this file.
// Run it with `dotnet run lessons/zh-CN/02-l1-penalty.cs`; quick values: `dotnet run lessons/zh-CN/02-l1-penalty.cs -- --quick`; one value:
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
var words = Words.For("zh-CN");   // the language of the sentences cells print (each edition names its own)
torch.random.manual_seed(2);
lesson.Display("ready");

// 与笔记本 01 相同的 `Compare.Tensors` 检查：判断是否完全相等、给出最大绝对差，差值过大时抛出异常。

// Compare.Tensors(name, ours, reference, tolerance = 1e-6), from the L1Lab library: says whether two tensors are
// exactly equal, prints the largest |ours − reference|, and throws when that is larger than the tolerance.
Console.WriteLine(Compare.Tensors("a tensor vs itself", torch.arange(3), torch.arange(3)));

// ## 1. L1 范数与正则化强度 λ
//
// 权重向量的 L1 范数是各元素绝对值之和；L1 惩罚项再乘上一个强度 λ ≥ 0：
//
// $$\|w\|_1 = \sum_i |w_i|, \qquad R(w) = \lambda \|w\|_1 .$$
//
// 训练时最小化数据损失加惩罚项，即 L(w) + λ‖w‖₁。λ 决定了"拟合数据"和"让权重保持较小"之间的兑换比例：λ = 0 就是不做正则化，而 λ 足够大时所有权重都会变成零。本课程纠正的两篇文章都取 λ = 0.01，却都没有真正用上它：讲 L1 正则化的那篇（用 MNIST 的那篇）声明了 `l1_lambda = 0.01`，之后从未使用这个变量，所以它的模型实际上根本没有正则化；讲医学图像中正则化的那篇（用 Adam 和 MSE 损失）把权重的*平方和*称作"L1"，那其实是 L2。本课程中，惩罚项是真正作用到训练上的。

var w = torch.tensor(new float[] { 0.8f, -0.05f, 0f, -1.5f, 0.3f });
var lambda = 0.01;
var normByHand = w.abs().sum();
var penaltyByHand = lambda * normByHand;
Console.WriteLine(Compare.Tensors("‖w‖₁ by hand vs L1.Norm", normByHand, L1.Norm(w)));
Console.WriteLine(Compare.Tensors("λ‖w‖₁ by hand vs L1.Penalty", penaltyByHand, L1.Penalty(new[] { w }, lambda)));
lesson.Display($"‖w‖₁ = {normByHand.item<float>()},  λ‖w‖₁ = {penaltyByHand.item<float>():g4}");

// ## 2. 网络的惩罚项：只罚权重，不罚偏置
//
// 文章的网络是 784 → 256 (ReLU) → 10：两个线性层，各有一个权重矩阵和一个偏置向量。`Mlp.Create(sizes, seed)` 用带种子的初始权重构建它（`Mlp.Article()` 是同一个网络，只是不设种子）；`Regularized.Parameters` 给出惩罚项作用于哪些参数。

var model = Mlp.Create(new[] { 784, 256, 10 }, seed: 2);
var regularizedNames = Regularized.Parameters(model).Select(p => p.Name).ToHashSet();
var named = model.named_parameters().ToList();
lesson.Display(new DataFrame(
    new StringDataFrameColumn("parameter", named.Select(p => p.name)),
    new StringDataFrameColumn("shape", named.Select(p => string.Join(" × ", p.parameter.shape))),
    new Int64DataFrameColumn("values", named.Select(p => p.parameter.numel())),
    new BooleanDataFrameColumn("penalized", named.Select(p => regularizedNames.Contains(p.name)))));

// 为什么不把偏置算进去？
//
// - 权重与输入相乘：wᵢⱼ = 0 的意思是"单元 j 不看像素 i"，这正是 L1 所追求的简单性。偏置不与任何输入相乘，它只平移单元的阈值；把它压到零并不能去掉对输入的任何依赖。
// - 偏置数量很少（对比上表的 `values` 一列），几乎不增加过拟合的能力。
// - 压缩偏置反而可能有害：输出层的偏置承载着类别频率。在某一类明显多于另一类的医学数据集中（笔记本 07 中的 BreastMNIST，良性或正常的扫描远多于恶性的；笔记本 07 会具体统计），把这些偏置拉向零，就等于逼模型假装各类别是均衡的。
//
// 本课程始终遵循的规则（nanoGPT 和大多数现代代码也是如此）：只惩罚二维及以上的张量，不惩罚偏置或其他一维参数。手工计算如下：

var weightsOnly = named.Where(p => p.parameter.dim() >= 2).Select(p => p.parameter.abs().sum()).Aggregate((x, y) => x + y) * lambda;
var everything = named.Select(p => p.parameter.abs().sum()).Aggregate((x, y) => x + y) * lambda;
Console.WriteLine(Compare.Tensors("weights only: by hand vs L1.Penalty(model, λ)", weightsOnly, L1.Penalty(model, lambda), 1e-4));
Console.WriteLine(Compare.Tensors("with biases: by hand vs includeBiases: true", everything, L1.Penalty(model, lambda, includeBiases: true), 1e-4));
lesson.Display($"penalty of the weights {weightsOnly.item<float>():F4}; with biases too {everything.item<float>():F4}");

// 惩罚项就是由 `abs` 和 `sum` 构成的普通张量，所以自动微分可以对它求导。它对每个权重的梯度是 λ·sign(w)（恰好为 0 时的情形见下一节），而偏置从它那里得不到任何梯度：

model.zero_grad();
L1.Penalty(model, lambda).backward();
var firstLayer = model.Layers[0];
Console.WriteLine(Compare.Tensors("∂R/∂W₁ from autograd vs λ·sign(W₁)", firstLayer.weight!.grad!, lambda * firstLayer.weight!.sign()));
lesson.Display($"bias gradient: {(firstLayer.bias!.grad is null ? "none (the bias is not in the penalty's graph)" : "zero")}");

Check.That(firstLayer.bias!.grad is null || firstLayer.bias!.grad.abs().max().item<float>() == 0f, "the biases receive no gradient from the weights-only penalty");

// ## 3. |w| 在 0 处不可导：次梯度
//
// |w| 的图像是一个 V 字：w < 0 时斜率为 −1，w > 0 时斜率为 +1。在 w = 0 处有一个尖角，差商 (|0 + h| − |0|)/h = |h|/h 的值取决于从哪一侧逼近，不论 h 多小都是如此：

foreach (var h2 in new[] { 1e-1, 1e-3, 1e-6, -1e-6, -1e-3, -1e-1 })
    Console.WriteLine($"h = {h2,7:g2}:  (|h| − |0|)/h = {Math.Abs(h2) / h2,2}");

// 所以 0 处的导数不存在。对凸函数有一个替代概念：如果过点 (w, f(w))、斜率为 g 的直线处处位于 f 的下方，即对所有 w′ 有 f(w′) ≥ f(w) + g·(w′ − w)，就称 g 是 f 在 w 处的一个**次梯度**。在 f 可导的地方，唯一的次梯度就是导数。在 |w| 的尖角处，[−1, 1] 中的任何斜率 g 都满足条件；集合 [−1, 1] 就是*次微分* ∂|w|(0)。

var ws = Enumerable.Range(-100, 201).Select(i => i / 100.0).ToArray();
var traces = new List<Series> { new LineSeries("|w|", ws, ws.Select(Math.Abs).ToArray()) };
foreach (var g in new[] { -1.0, -0.5, 0.0, 0.5, 1.0 })
    traces.Add(new LineSeries($"slope {g}", ws, ws.Select(v => g * v).ToArray()) { Dash = LineDash.Dot });
var subgradientChart = new Figure("Every line through the corner with slope in [−1, 1] stays below |w|", Axis.Linear("w"), Axis.Linear("value"), traces);
lesson.Display(subgradientChart);

// 在 0 处从 [−1, 1] 中任取一个都是合法的；惯例（也是自动微分中 `abs` 的做法）是取 0，这样得到 sign(w)：−1、0 或 +1。`L1.Subgradient` 返回的正是它。

var probe = torch.tensor(new float[] { -2f, -0.001f, 0f, 0.001f, 3f }, requires_grad: true);
probe.abs().sum().backward();
var expectedSign = torch.tensor(new float[] { -1f, -1f, 0f, 1f, 1f });
Console.WriteLine(Compare.Tensors("L1.Subgradient vs (−1, −1, 0, 1, 1)", L1.Subgradient(probe.detach()), expectedSign, 0));
Console.WriteLine(Compare.Tensors("autograd of Σ|w| vs L1.Subgradient", probe.grad!, L1.Subgradient(probe.detach()), 0));
lesson.Display(L1.Subgradient(probe.detach()));

// ## 4. L1 与 L2 的对比
//
// 另一种经典的惩罚项是 L2（权重衰减），R(w) = (λ/2)·Σwᵢ²；系数 ½ 使它的梯度恰好是 λ·w。课程库中对应 `L2.Penalty`：

Console.WriteLine(Compare.Tensors("(λ/2)Σw² by hand vs L2.Penalty", (lambda / 2) * w.square().sum(), L2.Penalty(new[] { w }, lambda)));

// **几何视角。** 对范数加惩罚与约束范数 ‖w‖ ≤ r 密切相关。在二维情形下，L1 的"单位球" |w₁| + |w₂| ≤ 1 是一个顶点落在坐标轴上的菱形；L2 的单位球 w₁² + w₂² ≤ 1 是一个圆盘。在球内最小化一个光滑的损失，相当于从损失的最小值点向外扩展，直到它的等高线第一次碰到球。菱形通常在顶点处被碰到，而顶点处有一个坐标**精确为零**；圆盘没有顶点，所以切点的两个坐标一般都不为零。

var angles = Enumerable.Range(0, 361).Select(d => d * Math.PI / 180).ToArray();
var geometry = new Figure("Unit balls of the L1 and L2 norms", Axis.Linear("w₁"), Axis.Linear("w₂"),
    new LineSeries("L1: |w₁| + |w₂| = 1", [1.0, 0, -1, 0, 1], [0.0, 1, 0, -1, 0]),
    new LineSeries("L2: w₁² + w₂² = 1", angles.Select(Math.Cos).ToArray(), angles.Select(Math.Sin).ToArray()))
{ Width = 520, Height = 480 };
lesson.Display(geometry);

// **一维视角。** λ = 1 时两种惩罚项及其梯度：L1 的梯度是一个大小恒为 λ、指向 0 的拉力，与 w 的大小无关；L2 的拉力与 w 成正比，w 越接近 0 拉力越弱。但拉力的大小本身并不是 L1 产生精确零的原因；真正的原因是 w = 0 处的最优性条件，见第 5 节末尾。

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

// 恒定的拉力还有一个问题：对 |w| 走普通的梯度步，w 不会停在零点，而是跨过去（第 6 节演示这一现象并解释原因）。我们先推导能恰好停在零点的那一步。
//
// ## 5. 软阈值：精确的最小值点
//
// 取一个点 v（可以把它想成刚在数据损失上走完一个梯度步的权重），求一个既靠近 v、又要付出 L1 代价 t·|w| 的 w。从 v 到这个 w 的映射称为 t·|w| 的**近端算子**（proximal operator，简记 prox）：
//
// $$\operatorname{prox}_t(v) = \arg\min_w \; h(w), \qquad h(w) = \tfrac12 (w - v)^2 + t\,|w|, \quad t \ge 0 .$$
//
// h 是凸函数，所以 w 是最小值点当且仅当 0 是 h 在 w 处的一个次梯度：
//
// - w > 0：h′(w) = w − v + t = 0，得 w = v − t，仅当 v > t 时自洽；
// - w < 0：h′(w) = w − v − t = 0，得 w = v + t，仅当 v < −t 时自洽；
// - w = 0：次微分是 −v + t·[−1, 1]，当且仅当 |v| ≤ t 时它包含 0。
//
// 合起来：**soft(v, t) = sign(v) · max(|v| − t, 0)**。所有与零的距离不超过 t 的 v 都被映射为精确的 0；其余的向零移动 t。

Tensor Soft(Tensor v, double t) => v.sign() * (v.abs() - t).clamp_min(0);

var t = 0.5;
var vs = torch.linspace(-2, 2, 41, dtype: ScalarType.Float64);
var few = torch.tensor(new double[] { -1.0, -0.6, -0.5, -0.2, 0.0, 0.3, 0.5, 0.7, 1.5 });
lesson.Display(new DataFrame(
    new DoubleDataFrameColumn("v", few.data<double>().ToArray()),
    new DoubleDataFrameColumn("soft(v, 0.5)", Soft(few, t).data<double>().Select(x => Math.Round(x, 10) + 0.0).ToArray())));

// 用穷举来检验推导：对 41 个 v 值中的每一个，在 [−3, 3] 内很细的网格上计算 h，取函数值最小的网格点。它必须与 soft(v, t) 在网格间距以内一致。

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

// 换几个阈值看同一个映射：拖动滑块改变 t（需要能运行脚本的前端；在其他地方，图上显示的是 t = 0.5）。死区 [−t, t] 随 t 变宽，死区之外的值都向零移动 t。

var thresholds = new[] { 0.0, 0.25, 0.5, 0.75, 1.0, 1.5 };
lesson.Display(new SliderFigure("t", thresholds.Select(tt => (tt, new Figure($"soft(v, t) with t = {tt}: exact zeros for |v| ≤ {tt}", Axis.Linear("v"), Axis.Linear("minimiser w"),
    new LineSeries($"soft(v, t)", vPlot, L1.SoftThreshold(vs, tt).data<double>().ToArray()),
    new LineSeries("v (no penalty)", vPlot, vPlot) { Dash = LineDash.Dot }))))
{ Initial = 2 });

// ### 为什么会出现精确的零：w = 0 处的最优性条件
//
// 上面的推导里藏着 L1 产生精确零的真正原因。把目标函数写成数据损失加惩罚项：L(w) + t·|w|（这里 L(w) = ½(w − v)²）。两者都是凸函数，所以 w = 0 是最小值点，当且仅当 0 属于 0 处的次微分 L′(0) + t·[−1, 1]，也就是
//
// $$|L'(0)| \le t .$$
//
// 数据梯度落在一整个区间里，权重都会精确地停在零：惩罚项的尖角能抵消不超过 t 的任何数据拉力。换成 L2，(t/2)·w² 在 w = 0 处的导数是 0，所以只有 L′(0) 恰好等于 0 时，w = 0 才是最小值点。这只是一个点，由真实数据算出的梯度几乎不可能正好落在上面。这里 L′(0) = −v，所以 L1 把 [−t, t] 内的所有 v 都变成零，而 L2 只对 v = 0 给出零。
//
// 下一个单元格不借助任何最小值点公式来检验这两个条件：对 [−2, 2] 内的 401 个 v 值，在一个恰好包含 0 的 w 网格上找出两个目标函数各自的最小值点，用自动微分求出 L′(0)，再把"最小值点是 0"与条件逐一对照。

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

// 对网络中的单个权重也是一样，只要把 L′(0) 换成 wᵢ = 0 处（其他权重固定）的数据梯度 ∂L/∂wᵢ：只要 |∂L/∂wᵢ| ≤ λ，这个权重就精确地停在零。笔记本 03 在一个回归问题上对每个系数检验这一条件。

// ## 6. 精确的零：一个近端步与多个次梯度步的对比
//
// 一个一维小问题：最小化 ½(w − v)² + t|w|，取 v = 0.3、t = 0.5。这里"数据"把 w 拉向 0.3，惩罚项把它拉向 0；因为 |v| ≤ t，答案是 soft(0.3, 0.5) = **0**。从 w = 1 出发、步长 η = 0.1，有两种迭代方式：
//
// - **次梯度下降**：w ← w − η·((w − v) + t·sign(w))，即在带惩罚项的损失上走梯度步（把 `L1.Penalty` 加进损失再调用 `backward()` 做的就是这件事）；
// - **近端梯度法**：只在光滑部分上走一个梯度步，然后用 ηt 做软阈值：w ← soft(w − η(w − v), ηt)。

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

// 本课程只在这里讲解"来回跳"现象；笔记本 03、04 和 06 都指回这里。在 0 附近，次梯度步 w ← w − η(L′(w) + t·sign(w)) 每次让 w 移动大约 ηt，与 w 本身的大小无关：ηt = 0.01 时，值为 0.003 的权重会跳到约 −0.007，再跳回约 0.003。所以次梯度迭代会逼近 0，然后永远在 0 两侧**来回跳**，每一步都越过零点，在浮点运算中几乎不可能正好落在 0 上。近端迭代到达 0 后**精确地**停在那里：一旦 w − η(w − v) 与零的距离不超过 ηt，软阈值返回的就是 0 本身，而不是一个接近 0 的数。逐步减小步长可以缩小振荡幅度，但仍然不能在有限步内得到精确的零。

var lastHalf = steps / 2;
var proxZeros = proxPath.Skip(steps - lastHalf).Count(x => x == 0.0);
var subZeros = subPath.Skip(steps - lastHalf).Count(x => x == 0.0);
var signChanges = subPath.Skip(steps - lastHalf).Zip(subPath.Skip(steps - lastHalf + 1), (a, b) => Math.Sign(a) != Math.Sign(b)).Count(c => c);
lesson.Display($"last {lastHalf} steps: proximal exactly 0 in {proxZeros}; subgradient exactly 0 in {subZeros}, crossing 0 {signChanges} times, |w| up to {subPath.Skip(steps - lastHalf).Max(Math.Abs):g3}");

Check.That(proxZeros == lastHalf, "the proximal iterate reaches 0 and stays there exactly");
Check.That(subZeros == 0 && signChanges >= lastHalf / 4, "the subgradient iterate zig-zags across 0 and essentially never lands on it");

// 在网络中，同样的事情同时发生在它的每一个权重上（第 2 节的表格统计了它们的数量）：次梯度训练留下许多很小但不为零的权重，近端训练（每步之后做软阈值）则让它们精确为零。笔记本 03 在一个小型稀疏回归问题上比较这两种更新，笔记本 04 则在 MNIST 上比较。
//
// ## 小结
//
// - R(w) = λ·‖w‖₁ = λ·Σ|wᵢ|；λ 在拟合数据与权重较小之间取舍。`L1.Norm` 和 `L1.Penalty` 负责计算；惩罚项只作用于权重（二维及以上的张量），不作用于偏置——偏置只平移阈值，并承载类别频率。
// - |w| 在 0 处不可导。次梯度是任一支撑线的斜率；在 0 处，[−1, 1] 中的任何值都可以。取 0 的惯例得到 sign(w) = `L1.Subgradient`，自动微分用的也是它。
// - L1 的单位球在坐标轴上有顶点，L2 的单位球是圆的。精确的零来自最优性条件：用 L1 时，只要 |∂L/∂wᵢ| ≤ λ（数据梯度落在一整个区间里），wᵢ = 0 就是最优的；用 L2 时，必须 ∂L/∂wᵢ 恰好等于 0。所以 L1 能给出精确的零，L2 只能给出较小的权重。
// - soft(v, t) = sign(v)·max(|v| − t, 0) 是 t·|w| 的**近端算子**，也是 ½(w − v)² + t|w| 的精确最小值点（用次梯度推导，用网格搜索确认，与 `L1.SoftThreshold` 和 `torch.nn.functional.softshrink` 一致）。它把与零的距离不超过 t 的所有值都置为精确的 0。
// - 在 |w| 上直接走次梯度步会越过 0 并在其两侧振荡；近端步则落在 0 上并停住。

// ## 练习
//
// 每道练习都要求写一个函数。在学生版中，它的答案单元格里是这个函数，其中有一行会抛出 `NotImplementedException`：把这一行换成你的代码。下面的测试单元格检查你的答案，并说明它检查了什么；评分程序（`l1lab workshop grade`）运行同样的测试，另外还有几个针对其他输入的隐藏测试。

// ### 练习 1：两种范数
//
// 编写 `(double L1, double L2Squared) Norms(Tensor w)`，直接由张量计算并返回 ‖w‖₁ = Σ|wᵢ| 和 ‖w‖₂² = Σwᵢ²（不用 `L1.Norm` 或 `L2.SquaredNorm`）。
//
// *检查内容（1 分）：* 测试检查 w = (3, −4)：结果为 7 和 25；隐藏测试在一个随机矩阵上与 `L1.Norm` 和 `L2.SquaredNorm` 比较。

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

// ### 练习 2：换成 L2 惩罚，最小值点在哪里
//
// 编写 `Tensor L2Minimiser(Tensor v, double t)`：对 v 的每个元素，返回使 ½(w − v)² + (t/2)·w²（L2 惩罚项）最小的 w。令导数为零即可推出。v 取什么值时它精确为 0？
//
// *检查内容（1 分）：* 测试像第 5 节那样与对 w 的网格搜索比较；隐藏测试检查更多的值，并检查只有 v = 0 时结果为 0。

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

// ### 练习 3：近端迭代停在哪里
//
// 第 6 节用近端步最小化了 ½(w − v)² + t·|w|。编写 `double ProximalLimit(double v, double t, double eta, int iterations)`：从 w = 1 出发，走 `iterations` 个近端步 w ← soft(w − η(w − v), ηt)，返回最终的 w。取 v = 0.8、t = 0.5 时，它停在哪里？它会像次梯度迭代那样振荡吗？
//
// *检查内容（2 分）：* 测试检查 v = 0.8、t = 0.5、η = 0.1、300 次迭代：结果为最小值点 soft(0.8, 0.5) = 0.3；隐藏测试检查一个落在死区内的 v（精确为 0）和一个负的 v。

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

// [下一节：03 — 带 L1 惩罚项的梯度更新](03-gradient-update.cs)
