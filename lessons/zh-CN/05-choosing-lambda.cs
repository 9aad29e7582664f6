#:project ../../lib/L1Lab/L1Lab.csproj
// # 05 — 选择 λ：正则化路径与交叉验证
//
// 学完本笔记本，你将能够画出正则化路径（准确率和稀疏性随 λ 的变化），解释为什么在测试集上选 λ 会得到偏乐观的数字，从零实现 K 折交叉验证，用"均值最高"规则或"一倍标准误"规则选择 λ，并为选定的 λ 报告一个诚实的测试准确率。
//
// **预备知识：** [02 — L1 惩罚项](02-l1-penalty.cs)（软阈值）和 [04 — MNIST 实验](04-mnist-experiment.cs)（用 `Trainer` 在 MNIST 上训练带 L1 正则化的 MLP、近端模式、精确的零）；均值、标准差。
//
// 本课程纠正的两篇文章中，第一篇对"怎样选 λ"的回答是"在训练数据上做 K 折交叉验证"，然后就没有下文了（第二篇没有讨论怎样选 λ）。本笔记本把这件事真正做一遍。
//
// Exported from notebooks/zh-CN/05-choosing-lambda.ipynb by `l1lab notebooks export --to cs`: edit the notebook and export again, not this file.
// Run it with `dotnet run lessons/zh-CN/05-choosing-lambda.cs`; quick values: `dotnet run lessons/zh-CN/05-choosing-lambda.cs -- --quick`; one value:
// `-- --set name=value`. Text prints here; figures are written as SVG/HTML files to out/ next to this file.

using TorchSharp;
using static TorchSharp.torch;
using Microsoft.Data.Analysis;
using L1Lab.Visuals;
using L1Lab;
using L1Lab.Data;
using L1Lab.Models;
using L1Lab.Training;
using L1Lab.Experiments;
using L1Lab.Results;
using L1Lab.Lessons;

// Parameters (the notebook's cell tagged "parameters"): edit them here or set them on the command line.
var lesson = Lesson.Start(args, parameters: ["trainSamples", "testSamples", "epochs", "folds"], quick: ["trainSamples=2000", "testSamples=1000", "epochs=1", "folds=2"]);
var trainSamples = lesson.Parameter("trainSamples", 10000); // MNIST training images: the sweep, the folds and the final model all use these
var testSamples = lesson.Parameter("testSamples", 10000);  // MNIST test images: used once, for the final evaluation in section 5
var epochs = lesson.Parameter("epochs", 10);          // passes over the training images for every model
var folds = lesson.Parameter("folds", 5);            // K of K-fold cross-validation

L1Lab.Native.TorchRuntime.Initialize(); // before any torch call (see 00-setup)
var words = Words.For("zh-CN");   // the language of the sentences cells print (each edition names its own)
torch.random.manual_seed(5);
lesson.Display("ready");

// 参数：快速运行时可以覆盖的规模设置（`--set epochs=1`）。按完整规模要训练 8 + 8·K + K + 1 = 54 个小模型（8 个候选 λ，K = 5）；`scripts/full-size-run.sh` 会运行它们，并把正文引用的数字写入 `results/full-size/`。

// ## 0. 数据与设置
//
// 取 MNIST 训练集的前 `trainSamples` 张图像和测试集的前 `testSamples` 张图像；测试图像一直不动，直到第 5 节。下面每个模型都是[笔记本 04](04-mnist-experiment.cs) 中的 784 → 256 → 10 MLP，使用相同的 `TrainingOptions`（SGD，学习率 0.01，批大小 32，种子 42，用近端步施加 L1，使权重能精确为零）；唯一变化的是 λ。

var mnist = Mnist.Load(DataPaths.FindDataDirectory());
var train = mnist.Train.Take(trainSamples);
var test = mnist.Test.Take(testSamples);
mnist.Dispose();

var lambdas = new[] { 0.0, 1e-5, 1e-4, 3e-4, 1e-3, 2e-3, 3e-3, 1e-2 };
var training = new TrainingOptions { Epochs = epochs, L1Mode = L1Mode.Proximal };
lesson.Display($"{train.Count} training images, {test.Count} test images; λ ∈ {{{string.Join(", ", lambdas)}}}; {training}");

// ## 1. 正则化路径
//
// **正则化路径**描述的是模型随 λ 增大而发生的变化：每个 λ 训练一个全新的模型，都从相同的初始权重出发，采用相同的打乱顺序，使 λ 成为唯一的区别。为了画出这条路径而不碰测试集，我们把训练图像的最后五分之一留出来作为**验证集**，只在其余五分之四上训练。`Sweep.Run` 为每个 λ 训练一个模型，并记录最终的训练准确率、验证准确率和精确为零的权重比例。λ = 0 是不加正则化的基线。

