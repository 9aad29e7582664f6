#:project ../../lib/L1Lab/L1Lab.csproj
// # 04 — MNIST 实验：真正施加 L1
//
// 学完本笔记本，你将能够在 L1 惩罚项真正作用到权重上的前提下重做那两篇文章的 MNIST 实验，测量它对准确率和稀疏性的影响，并解释为什么文章的 λ = 0.01 会毁掉网络，而小十到一百倍的 λ 既能保住大部分准确率，又能把许多权重置零。
//
// **预备知识：** [01 — 损失函数](01-loss.cs)、[02 — L1 惩罚项](02-l1-penalty.cs) 和 [03 — 梯度更新](03-gradient-update.cs)（惩罚项加进损失与近端步的区别）。
//
// Exported from notebooks/zh-CN/04-mnist-experiment.ipynb by `l1lab notebooks export --to cs`: edit the notebook and export again, not this file.
// Run it with `dotnet run lessons/zh-CN/04-mnist-experiment.cs`; quick values: `dotnet run lessons/zh-CN/04-mnist-experiment.cs -- --quick`; one value:
// `-- --set name=value`. Text prints here; figures are written as SVG/HTML files to out/ next to this file.

using TorchSharp;
using static TorchSharp.torch;
using L1Lab;
using L1Lab.Data;
using L1Lab.Models;
using L1Lab.Results;
using L1Lab.Training;
using L1Lab.Visuals;
using Microsoft.Data.Analysis;
using L1Lab.Lessons;

// Parameters (the notebook's cell tagged "parameters"): edit them here or set them on the command line.
var lesson = Lesson.Start(args, parameters: ["epochs", "trainSamples", "testSamples"], quick: ["epochs=1", "trainSamples=2000", "testSamples=1000"]);
var epochs = lesson.Parameter("epochs", 10);          // passes over the training set (the articles use 10)
var trainSamples = lesson.Parameter("trainSamples", 60000); // MNIST training images used (all 60,000 at full size)
var testSamples = lesson.Parameter("testSamples", 10000);  // MNIST test images used (all 10,000 at full size)

L1Lab.Native.TorchRuntime.Initialize();
var words = Words.For("zh-CN");   // the language of the sentences cells print (each edition names its own)
torch.random.manual_seed(4);
const long seed = 42; // initial weights (Mlp.Create) and shuffling (TrainingOptions.Seed) of every run
lesson.Display($"TorchSharp ready on {torch.get_num_threads()} threads");

// 规模参数。默认值就是文章的实验设置；CI 用 `epochs = 1`、`trainSamples = 2000`、`testSamples = 1000` 运行本笔记本。

// ## 1. 文章做了什么，错在哪两处
//
// 实验来自第一篇文章（讲 L1 正则化用于医学图像诊断的那篇）：用 MNIST 手写数字代替医学图像，多层感知机 784 → 256 (ReLU) → 10，SGD，学习率 0.01，批大小 32，训练 10 轮，在交叉熵上加 L1 惩罚项 R(w) = λ·Σ|wᵢ|，λ = 0.01。第二篇文章（讲正则化用于医学图像诊断的那篇）没有说用什么数据集；它的代码用 Adam 和均方误差编译模型（L1 遇上 Adam 会怎样，见笔记本 03 第 4 节）。两篇文章的代码都没有真正施加 L1：
//
// 1. **第一篇文章声明了 λ，却从未使用它。** 代码里写了 `l1_lambda = 0.01`，但模型编译和训练用的都是不带任何正则项的交叉熵，各层也没有设置正则化器；这个变量从头到尾没有被读取过。它所谓的"L1"实验，其实是一个没有任何正则化的网络。
// 2. **第二篇文章的"L1"根本不是 L1，而且它调用的 API 并不存在。** 它的 `l1_regularization` 函数返回 `np.sum(params**2) * rate`，这是权重的平方和，也就是 L2 惩罚项。此外，它从 `tensorflow.keras.layers` 导入一个 `L1Regularization` 层，还调用了 `model.add_column(...)`；这两样 Keras 都没有，所以这段代码根本跑不起来。
//
// 在 Keras 中能运行的写法是在层上设置 `kernel_regularizer=tf.keras.regularizers.l1(0.01)`。但这治不了病：Keras 在每一步把 0.01·Σ|w| 加到该批次的平均损失上，和下面"惩罚项加在损失里"的那次运行完全一样，所以那个网络同样会坍缩（第 4 节）。
//
// 本笔记本按第一篇文章描述的实验来做，并让 λ·Σ|w| 真正进入更新：一次把惩罚项加进损失（文章描述的做法），一次用笔记本 03 的近端步。

