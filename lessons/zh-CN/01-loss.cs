#:project ../../lib/L1Lab/L1Lab.csproj
// # 01 — 损失函数：均方误差与交叉熵
//
// 学完本笔记本，你将能够用张量运算算出均方误差和交叉熵（即使得分极大也能数值稳定地计算），用 TorchSharp 和 L1Lab 库核对结果，并解释为什么训练分类器要用交叉熵，而不是文章里写的平方误差。
//
// **预备知识：** [00 — 环境准备](00-setup.cs)；张量以及那里演示过的自动微分；exp 和 log 的导数。
//
// Exported from notebooks/zh-CN/01-loss.ipynb by `l1lab notebooks export --to cs`: edit the notebook and export again, not this file.
// Run it with `dotnet run lessons/zh-CN/01-loss.cs`; quick values: `dotnet run lessons/zh-CN/01-loss.cs -- --quick`; one value:
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

// 损失把"模型在这些样本上错得有多离谱"归结为一个数，训练的目标就是把它压低。文章写下了两种损失；我们用张量运算逐一搭出来，再从两个角度核对：一是与 TorchSharp 自带的函数比较，二是与后面笔记本要用的 L1Lab 库（`Losses`）比较。`Compare.Tensors`（来自课程库，这样每个笔记本用的都是同一个检查）报告两个张量是否完全相等以及它们的最大绝对差，差值过大时抛出异常。

// Compare.Tensors(name, ours, reference, tolerance = 1e-6), from the L1Lab library: says whether two tensors are
// exactly equal, prints the largest |ours − reference|, and throws when that is larger than the tolerance.
Console.WriteLine(Compare.Tensors("a tensor vs itself", torch.arange(3), torch.arange(3)));

// ## 1. 均方误差
//
// 设预测为 ŷ、目标为 y，各有 n 个元素，
//
// $$\mathrm{MSE}(\hat y, y) = \frac{1}{n}\sum_{i=1}^{n} (\hat y_i - y_i)^2 .$$
//
// 它是**回归**任务（预测一个数值，例如以毫米计的肿瘤大小）的自然选择：平方让每个误差都为正，并且对大误差的惩罚重于小误差。

var prediction = torch.tensor(new float[] { 2.5f, 0.0f, 2.0f, 8.0f });
var target     = torch.tensor(new float[] { 3.0f, -0.5f, 2.0f, 7.0f });
var mse = (prediction - target).square().mean();
lesson.Display(mse);  // (0.25 + 0.25 + 0 + 1) / 4 = 0.375

Console.WriteLine(Compare.Tensors("by hand vs torch.nn.functional.mse_loss", mse, torch.nn.functional.mse_loss(prediction, target)));
Console.WriteLine(Compare.Tensors("by hand vs Losses.MeanSquaredError", mse, Losses.MeanSquaredError(prediction, target)));

// ## 2. 从得分到概率：softmax，以及为什么需要减去最大值
//
// K 类分类器输出 K 个未归一化的得分 z（**logits**），每类一个。**Softmax** 把它们变成为正且和为 1 的概率：
//
// $$p_k = \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}} .$$
//
// 按公式直接计算，在 logits 不大时没有问题：

Tensor NaiveSoftmax(Tensor z) => z.exp() / z.exp().sum(-1, keepdim: true);

var z = torch.tensor(new float[] { 2.0f, 1.0f, 0.1f });
var p = NaiveSoftmax(z);
lesson.Display(p);
lesson.Display(p.sum());

// 但训练好的网络可能输出很大的 logits，而 e¹⁰⁰⁰ 根本放不进浮点数（float32 在约 e⁸⁸ 以上溢出，float64 在 e⁷⁰⁹ 以上溢出）。这时直接套公式算出来的是 ∞/∞：

var big = torch.tensor(new float[] { 1000f, 0f, -1000f });
lesson.Display(big.exp());
lesson.Display(NaiveSoftmax(big));

// 解决办法基于一个恒等式：所有 logits 同时减去同一个常数 c，softmax 不变，因为 e^{z_k − c} / Σ e^{z_j − c} = e^{−c}e^{z_k} / (e^{−c} Σ e^{z_j})。取 c = m = max_j z_j，那么最大的指数项是 e⁰ = 1，不会溢出；而分母之和至少为 1，取对数也是安全的。交叉熵需要的是 softmax 的**对数**，它化简为
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