var cut = train.Count * 4 / 5;
var pathTrain = train.Subset(Enumerable.Range(0, cut).Select(i => (long)i).ToArray());
var pathValidation = train.Subset(Enumerable.Range(cut, train.Count - cut).Select(i => (long)i).ToArray());
var sweep = Sweep.Run(pathTrain, pathValidation, new SweepOptions { Lambdas = lambdas, Training = training });   // evaluated on validation, not test
var sweepTable = Sweep.ToDataFrame(sweep);
sweepTable.Columns.RenameColumn("test_accuracy", "validation_accuracy");
sweepTable.Columns.RenameColumn("gap", "train_validation_gap");
lesson.Display(sweepTable);

// λ 跨越三个数量级，所以图中的 λ 轴用对数刻度。λ = 0 在对数轴上没有位置（log 0 = −∞）；`SweepCharts` 改为把它画成贯穿整个范围的灰色虚线，这样每个 λ 都能与"不加正则化"相比较。

lesson.Display(SweepCharts.Accuracy(sweep, heldOut: "validation"));
lesson.Display(SweepCharts.Sparsity(sweep));

// 同一条路径，加上一个 λ 的滑块（需要能运行脚本的前端；在其他地方，图上显示的是第一个大于 0 的 λ）：标出的两个点是用这个 λ 训练的模型的验证准确率和精确为零的权重比例。

var pathRows = sweep.Where(r => r.Lambda > 0).OrderBy(r => r.Lambda).ToList();
var pathLambdas = pathRows.Select(r => r.Lambda).ToArray();
lesson.Display(new SliderFigure("λ", pathRows.Select(r => (r.Lambda, new Figure($"λ = {r.Lambda:G2}: validation accuracy {r.TestAccuracy:P1}, {r.ZeroFraction:P1} of the weights exactly 0",
    Axis.Log("λ (log scale)"), Axis.Linear("fraction"),
    new LineSeries("validation accuracy", pathLambdas, pathRows.Select(p => p.TestAccuracy).ToArray()),
    new LineSeries("weights exactly 0", pathLambdas, pathRows.Select(p => p.ZeroFraction).ToArray()),
    new ScatterSeries("this λ: accuracy", [r.Lambda], [r.TestAccuracy]),
    new ScatterSeries("this λ: zeros", [r.Lambda], [r.ZeroFraction])) { Width = 720, Height = 420 }))));

// 对本次运行做两条检查：不加 L1 时没有任何权重精确为零；最大的 λ 比最小的正 λ 得到更多精确的零。λ 越大、零越多，而且在路径的*每一步*都如此，这是通常看到的情形，但并不是定理：即使是 lasso，非零系数的集合也不随 λ 单调变化；而这里每个 λ 走的是各自的训练路径。所以我们只打印这条路径，而不断言它单调。

lesson.Display(string.Join("  ", sweep.Select(r => $"λ={r.Lambda:g2}: {r.TestAccuracy:P1} validation, {r.ZeroFraction:P1} zeros")));

var zerosAlongPath = sweep.OrderBy(r => r.Lambda).Select(r => r.ZeroFraction).ToArray();
Check.That(zerosAlongPath[0] == 0, "without L1 no weight is exactly zero");
Check.That(zerosAlongPath[^1] > zerosAlongPath[1], "the largest λ gives more exact zeros than the smallest positive λ");

// 上面一行列出了本次运行中每个 λ 的验证准确率和精确为零的比例。按完整规模运行时（参数单元格的默认值；下面折叠的检查单元格核对这些说法，`results/full-size/` 保存了数字），最小的 λ 几乎不改变准确率；从大约 10⁻³ 开始，准确率开始下降，到 2·10⁻³ 时大部分权重已经精确为零；最大的 λ 让模型坍缩到只回答一个数字，所有权重都为零。权重全为零的网络不管输入什么图像都只输出它的偏置，于是对每张图像给出同一个答案，它的准确率就是这个数字在验证图像中所占的比例。
//
// 所以这条路径先是平的，然后弯下来，最后跌下悬崖：小的 λ 去掉权重几乎不损失准确率，大的 λ 则去掉了有用的权重。还可以在表中比较接近零（|w| < 10⁻³）的比例和精确为零的比例：许多权重恰好停在阈值之上。快速运行（图像更少、只训练一轮）得到的数字会不同；要看的是路径的形状。

var fullSize = trainSamples >= 10000 && epochs >= 10;   // the parameters cell's defaults
double ValidationAt(double l) => sweep.Single(r => r.Lambda == l).TestAccuracy;
double ZerosAt(double l) => sweep.Single(r => r.Lambda == l).ZeroFraction;
Check.That(!fullSize || Math.Abs(ValidationAt(1e-5) - ValidationAt(0)) < 0.01, "at full size the accuracy barely moves for the smallest λ");
Check.That(!fullSize || (ValidationAt(1e-3) < ValidationAt(1e-4) && ZerosAt(2e-3) > 0.5), "at full size the accuracy falls from about 10⁻³, and by 2·10⁻³ most weights are exactly zero");
Check.That(!fullSize || (ZerosAt(1e-2) == 1.0 && ValidationAt(1e-2) < 0.2), "at full size the largest λ collapses the model to one digit with every weight zero");