var mnist = Mnist.Load(DataPaths.FindDataDirectory());
var train = mnist.Train.Take(trainSamples);
var test = mnist.Test.Take(testSamples);
mnist.Dispose();
lesson.Display($"train: {train.Count} images, test: {test.Count} images, {train.ImageSide}×{train.ImageSide} pixels in [0, 1]");

// 每次运行都从同一个带种子的网络出发（`Mlp.Create` 为初始权重设定种子），并以同样的带种子顺序读取批次。`Trainer` 就是笔记本 03 里那个循环的一次性封装。每一步做三件事：
//
// 1. **前向传播**，并计算该批次的交叉熵；
// 2. **求梯度。** 默认情况下（`TrainingOptions.UseHandDerivedStep = true`），`HandDerivedStep` 用笔记本 03 中手工写出的公式计算梯度，比自动微分更快。设置 `UseHandDerivedStep = false` 时，由自动微分的 `backward()` 计算。作为损失一部分的惩罚项在这里加上它的梯度：以惩罚项形式施加的 L1 是 λ·sign(w)，L2 是 λ₂·w；
// 3. **更新**，两条路径调用的是同一个库函数：对每个权重矩阵执行 `Updates.GradientStep`、`Updates.SubgradientStep` 或 `Updates.ProximalStep`（后者用 `L1.SoftThresholdInPlace` 做软阈值）。
//
// 所以下面的运行走的是快速路径。在 λ = 0.01 的两次运行之后，会把其中一种设置再用自动微分训练一遍，检查两条路径得到同一个模型。每轮结束后，训练器记录数据损失、惩罚项、准确率、精确为零的权重比例和耗时。

var models = new Dictionary<string, Mlp>();

RunResult Run(string name, L1Mode? mode, double lambda, int runEpochs, bool autograd = false)
{
    var model = Mlp.Create([784, 256, 10], seed);
    var options = new TrainingOptions { Epochs = runEpochs, Seed = seed, L1Lambda = lambda, L1Mode = mode ?? L1Mode.Penalty, UseHandDerivedStep = !autograd };
    // One line per epoch while it trains (the full run takes a while).
    var log = new SyncProgress<TrainingProgress>(p => { if (p.Completed is { } m) Console.WriteLine($"{name} epoch {m.Epoch}/{runEpochs}: {m.Summary}"); });
    var history = new Trainer(options).Fit(model, train, test, log);
    models[name] = model;
    var result = new RunResult(name, mode, lambda, history);
    var path = autograd ? "autograd backward()" : "hand-derived gradients";
    Console.WriteLine($"{name,-22} test accuracy {result.Final.TestAccuracy:P2}, exact zeros {result.Final.ZeroFraction:P2}, {result.Seconds:F1} s ({path})");
    return result;
}

var baseline = Run("baseline", null, 0, epochs);

// 现在取 λ = 0.01，先把惩罚项加进损失，再用近端步（先在交叉熵上走梯度步，再以 η·λ 做软阈值）。
//
// 惩罚项加在损失里时，λ·Σ|w| 的梯度是 λ·sign(w)（笔记本 02）。在快速路径上，`HandDerivedStep` 用 `L1.SubgradientInto` 把它加到数据梯度上；如果设置 `UseHandDerivedStep = false`，自动微分对 `L1.Penalty` 求导也会得到同样的项。然后由 `Updates.GradientStep` 更新权重。