// ## 3. 交叉熵
//
// 对一个含 n 个样本、真实类别为 y₁…yₙ 的批次，交叉熵是模型给**正确**类别的概率取负对数后的平均值：
//
// $$\mathrm{CE} = -\frac{1}{n}\sum_{i=1}^{n} \log p_{i,\,y_i}.$$
//
// `gather` 在第 i 行取出第 yᵢ 列。

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

// **这个数意味着什么。** p_{i,yᵢ} 是模型赋予实际发生结果的概率，所以乘积 Πᵢ p_{i,yᵢ} 就是标签在该模型下的似然，交叉熵就是它的对数取负再除以 n。最小化交叉熵就是*最大似然估计*。这个名字来自信息论：对独热（one-hot）目标分布 q，−Σₖ qₖ log pₖ 就是交叉熵 H(q, p)，即用为 p 设计的编码来编码真实结果时，平均需要的奈特（nat）数。几个参照点：完全正确且确信的预测代价为 0；在 K 个类别上均匀猜测的代价是 log K（10 个数字时 log 10 ≈ 2.303）；确信却答错的代价可以无限大。
//
// 未经训练的网络接近均匀猜测。用一个刚初始化的线性层 `torch.nn.Linear(784, 10)` 给真实的 MNIST 测试图像打分：

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

// ## 4. 为什么分类器用交叉熵，而不用平方误差
//
// 文章的公式用的是 MSE，L = (1/n)Σ(yᵢ − ŷᵢ)²，而它的代码却用 `sparse_categorical_crossentropy` 编译网络。对回归来说 MSE 没错；但对输出经过 softmax 的分类器，它是个糟糕的选择。把它原样用到分类器上——拿概率 p 去比独热目标 y——再看看损失对 logits 的梯度，因为训练正是沿着这个梯度走的：
//
// - 交叉熵：∂CE/∂z = p − y。模型确信却答错时，p − y 很大（其范数趋近 √2），模型会被有力地推回来。
// - softmax 上的 MSE：∂MSE/∂z = J(p)ᵀ · (2/K)(p − y)，其中 J = diag(p) − ppᵀ 是 softmax 的雅可比矩阵。当某个概率接近 1、其余接近 0 时，J 的每个元素都接近 0：softmax **饱和**了，梯度消失——恰恰发生在模型最需要纠正的时候。
//
// 用数字来看：10 个类别，正确类别 0 的 logit 为 0，错误类别 1 的 logit s 不断增大（模型对错误答案越来越确信），两种梯度都由自动微分算出：

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

// 随着 s 增大，交叉熵的梯度稳定在 √2 ≈ 1.41 附近，而 MSE 的梯度像 e^{−s} 一样衰减：表格的最后一行（s = 20）显示它变得多么小，梯度下降几乎一动不动。MSE 还是有界的（这里永远不会超过 2/K = 0.2），所以它无法表达"确信地答错比拿不准糟糕得多"。

var atTen = rows.Single(r => r.S == 10.0);
var ratio = atTen.CeGrad / atTen.MseGrad;
lesson.Display($"at s = 10, ‖∂CE/∂z‖ / ‖∂MSE/∂z‖ = {ratio:N0}");

Check.That(ratio > 1000, "at s = 10 the cross-entropy gradient is over 1000× the MSE gradient");
Check.That(rows[^1].MseGrad < 1e-6 && rows[^1].CeGrad > 1.0, "at s = 20 the MSE gradient has vanished while cross-entropy's stays near √2");

// ## 5. 两种损失随正确类别概率的变化
//
// 把同样的比较画成图。取两个类别，这样一切都只取决于 p，即给正确类别的概率。logits 为 (u, 0)，正确类别在前，于是 p = e^u/(e^u + 1)。那么
//
// - CE = −log p，∂CE/∂u = p − 1；
// - 两个输出上的 MSE：((p − 1)² + (1 − p)²)/2 = (1 − p)²，∂MSE/∂u = −2p(1 − p)²。
//
// 先用自动微分验证这两个导数公式：

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