// ## 2. 为什么测试集只用一次
//
// 很容易想从上图中读出最好的 λ，再报告它的测试准确率。这个数会**偏乐观**，原因很具体：测试准确率是基于有限样本的估计。设有 n 张测试图像、真实准确率为 p，观测到的准确率的标准误是 √(p(1 − p)/n)：p = 0.88、n = 10,000 时约为 0.33 个百分点，n = 1,000 时约为 1 个百分点。选测试准确率最高的 λ，选中的一部分是最好的模型，一部分是最走运的噪声，然后又把这份运气当作实力报告出去。
//
// 这个效应有多大？假设八个 λ 实际上同样好，都是 88 %。模拟测试评估过程：8 个模型各自以 0.88 的概率答对 n 张测试图像中的每一张，与图像无关，模型之间也相互独立；保留 8 个观测准确率中的最大值；重复 2,000 次。

var trueAccuracy = 0.88;
var candidates = lambdas.Length;
var trials = 2000;
var generator = new torch.Generator(2024);
var selected = new List<double>();
for (var chunk = 0; chunk < trials / 100; chunk++)
{
    using var scope = torch.NewDisposeScope();
    // 100 trials × 8 models × n images: correct (true) with probability 0.88, all independent.
    var correct = torch.rand(new long[] { 100, candidates, test.Count }, generator: generator).lt(trueAccuracy);
    var observed = correct.to_type(ScalarType.Float64).mean(new long[] { 2 });   // (100, 8) observed accuracies
    selected.AddRange(observed.max(1).values.data<double>().ToArray());
}
var standardError = Math.Sqrt(trueAccuracy * (1 - trueAccuracy) / test.Count);
var optimism = selected.Average() - trueAccuracy;
lesson.Display(words.Say($"true accuracy of every model {trueAccuracy:P1}; mean accuracy of the one picked on the test set {selected.Average():P2}; optimism {100 * optimism:F2} points = {optimism / standardError:F2} standard errors ({100 * standardError:F2} points)"));

// 在独立的假设下，胜出者报告的准确率平均高出约 1.4 个标准误：这正是八个独立标准正态样本最大值的期望（1.42）。可是在同一批图像上打分的真实模型并不独立：两个只差一个 λ 的模型，答对和答错的大多是同一些图像，它们的准确率一起涨落，而共同的部分在挑选最优者时相互抵消。设每张图像的结果以概率 ρ 对所有模型相同（否则各自独立抽取），那么只有独立的那部分进入最大值，它的标准误是上面那个的 √(1 − ρ) 倍，乐观偏差也随之缩小为 √(1 − ρ) 倍。下下个单元格用 ρ = 0.8 模拟这种情形：预计约为独立情形的 √0.2 ≈ 0.45 倍。所以对八个候选来说，1.4 个标准误是一个上限；候选彼此越相似，偏差越小，但永远不会消失。
//
// 候选越多，偏差越大（练习 2），而真实的搜索（λ、学习率、训练轮数、网络结构……）候选非常多。还有第二个不那么显眼的代价：一旦测试集参与了选 λ，它就成了拟合过程的一部分，不再能告诉我们模型在从未影响过它的图像（或患者）上表现如何。所以规则是：**在训练数据上做选择，测试只做一次。**

var optimismInSe = optimism / standardError;
lesson.Display(words.Say($"the best of {candidates} equally good, independent models looks {optimismInSe:F2} standard errors better than it is"));

Check.That(optimismInSe is > 1.1 and < 1.75, "with independent errors the winner is about 1.4 standard errors too high");

var sharing = 0.8;   // ρ: the probability that an image's outcome is the same for every model
var correlatedSelected = new List<double>();
for (var chunk = 0; chunk < trials / 100; chunk++)
{
    using var scope = torch.NewDisposeScope();
    var shared = torch.rand(new long[] { 100, 1, test.Count }, generator: generator).lt(trueAccuracy);        // one outcome per image
    var own = torch.rand(new long[] { 100, candidates, test.Count }, generator: generator).lt(trueAccuracy);  // one per model and image
    var useShared = torch.rand(new long[] { 100, 1, test.Count }, generator: generator).lt(sharing);
    var correct = torch.where(useShared, shared.expand(100, candidates, test.Count), own);
    correlatedSelected.AddRange(correct.to_type(ScalarType.Float64).mean(new long[] { 2 }).max(1).values.data<double>().ToArray());
}
var correlatedOptimismInSe = (correlatedSelected.Average() - trueAccuracy) / standardError;
lesson.Display($"with ρ = {sharing}: optimism {correlatedOptimismInSe:F2} standard errors; √(1 − ρ) × independent optimism = {Math.Sqrt(1 - sharing) * optimismInSe:F2}");