var l1Penalty = Run("L1 λ=0.01 penalty", L1Mode.Penalty, 0.01, epochs);

var l1Proximal = Run("L1 λ=0.01 proximal", L1Mode.Proximal, 0.01, epochs);
var runs = new[] { baseline, l1Penalty, l1Proximal };

// ### 两条路径，同一个模型
//
// 上面的运行用的是手推的梯度。下面的单元格在（至多）前 10,000 张训练图像上把同一种设置训练两次，每次一轮，从相同的初始权重出发、按相同的批次顺序：一次走快速路径，一次设置 `UseHandDerivedStep = false`，由自动微分的 `backward()` 计算梯度。两者调用同一个更新（`Updates.ProximalStep`），所以权重必须在浮点舍入误差（10⁻⁵；舍入误差随步数增长，所以用较短的运行）内一致，准确率之差至多为 256 张图像中的一张。λ = 10⁻³ 会让一部分权重精确为零、其余仍然有效，所以这项检查比较的是一个真正的模型，而不是一个已经坍缩为零的模型。

var checkOptions = new TrainingOptions { Epochs = 1, Seed = seed, L1Lambda = 1e-3, L1Mode = L1Mode.Proximal };
var checkTrain = train.Take(10000);
var checkImages = checkTrain.Count;
var byHand = Mlp.Create([784, 256, 10], seed);
var byAutograd = Mlp.Create([784, 256, 10], seed);
var handCheck = new Trainer(checkOptions).Fit(byHand, checkTrain, test)[^1];
var autogradCheck = new Trainer(checkOptions with { UseHandDerivedStep = false }).Fit(byAutograd, checkTrain, test)[^1];
var weightGap = byHand.parameters().Zip(byAutograd.parameters(), (a, b) => (a - b).abs().max().item<float>()).Max();
var accuracyGap = Math.Abs(handCheck.TestAccuracy - autogradCheck.TestAccuracy);
byHand.Dispose();
byAutograd.Dispose();
checkTrain.Dispose();
lesson.Display($"1 epoch on {checkImages:N0} images, proximal λ = 1e-3. Hand-derived: test accuracy {handCheck.TestAccuracy:P2}, {handCheck.ZeroFraction:P2} exact zeros, {handCheck.Seconds:F1} s. Autograd: {autogradCheck.TestAccuracy:P2}, {autogradCheck.ZeroFraction:P2} exact zeros, {autogradCheck.Seconds:F1} s. Largest weight difference {weightGap:E1}.");

Check.That(weightGap <= 1e-5, "both paths give the same weights to 1e-5");
Check.That(accuracyGap <= 1.0 / 256, "both paths agree on test accuracy to one image in 256");

// ## 2. 训练曲线与结果表

lesson.Display(Charts.DataLoss(runs));
lesson.Display(Charts.TestAccuracy(runs));

lesson.Display(ResultsTable.ToDataFrame(runs));

var fullSize = epochs >= 10 && trainSamples >= 60000 && testSamples >= 10000;   // the parameters cell's defaults
Check.That(!fullSize || (l1Penalty.Final.NearZeroFraction > 0.99 && l1Penalty.Final.ZeroFraction < 0.01), "at full size the penalty run has almost every weight below 10⁻³ but almost none exactly zero");
Check.That(!fullSize || l1Proximal.Final.ZeroFraction == 1.0, "at full size the proximal run has every weight exactly zero");

// 表中是本次运行的数字。按完整规模运行时（参数单元格的默认值：在全部 60,000 张图像上训练 10 轮），基线远高于随机猜测，而两次 λ = 0.01 的运行最终都停在"对每张图像回答同一个数字"的准确率上。此时惩罚项那次运行几乎所有权重都小于 10⁻³，却几乎没有一个精确为零；近端步那次运行则所有权重都精确为零。第 4 节会在运行足够长、足以引起坍缩时检查这一坍缩，并解释为什么快速运行（2,000 张图像训练一轮）不会坍缩；另外两句话由上面折叠的检查单元格在完整规模下核对。本笔记本的完整规模数字在 `results/full-size/` 中（由 `scripts/full-size-run.sh` 生成）；README 的结果表列出的是 `reproduce` 运行的数字。
//
// ## 3. 逐层看稀疏性
//
// `Sparsity.Measure` 对每个权重矩阵（偏置不做正则化）统计精确为 0 的权重数，以及 |w| < 10⁻³ 的权重数。