// 两张图的左侧都是模型确信却答错的区域。交叉熵的损失在那里陡然升高，梯度也最大；平方误差始终低于 1，而且当 p → 0 时梯度降为 0，所以错得越离谱的模型在 MSE 下学得越慢。在医学诊断中，确信的漏诊代价最高，MSE 给出的恰恰是错误的激励。

// ## 小结
//
// - MSE = 差值平方的平均：回归任务的损失。我们自己写的、`torch.nn.functional.mse_loss` 和 `Losses.MeanSquaredError` 三者一致。
// - Softmax 把 logits 变成概率；按公式直接计算会溢出（logits 为 1000 时得到 NaN）。每行减去最大值在数学上不改变结果，却能让 log-softmax 保持有限：`Losses.LogSoftmax`。
// - 交叉熵 = 正确类别概率的负对数的平均 = 负对数似然；均匀猜测的代价是 log K（10 类时为 2.303），未训练的模型在 MNIST 上正好表现如此。我们自己写的、`torch.nn.functional.cross_entropy` 和 `Losses.CrossEntropy` 三者一致。
// - 对 softmax 分类器，交叉熵对 logits 的梯度是 p − y；MSE 的梯度要再乘上 softmax 的雅可比矩阵，而模型确信地答错时这个矩阵趋于零。这就是分类器用交叉熵的原因，不管文章的公式怎么写。
//
// 笔记本 02 加入文章目标函数的第二个组成部分：L1 惩罚项 R(w) = λ·Σ|wᵢ|。

// ## 练习
//
// 每道练习都要求写一个函数。在学生版中，它的答案单元格里是这个函数，其中有一行会抛出 `NotImplementedException`：把这一行换成你的代码。下面的测试单元格检查你的答案，并说明它检查了什么；评分程序（`l1lab workshop grade`）运行同样的测试，另外还有几个针对其他输入的隐藏测试。

// ### 练习 1：均匀猜测的代价
//
// 编写 `double UniformCrossEntropy(int classes)`：为一个小批次构造在 `classes` 个类别上全部相等的 logits（均匀预测），并返回用 `Losses.CrossEntropy` 算出的交叉熵。
//
// *检查内容（1 分）：* 测试检查 10 个类别时的值为 ln 10 = 2.302585…；隐藏测试检查其他类别数。

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

// ### 练习 2：两个类别时的减最大值技巧
//
// 笔记本 07 把图像分成两类，每张图像只有一个 logit z：p = σ(z) = 1/(1 + e^{−z}) 是属于类别 1 的概率，损失是二元交叉熵 −[y·log p + (1 − y)·log(1 − p)]。照这个式子直接算，z = −1000 时 σ(z) = 0，而 log 0 = −∞。把第 2 节的减最大值技巧用到这种情形：证明这个损失等于 max(z, 0) − z·y + log(1 + e^{−|z|})（指数永远不为正，所以不会溢出），并编写 `Tensor StableBinaryCrossEntropy(Tensor logits, Tensor targets)`，返回它在一个批次上的平均值。只用基本的张量运算，不用 `binary_cross_entropy_with_logits`。
//
// *检查内容（2 分）：* 测试在一个随机批次上与 `torch.nn.functional.binary_cross_entropy_with_logits` 比较，并检查 logits 为 ±1000 时损失是有限值（非常自信却答错时为 1000，非常自信且答对时为 0）；隐藏测试检查 float64 输入和取小数的目标值。

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

// ### 练习 3：模型几乎正确或错得离谱时的两种梯度
//
// 用第 5 节的两类公式编写 `(double CrossEntropy, double SquaredError) LogitGradients(double p)`：当模型给正确类别的概率为 p 时，返回交叉熵和平方误差对 logit u 的梯度大小 |∂loss/∂u|。
//
// *检查内容（1 分）：* 测试检查 p = 0.99（两者都很小）和 p = 0.01（只有交叉熵很大）；隐藏测试在其他 p 处与自动微分比较。

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

// [下一节：02 — L1 惩罚项、次梯度与软阈值](02-l1-penalty.cs)