Check.That(Math.Abs(correlatedOptimismInSe - Math.Sqrt(1 - sharing) * optimismInSe) < 0.2, "correlated models shrink the optimism by about √(1 − ρ)");

// ## 3. 从零实现 K 折交叉验证
//
// 交叉验证从训练集里"造出"验证数据。把 N 张训练图像随机分成 K 个互不相交、大小（几乎）相等的**折**（fold）。对每一折 k：在其余 K − 1 折上训练，在第 k 折上测准确率。每张训练图像恰好被用来验证一次，每个模型都在它没见过的图像上验证，测试集则完全不碰。一个 λ 的得分是它 K 个验证准确率的均值；它们的离散程度说明两个 λ 之间的差别有多少是噪声。
//
// 先构造折：对 0 … N − 1 做一次带种子的随机排列，切成 K 段连续的片段（前 N mod K 段各多一个索引），为便于阅读，每段内部排好序。

var foldSeed = 42;
var order = Enumerable.Range(0, train.Count).Select(i => (long)i).ToArray();
new Random(foldSeed).Shuffle(order);   // a seeded random permutation of 0 … N − 1
var foldsByHand = new List<long[]>();
var next = 0;
for (var f = 0; f < folds; f++)
{
    var size = train.Count / folds + (f < train.Count % folds ? 1 : 0);
    foldsByHand.Add(order[next..(next + size)].Order().ToArray());
    next += size;
}
var labels = train.Labels.data<long>().ToArray();
lesson.Display(new DataFrame(
    new Int32DataFrameColumn("fold", Enumerable.Range(1, folds)),
    new Int32DataFrameColumn("images", foldsByHand.Select(x => x.Length)),
    new StringDataFrameColumn("first indices", foldsByHand.Select(x => string.Join(", ", x.Take(6)) + ", …")),
    new StringDataFrameColumn("images per digit 0–9", foldsByHand.Select(x => string.Join(" ", x.GroupBy(i => labels[i]).OrderBy(g => g.Key).Select(g => g.Count()))))));

// 这些折必须构成索引的一个**划分**：合起来包含 0 … N − 1 中的每个索引，且没有索引出现两次。把所有折的索引放在一起排序，必须恰好得到 0, 1, …, N − 1。

var allIndices = foldsByHand.SelectMany(x => x).Order().ToArray();
lesson.Display($"{folds} folds, {allIndices.Length} indices, each exactly once; sizes {string.Join(", ", foldsByHand.Select(x => x.Length))}");

Check.That(allIndices.SequenceEqual(Enumerable.Range(0, train.Count).Select(i => (long)i)), "every index 0 … N − 1 lies in exactly one fold");

// `CrossValidation.Folds(count, k, seed)` 用同样的方式构造折（它把 64 位种子转换为 `Random` 的种子 seed ⊕ (seed ≫ 32)，对 42 来说就是 42），所以两者必须逐个索引地一致：

var libraryFolds = CrossValidation.Folds(train.Count, folds, foldSeed);
lesson.Display($"CrossValidation.Folds gives the same {folds} folds");

Check.That(Enumerable.Range(0, folds).All(f => libraryFolds[f].SequenceEqual(foldsByHand[f])), "CrossValidation.Folds gives the hand-built folds");

// MNIST 自带的划分本身就是分组的：60,000 个训练数字出自约 250 位书写者，测试数字出自另一批书写者，所以测试准确率衡量的是对新书写者的表现。但在训练集内部，每位书写者都贡献了许多数字，我们随机划分的折会把同一位书写者的数字分到折的两侧；MNIST 没有提供书写者编号，我们做不到更好，因此交叉验证准确率对新书写者来说可能略偏乐观。医学数据也是这样，只是更严重：一位患者会贡献多张图像，同一病灶的两次扫描几乎是重复的。如果它们落在不同的折里，模型就是在它见过的患者身上验证，得分又会偏乐观。这时必须按**患者**来分折（分组 K 折，练习 3）。
//
// 现在手工对一个 λ 做交叉验证，取 λ = 10⁻⁴：K 个模型，每个都是全新的 MLP，初始权重相同（种子 42），在 K − 1 折上训练，在留出的那一折上打分。