var sparsityRows = runs.SelectMany(r => Sparsity.Measure(models[r.Run]).Layers.Select(l => (r.Run, l))).ToList();
lesson.Display(new DataFrame(
    new StringDataFrameColumn("run", sparsityRows.Select(s => s.Run)),
    new StringDataFrameColumn("layer", sparsityRows.Select(s => s.l.Name)),
    new Int64DataFrameColumn("weights", sparsityRows.Select(s => s.l.Count)),
    new Int64DataFrameColumn("exact zeros", sparsityRows.Select(s => s.l.Zeros)),
    new DoubleDataFrameColumn("zero fraction", sparsityRows.Select(s => Math.Round(s.l.ZeroFraction, 4))),
    new DoubleDataFrameColumn("|w| < 1e-3 fraction", sparsityRows.Select(s => Math.Round(s.l.NearZeroFraction, 4)))));

// 惩罚项加在损失里的那次运行，即使权重已经非常小，也（几乎）没有精确的零：次梯度更新让它们在零的两侧来回跳（[笔记本 02 第 6 节](02-l1-penalty.cs)）。近端步的那次运行则把它们置为精确的零。

Check.That(Sparsity.Measure(models["L1 λ=0.01 proximal"]).Zeros > Sparsity.Measure(models["baseline"]).Zeros, "the proximal L1 run has more exact zeros than the baseline");
Check.That(Sparsity.Measure(models["L1 λ=0.01 penalty"]).NearZeroFraction > Sparsity.Measure(models["baseline"]).NearZeroFraction, "the L1 penalty pushes more weights near zero than the baseline has");

// ## 4. λ = 0.01 做了什么，为什么
//
// 比较训练开始时目标函数两项的大小。PyTorch 把 `Linear(784, 256)` 的权重初始化为 ±1/√784 = ±1/28 内的均匀分布，所以平均 |w| 约为 1/56 ≈ 0.018——而这样的权重有 784·256 = 200,704 个。

var fresh = Mlp.Create([784, 256, 10], seed);
double initialLoss, initialPenalty, sumAbs;
using (torch.no_grad())
{
    initialLoss = Losses.CrossEntropy(fresh.forward(train.Images), train.Labels).item<float>();
    sumAbs = L1.Penalty(fresh, 1.0).item<float>();
    initialPenalty = 0.01 * sumAbs;
}
var weightCount = Sparsity.Measure(fresh).Count;
var largestInitialAbs = fresh.Layers.Max(l => l.weight!.detach().abs().max().item<float>());
lesson.Display($"{weightCount:N0} weights, Σ|w| = {sumAbs:F0}: data loss {initialLoss:F3} vs penalty λ·Σ|w| = {initialPenalty:F1} ({initialPenalty / initialLoss:F0}× larger); mean |w| {sumAbs / weightCount:G3}, largest |w| {largestInitialAbs:G3}");

Check.That(initialPenalty > 10 * initialLoss, "with λ = 0.01 the penalty is more than ten times the data loss at initialisation");

// λ = 0.01 时，惩罚项是数据损失的十倍以上，因此最小化两者之和首先就意味着把 Σ|w| 压小。从更新的角度看：不管数据怎么说，每一步都把每个权重朝零移动 η·λ。一个权重要想保留下来，它的数据梯度必须一步接一步地在绝对值上超过 λ；几乎没有权重做得到。
//
// 一旦输出层的权重（几乎）为零，网络就卡住了：传到第一层的梯度要乘上这些权重，于是也随之消失，只有偏置还在学习。此时网络对每张图像都预测同一个数字，准确率就是这个数字在测试集中所占的比例：