var lambdaByHand = 1e-4;
var handAccuracies = new List<double>();
for (var f = 0; f < folds; f++)
{
    var rest = foldsByHand.Where((_, j) => j != f).SelectMany(x => x).Order().ToArray();
    var fit = train.Subset(rest);
    var validation = train.Subset(foldsByHand[f]);
    var model = Mlp.Create(new[] { train.PixelCount, 256, train.ClassCount }, training.Seed);
    new Trainer(training with { L1Lambda = lambdaByHand }).Fit(model, fit, validation);
    handAccuracies.Add(Evaluation.Accuracy(model, validation));
    model.Dispose(); fit.Dispose(); validation.Dispose();
}
var handMean = handAccuracies.Average();
var handStd = Math.Sqrt(handAccuracies.Sum(a => (a - handMean) * (a - handMean)) / (folds - 1));
var handSe = handStd / Math.Sqrt(folds);
lesson.Display(new DataFrame(
    new StringDataFrameColumn("held-out fold", Enumerable.Range(1, folds).Select(f => f.ToString()).Append("mean ± standard error")),
    new StringDataFrameColumn("validation accuracy", handAccuracies.Select(a => a.ToString("P2")).Append($"{handMean:P2} ± {handSe:P2}"))));

// 标准差用 K − 1 作分母（样本标准差），均值的**标准误**是 σ/√K：它表示 K 折的均值与无穷多次划分所得均值之间可能相差多远。K = 5 时（快速运行中为 2）它只基于几个数，所以只能把它当作一把粗略的尺子，而不是精确的误差棒（各折之间还共享训练图像，这只会让它偏小）。
//
// ## 4. 对每个 λ 做交叉验证，以及两种选择方式
//
// `CrossValidation.Run` 对每个候选 λ 做上面的事（8 个候选各训练 K 个模型），只用训练集；它的签名里根本没有放测试集的位置。

var cv = CrossValidation.Run(train, new CrossValidationOptions
{
    Lambdas = lambdas,
    Folds = folds,
    FoldSeed = foldSeed,
    Training = training,
    Rule = LambdaSelectionRule.HighestMean,
});
lesson.Display(new DataFrame(
    new DoubleDataFrameColumn("lambda", cv.Scores.Select(s => s.Lambda)),
    new StringDataFrameColumn("fold accuracies", cv.Scores.Select(s => string.Join("  ", s.FoldAccuracies.Select(a => a.ToString("P2"))))),
    new DoubleDataFrameColumn("mean", cv.Scores.Select(s => Math.Round(s.Mean, 4))),
    new DoubleDataFrameColumn("std", cv.Scores.Select(s => Math.Round(s.StandardDeviation, 4))),
    new DoubleDataFrameColumn("standard error", cv.Scores.Select(s => Math.Round(s.StandardError, 4)))));

// λ = 10⁻⁴ 那一行必须与我们手工算的完全相同：同样的折、同样的种子、同样的训练。

var libraryRow = cv.Scores.Single(s => s.Lambda == lambdaByHand);
lesson.Display($"λ = {lambdaByHand}: the same {folds} fold accuracies and standard error ({handSe:P2}) by hand and from CrossValidation.Run");

Check.That(libraryRow.FoldAccuracies.SequenceEqual(handAccuracies) && Math.Abs(libraryRow.StandardError - handSe) <= 1e-12, "CrossValidation.Run gives the fold accuracies and standard error computed by hand");

var positive = cv.Scores.Where(s => s.Lambda > 0).ToList();
var baseline = cv.Scores.Single(s => s.Lambda == 0);
var span = new[] { positive.Min(s => s.Lambda), positive.Max(s => s.Lambda) };
var cvChart = new Figure($"{folds}-fold cross-validation on the training images", Axis.Log("λ (log scale)"), Axis.Linear("validation accuracy (fraction of images)"),
    new LineSeries("mean validation accuracy ± 1 standard error", positive.Select(s => s.Lambda).ToArray(), positive.Select(s => s.Mean).ToArray())
    { Markers = true, ErrorY = positive.Select(s => s.StandardError).ToArray() },
    new LineSeries("λ = 0 baseline", span, span.Select(_ => baseline.Mean).ToArray()) { Dash = LineDash.Dash, Color = "#888888" })
{ Width = 720, Height = 420 };
lesson.Display(cvChart);

// **两种选择规则。**
//
// - **均值最高：** 取平均验证准确率最好的 λ（并列时取较大的 λ）。
// - **一倍标准误**（Hastie、Tibshirani 和 Friedman，《统计学习基础》（*The Elements of Statistical Learning*）§7.10）：找出最好的均值及其标准误；在最好均值下方一个标准误处画一条线；取均值越过这条线的**最大** λ。
//
// 两者的取舍：均值最高规则是对最准确的 λ 的最佳猜测，但小于噪声的差别不能算作证据。在那些与最优者在统计上无法区分的 λ 中，一倍标准误规则选正则化最强的那个：一个更简单、更稀疏的模型（精确的零更多，用到的像素更少），而我们没有证据表明它更差。对 L1 来说，这种简单性是实实在在的：精确为零的权重可以直接删掉。代价是准确率可能略低；按构造，一倍标准误规则选出的 λ 永远不小于均值最高规则选出的 λ。
//
// 先手工实现两种规则，再与 `CrossValidation.Select` 核对：

var best = cv.Scores.OrderByDescending(s => s.Mean).ThenByDescending(s => s.Lambda).First();
var bar = best.Mean - best.StandardError;
var highestMeanByHand = best.Lambda;
var oneSeByHand = cv.Scores.Where(s => s.Mean >= bar).Max(s => s.Lambda);
var highestMean = CrossValidation.Select(cv.Scores, LambdaSelectionRule.HighestMean);
var oneSe = CrossValidation.Select(cv.Scores, LambdaSelectionRule.OneStandardError);
lesson.Display(words.Say($"best mean {best.Mean:P2} at λ = {best.Lambda} (standard error {best.StandardError:P2}); bar {bar:P2}. Highest mean picks λ = {highestMean}; one standard error picks λ = {oneSe}"));

Check.That(highestMean == highestMeanByHand && oneSe == oneSeByHand && cv.SelectedLambda == highestMean, "CrossValidation.Select applies both rules as we did by hand");
Check.That(oneSe >= highestMean, "the one-standard-error λ can never be smaller than the highest-mean λ");

// 上面的表格和那一行是本次运行的数字。从中看三件事。两个 λ 的各折准确率完全相同时（η·λ 这么小的阈值不会改变任何一个验证预测），均值最高规则按并列规则取较大的 λ。那条线位于最好均值下方一个标准误处，一倍标准误规则取均值越过这条线的最大 λ。而与最大 λ 处的准确率下降相比，这些标准误很小：那里的损失是真实的，不是噪声。

// ## 5. 在测试集上做唯一一次最终评估
//
// 我们采用一倍标准误规则（在看到任何测试数字之前就定下了这条规则；按测试准确率来选规则，又等于在测试集上做选择）。最终模型用选出的 λ 在全部 `trainSamples` 张训练图像上训练。`Trainer.Fit` 接受第二个数据集，在每轮之后报告它上面的结果；我们传入的是训练集，所以测试图像只在最后一行用了恰好一次。

var chosenLambda = oneSe;
var finalModel = Mlp.Create(new[] { train.PixelCount, 256, train.ClassCount }, training.Seed);
var history = new Trainer(training with { L1Lambda = chosenLambda }).Fit(finalModel, train, train);
var finalSparsity = Sparsity.Measure(finalModel);
var finalTestAccuracy = Evaluation.Accuracy(finalModel, test);   // the one look at the test set
lesson.Display(words.Say($"λ = {chosenLambda}: train accuracy {history[^1].TrainAccuracy:P2}, cross-validated {cv.Scores.Single(s => s.Lambda == chosenLambda).Mean:P2}, test {finalTestAccuracy:P2}; {finalSparsity.ZeroFraction:P1} of {finalSparsity.Count:N0} weights exactly zero"));

// 要紧的不是这个数字，而是 λ 的选法：只凭训练集的各折，所以这个测试准确率对这次选择而言是诚实的估计，而不是多个候选中的最大值。下面的检查单元格核对测试图像此前没有被用过：第 1 节的扫描和交叉验证都只看了训练图像。

Check.That(pathTrain.Count + pathValidation.Count == train.Count && cv.Scores.All(s => s.FoldAccuracies.Count == folds), "λ was chosen from the training images alone; the test set is used once, here");

// 上面一行给出选定的 λ、它的训练准确率、交叉验证准确率和测试准确率，以及精确为零的比例。测试准确率应当略高于交叉验证均值：每一折的模型只从 (K − 1)/K 的训练图像中学习，最终模型则用了全部图像。再把选定 λ 的交叉验证均值与第 4 节中 λ = 0 的比较：如果差别在一两个标准误以内，那么选定的 λ 换来的零权重就是免费的。在有 10,000 张训练图像的 MNIST 上，几乎没有需要治的过拟合（比较扫描表中的训练准确率和验证准确率），所以交叉验证合理地只要求很少的正则化。本课程有意到笔记本 06 才让过拟合登场，那里会缩小训练集，直到过拟合真正出现：04 和 05 讲的是 L1 对权重做了什么、怎样诚实地选择 λ，在数据充足、准确率几乎不变的地方，这一课最清楚。

finalModel.Dispose();
lesson.Display("final model freed (train and test stay for the solutions)");