var classShare = test.ClassCounts().Max() / (double)test.Count;
lesson.Display($"most frequent test digit: {classShare:P2} of the test set; L1 λ=0.01 test accuracy: penalty {l1Penalty.Final.TestAccuracy:P2}, proximal {l1Proximal.Final.TestAccuracy:P2}");

// 这次运行会坍缩吗？把拉力累加起来：经过 `steps` 次更新后，仅软阈值一项就已把一个权重朝零移动了 steps·η·λ。最晚被拉到零的是*最大*的初始权重，而不是典型的权重：每层都在 ±1/√fan_in 内均匀初始化，所以最大的 |w| 约为 1/√256 = 1/16 ≈ 0.063（在输出层），是第 4 节打印的平均 |w|（约 0.018）的三倍多。一旦 steps·η·λ 超过它，凡是数据梯度始终小于 λ 的权重（笔记本 02 的最优性条件）都已有足够的时间到达精确的零；而输出层一旦全为零，第一层就再也收不到任何数据梯度。单元格计算比值 steps·η·λ /（最大初始 |w|）；比值大于 1 时，一个折叠的检查单元格断言坍缩：两次 λ = 0.01 的运行最终都落在最常见数字所占比例的一个百分点以内。比值小于 1 时，说明运行太短、来不及坍缩，单元格会如实说明。

var defaults = new TrainingOptions();
long StepsOf(int runEpochs, long images) => runEpochs * ((images + defaults.BatchSize - 1) / defaults.BatchSize);
double Ratio(long steps) => steps * defaults.LearningRate * 0.01 / largestInitialAbs;   // steps·η·λ against the largest |w| at initialisation
var runSteps = StepsOf(epochs, train.Count);
var ratio = Ratio(runSteps);
var collapsed = new[] { l1Penalty, l1Proximal }.All(run => Math.Abs(run.Final.TestAccuracy - classShare) <= 0.01);
lesson.Display(words.Say($"this run: {runSteps:N0} steps, steps·η·λ = {runSteps * defaults.LearningRate * 0.01:G3}; largest |w| at initialisation {largestInitialAbs:G3}; ratio {ratio:F2}"));
lesson.Display(words.Say($"at full size (10 epochs of 60,000 images): {StepsOf(10, 60000):N0} steps, ratio {Ratio(StepsOf(10, 60000)):F1}"));
lesson.Display(ratio > 1
    ? words.Say($"ratio > 1: collapsed = {collapsed} (penalty {l1Penalty.Final.TestAccuracy:P2}, proximal {l1Proximal.Final.TestAccuracy:P2}, most frequent digit {classShare:P2})")
    : words.Say($"ratio ≤ 1: this run is too short for the pull to reach every weight, so no collapse is asserted (penalty {l1Penalty.Final.TestAccuracy:P2}, proximal {l1Proximal.Final.TestAccuracy:P2}, baseline {baseline.Final.TestAccuracy:P2})"));

Check.That(ratio <= 1 || collapsed, "once steps·η·λ exceeds the largest initial |w|, both λ = 0.01 runs collapse to the most frequent digit");

// 快速运行（CI 中 2,000 张图像训练一轮）的步数远少于完整运行，所以它的比值始终低于 1，检查单元格不做任何断言：拉力只把最小的那些权重压到了零，λ = 0.01 的两次运行并没有坍缩到只回答一个数字（单元格把它们的准确率与基线的并列打印出来）。按完整规模运行时，同一个单元格打印出远大于 1 的比值，检查单元格在那时断言坍缩。两者的机制相同，只是步数不同。

// ## 5. 小范围扫描 λ
//
// 惩罚项只需与数据损失大小相当，而不是压倒它。我们用近端步依次尝试 λ = 10⁻⁴、3·10⁻⁴ 和 10⁻³。为了让本笔记本保持简短，扫描最多训练 5 轮，并与训练同样轮数的基线比较。

var scanEpochs = Math.Min(epochs, 5);
var lambdas = new[] { 1e-4, 3e-4, 1e-3 };
var scan = lambdas.Select(l => Run($"proximal λ={l:G2}", L1Mode.Proximal, l, scanEpochs)).ToList();
var reference = baseline.Epochs[scanEpochs - 1];
lesson.Display(new DataFrame(
    new DoubleDataFrameColumn("λ", lambdas.Prepend(0.0)),
    new DoubleDataFrameColumn("test accuracy", scan.Select(r => r.Final.TestAccuracy).Prepend(reference.TestAccuracy)),
    new DoubleDataFrameColumn("exact zeros (all weights)", scan.Select(r => Math.Round(r.Final.ZeroFraction, 4)).Prepend(reference.ZeroFraction)),
    new DoubleDataFrameColumn("exact zeros, layer 1", scan.Select(r => Math.Round(Sparsity.Measure(models[r.Run]).Layers[0].ZeroFraction, 4)).Prepend(0.0)),
    new DoubleDataFrameColumn("exact zeros, layer 2", scan.Select(r => Math.Round(Sparsity.Measure(models[r.Run]).Layers[1].ZeroFraction, 4)).Prepend(0.0))));

var tradeoff = new Figure($"Accuracy vs sparsity after {scanEpochs} epoch(s); baseline accuracy {reference.TestAccuracy:P1}",
    Axis.Linear("fraction of weights exactly 0"), Axis.Linear("test accuracy (fraction of test images)"),
    new LineSeries("proximal L1", scan.Select(r => r.Final.ZeroFraction).ToArray(), scan.Select(r => r.Final.TestAccuracy).ToArray())
    { Markers = true, Labels = lambdas.Select(l => $"λ = {l:G2}").ToArray() });
lesson.Display(tradeoff);

// λ 越大，置零的权重越多，超过某一点后就开始损失准确率：这是这次扫描显示的结果。它是一个观察，而不是定律。即使在 lasso 中（答案不依赖训练路径），非零系数的集合也不随 λ 单调变化（随着 λ 增大，一个系数可能先变成零、后来又变回非零）；而这里每个 λ 都从同一起点出发，走的是各自的训练路径。所以单元格只打印零的比例，而不断言它们的大小顺序。

lesson.Display($"exact zeros by λ: {string.Join(", ", scan.Select(r => $"{r.Lambda:G2}: {r.Final.ZeroFraction:P1}"))}");

Check.That(scan[^1].Final.ZeroFraction > 0, "λ = 10⁻³ with the proximal step zeroes some weights");
var scanLayer1 = Sparsity.Measure(models["proximal λ=0.001"]).Layers[0].ZeroFraction;
Check.That(!fullSize || (scanLayer1 > 0.5 && reference.TestAccuracy - scan[^1].Final.TestAccuracy is > 0 and < 0.05), "at full size λ = 10⁻³ prunes most of the first layer for a few points of accuracy");
Check.That(!fullSize || (reference.TestAccuracy - scan[0].Final.TestAccuracy < 0.01 && scan[0].Final.ZeroFraction < scan[^1].Final.ZeroFraction), "at full size λ = 10⁻⁴ costs less than a point of accuracy and prunes less than λ = 10⁻³");

// 上表是本次运行的数字：对每个 λ，把测试准确率与训练同样轮数的基线（λ = 0 那一行）比较，并查看每层精确为零的权重。按完整规模运行时，较大的 λ 以几个百分点的准确率代价剪掉第一层的大部分权重，而 λ = 10⁻⁴ 的代价不到一个百分点，剪掉的却少得多（上面折叠的检查单元格核对这两点；数字见 `results/full-size/`）。
//
// ## 6. 把第一层的权重画成图像
//
// 256 个隐藏单元中的每一个都有 784 个输入权重，每个像素一个：重排成 28×28 后，就能看出哪些像素激活（红色）或抑制（蓝色）该单元。`Images.Grid` 使用发散色图，把精确为零的权重画成纯白色。下面分别是基线、λ = 0.01（惩罚项加在损失里）以及扫描中 λ = 10⁻³ 近端步那次运行的前 64 个单元，每组使用各自的色标。