// ## 小结
//
// - **正则化路径**在对数轴上展示准确率和稀疏性随 λ 的变化，并以 λ = 0 作为基线。用软阈值施加 L1 时，在这条路径上 λ 越大、精确的零越多（通常如此，但不是定理）；λ 较小时准确率保持不变，一旦阈值吃掉了有用的权重，准确率就会崩溃。路径画在从训练集留出的验证图像上，从不用测试集。
// - 按测试准确率选 λ 是**偏乐观**的：几个含噪估计中的最大值有向上的偏差（误差独立时，八个同样好的候选最多约高 1.4 个标准误，误差相关时更少，第 2 节的两个模拟打印了这些值），而且测试集不再独立于模型。在训练数据上做选择；测试只做一次。
// - **K 折交叉验证**把训练集分成 K 个互不相交的折（把一次带种子的随机排列切成若干段，这些段必须构成索引的划分），对每个 λ 训练 K 个模型，并对它们在留出折上的准确率取平均。`CrossValidation.Folds` 和 `CrossValidation.Run` 做的正是这件事，而且从不接触测试集。
// - **均值最高**规则选看起来最准确的 λ；**一倍标准误**规则选与最优者相差不超过一个标准误的最大 λ：一个更稀疏、却无法与最优者区分开的模型。它选出的 λ 永远不会更小。
// - 只为选定的 λ 报告一次测试准确率。对医学数据，要按患者分折，而不是按图像分折。

// ## 练习
//
// 每道练习都要求写一个函数。在学生版中，它的答案单元格里是这个函数，其中有一行会抛出 `NotImplementedException`：把这一行换成你的代码。下面的测试单元格检查你的答案，并说明它检查了什么；评分程序（`l1lab workshop grade`）运行同样的测试，另外还有几个针对其他输入的隐藏测试。

// ### 练习 1：把门槛放宽到一个标准差
//
// 一倍标准误规则选均值不低于"最好均值减去最优 λ 的标准误 σ/√K"的最大 λ。编写 `double OneStandardDeviationChoice(IReadOnlyList<LambdaScore> scores)`，改用标准差 σ（更宽松的门槛）应用同样的规则。最优 λ 是均值最高的那个（并列时取较大的 λ）。为什么放宽门槛永远不会选出更小的 λ？
//
// *检查内容（2 分）：* 测试检查三组手工构造的得分，并检查在第 4 节的得分上选出的 λ 至少不小于一倍标准误规则的选择；隐藏测试检查更多情形。

double OneStandardDeviationChoice(IReadOnlyList<LambdaScore> scores)
{
    // BEGIN SOLUTION
    // A wider bar (σ ≥ σ/√K) admits every λ the narrower one admitted, so the largest admitted λ can only grow.
    var best = scores.OrderByDescending(s => s.Mean).ThenByDescending(s => s.Lambda).First();
    var bar = best.Mean - best.StandardDeviation;
    return scores.Where(s => s.Mean >= bar).Max(s => s.Lambda);
    // END SOLUTION
}

// Test: best λ = 1e-4 (mean 0.90, σ 0.028); λ = 1e-3 (mean 0.885) is within σ, λ = 1e-2 (mean 0.50) is not.
var sdScores = new List<LambdaScore>
{
    new(0, new[] { 0.87, 0.89 }),
    new(1e-4, new[] { 0.88, 0.92 }),
    new(1e-3, new[] { 0.88, 0.89 }),
    new(1e-2, new[] { 0.5, 0.5 }),
};
if (OneStandardDeviationChoice(sdScores) != 1e-3) throw new Exception($"expected λ = 0.001, got {OneStandardDeviationChoice(sdScores)}");
var sdChoice = OneStandardDeviationChoice(cv.Scores);
if (sdChoice < oneSe) throw new Exception($"a wider bar cannot pick a smaller λ: {sdChoice} < {oneSe}");
lesson.Display($"section 4's scores: one standard deviation picks λ = {sdChoice}; one standard error picks λ = {oneSe}");
// BEGIN HIDDEN TESTS
var sdTie = new List<LambdaScore> { new(1e-4, new[] { 0.9, 0.9 }), new(1e-3, new[] { 0.9, 0.9 }), new(1e-2, new[] { 0.89, 0.89 }) };
if (OneStandardDeviationChoice(sdTie) != 1e-3) throw new Exception("with σ = 0 only the best means are admitted, and the larger λ wins the tie");
var sdWide = new List<LambdaScore> { new(0, new[] { 0.8, 1.0 }), new(0.1, new[] { 0.85, 0.86 }) };
if (OneStandardDeviationChoice(sdWide) != 0.1) throw new Exception("λ = 0.1 lies within one σ of the best mean");
// END HIDDEN TESTS

// ### 练习 2：乐观偏差如何增长
//
// 第 2 节中以标准误计的乐观偏差，约等于 m 个独立标准正态样本最大值的期望。编写 `double ExpectedMaximum(int m, int repeats, int seed)`，用模拟来估计它：重复 `repeats` 次，每次抽取 m 个标准正态数（用 `new Random(seed)` 和 Box–Muller 公式，或用带种子 `torch.Generator` 的 `torch.randn`），取最大值，再求平均。
//
// *检查内容（1 分）：* 测试用 4,000 次重复检查 m = 1（约为 0）和 m = 8（约为 1.42，即第 2 节的候选数），误差在 0.1 以内；隐藏测试检查 m = 100（约为 2.51），并检查估计值随 m 增大。