PngImage FirstLayer(string run) => Images.Grid(models[run].Layers[0].weight!.detach()[..64], side: 28, columns: 8, scale: 2, diverging: true);
string LargestWeight(string run) => $"largest |w| shown: {models[run].Layers[0].weight!.detach()[..64].abs().max().item<float>():G3}";
lesson.Display($"baseline; {LargestWeight("baseline")}");
lesson.Display(FirstLayer("baseline"));
lesson.Display($"L1 λ=0.01, penalty in the loss; {LargestWeight("L1 λ=0.01 penalty")}");
lesson.Display(FirstLayer("L1 λ=0.01 penalty"));
lesson.Display($"L1 λ=0.001, proximal ({scanEpochs} epochs); {LargestWeight("proximal λ=0.001")}");
lesson.Display(FirstLayer("proximal λ=0.001"));

Check.That(!fullSize || models["L1 λ=0.01 penalty"].Layers[0].weight!.detach().abs().max().item<float>() < 1e-3, "at full size every first-layer weight of the λ = 0.01 penalty run is tiny (below 10⁻³)");

// 基线的各个单元看起来像是覆盖整幅图像的笔画的嘈杂混合；边缘处的斑点是随机初始化留下的，从未被改动过，因为这些像素在（几乎）每张 MNIST 图像中都是 0，它们的权重得不到梯度。用近端步、λ = 10⁻³ 时，边缘处的权重精确为零，许多单元缩成了中央的一小块，或者完全消失——这正是 L1 所承诺的剪枝。λ = 0.01 且惩罚项加在损失里时，按完整规模运行后什么有用的东西都没剩下：每个权重都非常小（每幅图都按自己最大的权重缩放，最大值印在图的上方），看起来像噪声的东西，正是[笔记本 02 第 6 节](02-l1-penalty.cs)那种在零两侧的来回跳。
//
// ## 小结
//
// - 两篇文章的代码都没有真正施加 L1：第一篇声明了 λ 却从未使用，第二篇计算的是平方和（L2），而且用的是 Keras 中并不存在的 API。
// - 当 λ·Σ|w| 在 λ = 0.01 下真正施加时，惩罚项一开始就比数据损失大十倍以上（第 4 节打印了两者，以及权重的个数和平均大小）。一旦 steps·η·λ 超过最大的初始 |w|，权重就坍缩到零附近，网络对每张图像都预测同一个数字——惩罚项加在损失里也好，用近端步也好，都是如此。
// - 惩罚项加在损失里只能让权重变小；近端步才能让它们精确为零。
// - 训练器的快速路径手工计算梯度，自动微分则用 `backward()` 计算；两者执行同一个 `Updates` 步骤，得到同一个模型。
// - 用近端步且 λ 取 10⁻⁴ 到 10⁻³ 之间时，相当大一部分权重被置零（从边缘像素开始），准确率代价很小（见第 5 节的扫描表）。笔记本 05 会规范地选择 λ：在验证集上选，而不是在测试集上选。

// ## 练习
//
// 每道练习都要求写一个函数。在学生版中，它的答案单元格里是这个函数，其中有一行会抛出 `NotImplementedException`：把这一行换成你的代码。下面的测试单元格检查你的答案，并说明它检查了什么；评分程序（`l1lab workshop grade`）运行同样的测试，另外还有几个针对其他输入的隐藏测试。

// ### 练习 1：被模型关掉的像素
//
// 如果一个像素在第一层发出的所有权重都精确为 0，就说这个像素被关掉了。编写 `long DeadPixels(Mlp model)`，根据 `model.Layers[0].weight`（形状为 hidden × 784：每个像素一列）统计这样的像素个数。
//
// *检查内容（2 分）：* 测试检查一个全新的模型（没有被关掉的像素）和一个有十列被置为 0 的模型，然后显示上面训练的每个模型的计数；隐藏测试检查只有一个非零权重的列。