double ExpectedMaximum(int m, int repeats, int seed)
{
    // BEGIN SOLUTION
    // The expected maximum grows roughly like √(2 ln m): about 1.42 for m = 8, 1.87 for 20, 2.51 for 100.
    using var scope = torch.NewDisposeScope();
    var draws = torch.randn(new long[] { repeats, m }, dtype: ScalarType.Float64, generator: new torch.Generator((ulong)seed));
    return draws.amax(new long[] { 1 }).mean().item<double>();
    // END SOLUTION
}

// Test: the maximum of one draw averages 0; of eight, about 1.42.
var em1 = ExpectedMaximum(1, 4000, 1);
var em8 = ExpectedMaximum(8, 4000, 2);
if (Math.Abs(em1) > 0.1) throw new Exception($"m = 1 should average about 0, got {em1}");
if (Math.Abs(em8 - 1.42) > 0.1) throw new Exception($"m = 8 should average about 1.42, got {em8}");
lesson.Display($"expected maximum of m standard normals: m = 1 {em1:F2}, m = 8 {em8:F2}, m = 20 {ExpectedMaximum(20, 4000, 3):F2}, m = 100 {ExpectedMaximum(100, 4000, 4):F2}");
// BEGIN HIDDEN TESTS
var em100 = ExpectedMaximum(100, 4000, 5);
if (Math.Abs(em100 - 2.51) > 0.1) throw new Exception($"m = 100 should average about 2.51, got {em100}");
if (!(ExpectedMaximum(20, 4000, 6) > em8 && em100 > ExpectedMaximum(20, 4000, 7))) throw new Exception("the estimate should grow with m");
// END HIDDEN TESTS

// ### 练习 3：按患者分折
//
// 对医学图像，必须按患者分折。编写 `List<int[]> GroupedFolds(int[] patientOfImage, int k, int seed)`：用带种子的随机数生成器打乱所有不同的患者，把他们分到 k 个折中，并为每一折按升序返回其患者的所有图像的索引。
//
// *检查内容（2 分）：* 测试检查 6 位患者（每人两张）共 12 张图像分成 3 折的情形：各折构成图像的划分，没有患者出现在两个折中，也没有空折；隐藏测试检查各患者图像数不同的情形。

List<int[]> GroupedFolds(int[] patientOfImage, int k, int seed)
{
    // BEGIN SOLUTION
    var patients = patientOfImage.Distinct().ToArray();
    new Random(seed).Shuffle(patients);
    return Enumerable.Range(0, k)
        .Select(f => patients.Where((_, i) => i % k == f)
            .SelectMany(p => Enumerable.Range(0, patientOfImage.Length).Where(i => patientOfImage[i] == p))
            .Order().ToArray())
        .ToList();
    // END SOLUTION
}

// Test: a partition of the 12 images, one fold per patient, no empty fold.
void CheckGroupedFolds(int[] patientOf, int k, List<int[]> folds)
{
    if (folds.Count != k) throw new Exception($"expected {k} folds, got {folds.Count}");
    if (!folds.SelectMany(f => f).Order().SequenceEqual(Enumerable.Range(0, patientOf.Length))) throw new Exception("the folds do not partition the images");
    if (folds.Any(f => f.Length == 0)) throw new Exception("a fold is empty");
    if (folds.SelectMany((f, i) => f.Select(x => (Patient: patientOf[x], Fold: i))).Distinct().GroupBy(x => x.Patient).Any(g => g.Count() > 1))
        throw new Exception("a patient appears in two folds");
}
var patientOfImage = new[] { 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5 };
var groupedFolds = GroupedFolds(patientOfImage, 3, 7);
CheckGroupedFolds(patientOfImage, 3, groupedFolds);
lesson.Display(string.Join("   ", groupedFolds.Select((f, i) => $"fold {i + 1}: images {string.Join(",", f)} (patients {string.Join(",", f.Select(x => patientOfImage[x]).Distinct())})")));
// BEGIN HIDDEN TESTS
var unevenPatients = new[] { 3, 3, 3, 0, 1, 1, 2, 4, 4, 4, 4, 5, 6, 6 };
CheckGroupedFolds(unevenPatients, 3, GroupedFolds(unevenPatients, 3, 11));
CheckGroupedFolds(unevenPatients, 7, GroupedFolds(unevenPatients, 7, 12));
// END HIDDEN TESTS

pathTrain.Dispose();
pathValidation.Dispose();
train.Dispose();
test.Dispose();
lesson.Display("data freed");

// [下一节：06 — L1、L2、弹性网络与 dropout 的并列比较](06-l1-l2-dropout.cs)