long DeadPixels(Mlp model)
{
    // BEGIN SOLUTION
    using var scope = torch.NewDisposeScope();
    return model.Layers[0].weight!.detach().eq(0).all(0).sum().item<long>();
    // END SOLUTION
}

// Test: a fresh model has no dead pixel; zeroing 10 columns makes 10.
var deadModel = Mlp.Create([784, 16, 10], 1);
if (DeadPixels(deadModel) != 0) throw new Exception($"a fresh model should have no dead pixel, got {DeadPixels(deadModel)}");
using (torch.no_grad()) deadModel.Layers[0].weight![TensorIndex.Colon, TensorIndex.Slice(0, 10)].zero_();
if (DeadPixels(deadModel) != 10) throw new Exception($"10 zeroed columns should give 10 dead pixels, got {DeadPixels(deadModel)}");
lesson.Display(string.Join("; ", models.Select(m => $"{m.Key}: {DeadPixels(m.Value)} of 784 pixels switched off")));
// BEGIN HIDDEN TESTS
using (torch.no_grad()) deadModel.Layers[0].weight![3, 5] = torch.tensor(0.5f);
if (DeadPixels(deadModel) != 9) throw new Exception("a column with one nonzero weight is not dead");
foreach (var (name, m) in models)
    if (DeadPixels(m) != m.Layers[0].weight!.detach().eq(0).all(0).sum().item<long>()) throw new Exception($"DeadPixels is wrong for {name}");
deadModel.Dispose();
// END HIDDEN TESTS

// ### 练习 2：精确为零的比例
//
// 编写 `double ExactZeroFraction(Mlp model)`，返回所有层的权重（权重矩阵，不含偏置）中精确为 0 的比例。上面哪个模型的比例最高？基线为什么一个也没有？（笔记本 06 会训练一个 L2 模型；按笔记本 02 的最优性条件，那里也不该有。）
//
// *检查内容（1 分）：* 测试检查一个全新的模型（0）和一个第一层全为零的模型；隐藏测试对每个训练好的模型与 `Sparsity.Measure` 比较。

double ExactZeroFraction(Mlp model)
{
    // BEGIN SOLUTION
    // L2 shrinks each weight in proportion to its size, so it never makes one exactly zero; only the proximal step does.
    long zeros = 0, count = 0;
    foreach (var layer in model.Layers)
    {
        var w = layer.weight!.detach();
        zeros += w.eq(0).sum().item<long>();
        count += w.numel();
    }
    return (double)zeros / count;
    // END SOLUTION
}

// Test: 0 for a fresh model; 784·16 of 784·16 + 16·10 weights after zeroing the first layer.
var zerosModel = Mlp.Create([784, 16, 10], 2);
if (ExactZeroFraction(zerosModel) != 0) throw new Exception($"a fresh model has no exact zero, got {ExactZeroFraction(zerosModel)}");
using (torch.no_grad()) zerosModel.Layers[0].weight!.zero_();
var zerosExpected = 784.0 * 16 / (784 * 16 + 16 * 10);
if (Math.Abs(ExactZeroFraction(zerosModel) - zerosExpected) > 1e-12) throw new Exception($"expected {zerosExpected}, got {ExactZeroFraction(zerosModel)}");
zerosModel.Dispose();
lesson.Display(string.Join("; ", models.Select(m => $"{m.Key}: {ExactZeroFraction(m.Value):P2} exact zeros")));
// BEGIN HIDDEN TESTS
foreach (var (name, m) in models)
    if (Math.Abs(ExactZeroFraction(m) - Sparsity.Measure(m).ZeroFraction) > 1e-12) throw new Exception($"ExactZeroFraction is wrong for {name}");
// END HIDDEN TESTS

train.Dispose();
test.Dispose();
foreach (var m in models.Values) m.Dispose();
lesson.Display("done");

// [下一节：05 — 选择 λ](05-choosing-lambda.cs) · [课程概览](../../README.zh-CN.md)
