#:project ../../lib/L1Lab/L1Lab.csproj
// # 06 — L1、L2、弹性网络与 dropout 并列比较
//
// 学完本笔记本，你将能够用训练–测试差距展示过拟合，在同等条件下比较五种正则化方法（以惩罚项形式施加的 L1、以软阈值施加的 L1、L2、弹性网络、dropout（随机失活）），通过计数区分 L1 的精确零与 L2 的大量小权重，计算弹性网络的近端算子，并说清楚这个比较能说明什么、不能说明什么。
//
// **预备知识：** [02 — L1 惩罚项](02-l1-penalty.cs)（L2、软阈值）、[05 — 选择 λ](05-choosing-lambda.cs)；笔记本 04（在 MNIST 上使用 `Trainer`）。
//
// 本课程纠正的两篇文章之一，即讲医学图像诊断中正则化的那篇，只是用文字比较了 L1、L2 和 dropout（还在没有证据的情况下声称 L1"可能导致过拟合"、L2"可以缓解 L1 的问题"）。这里我们动手测量。
//
// Exported from notebooks/zh-CN/06-l1-l2-dropout.ipynb by `l1lab notebooks export --to cs`: edit the notebook and export again, not this file.
// Run it with `dotnet run lessons/zh-CN/06-l1-l2-dropout.cs`; quick values: `dotnet run lessons/zh-CN/06-l1-l2-dropout.cs -- --quick`; one value:
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
var lesson = Lesson.Start(args, parameters: ["trainSamples", "testSamples", "epochs"], quick: ["trainSamples=2000", "testSamples=1000", "epochs=1"]);
var trainSamples = lesson.Parameter("trainSamples", 1000);  // MNIST training images: few, so that the network can memorise them
var testSamples = lesson.Parameter("testSamples", 10000);  // MNIST test images
var epochs = lesson.Parameter("epochs", 30);          // passes over the training images (many, so the unregularized model overfits)

L1Lab.Native.TorchRuntime.Initialize(); // before any torch call (see 00-setup)
var words = Words.For("zh-CN");   // the language of the sentences cells print (each edition names its own)
torch.random.manual_seed(6);            // dropout draws its masks from this generator
lesson.Display("ready");

// 参数。训练集小是有意为之：只有存在过拟合时，正则化才有东西可以减轻。

// ## 0. 数据与设置
//
// `RegularizerComparisonOptions` 存放课程库的比较所用的强度：L1 λ = 10⁻³，L2 λ₂ = 10⁻²，弹性网络两者兼用，dropout p = 0.5；在 784 → 256 → 10 的 MLP 上用 SGD，学习率 0.05，批大小 32。这些是合理的起点，**不是调优后的值**：笔记本 05 演示了如何用交叉验证调优强度，本笔记本不做调优。每个模型都从相同的初始权重（种子 42）出发，并以相同的顺序读取图像。

var mnist = Mnist.Load(DataPaths.FindDataDirectory());
var train = mnist.Train.Take(trainSamples);
var test = mnist.Test.Take(testSamples);
mnist.Dispose();

var options = new RegularizerComparisonOptions();
options = options with { Training = options.Training with { Epochs = epochs } };
var sizes = new[] { train.PixelCount, 256, train.ClassCount };
lesson.Display($"{train.Count} training images, {test.Count} test images; L1 λ = {options.L1Lambda}, L2 λ₂ = {options.L2Lambda}, dropout p = {options.DropoutProbability}, learning rate {options.Training.LearningRate}, {options.Training.Epochs} epochs");

// ## 1. 不加正则化时的过拟合
//
// 先单独训练基线，每轮之后分别在训练图像和测试图像上评估。

var histories = new Dictionary<Regularizer, IReadOnlyList<EpochMetrics>>();
var models = new Dictionary<Regularizer, Mlp>();
var settings = new Dictionary<Regularizer, string>();

void TrainOne(Regularizer regularizer)
{
    var (trainingOptions, dropout, setting) = RegularizerComparison.Configure(regularizer, options);
    var model = Mlp.Create(sizes, trainingOptions.Seed, dropout);
    histories[regularizer] = new Trainer(trainingOptions).Fit(model, train, test);
    models[regularizer] = model;
    settings[regularizer] = setting;
}

TrainOne(Regularizer.None);
var none = histories[Regularizer.None];
var epochAxis = none.Select(e => (double)e.Epoch).ToArray();
var gapChart = new Figure($"No regularization, {train.Count} training images", Axis.Linear("epoch"), Axis.Linear("accuracy (fraction of images)"),
    new LineSeries("train", epochAxis, none.Select(e => e.TrainAccuracy).ToArray()) { Markers = true },
    new LineSeries("test", epochAxis, none.Select(e => e.TestAccuracy).ToArray()) { Markers = true })
{ Height = 380 };
lesson.Display(gapChart);
lesson.Display(words.Say($"final: train {none[^1].TrainAccuracy:P2}, test {none[^1].TestAccuracy:P2}, gap {100 * (none[^1].TrainAccuracy - none[^1].TestAccuracy):F1} points; data loss {none[0].DataLoss:F3} → {none[^1].DataLoss:F3}"));

// 上面的图和那一行显示的是本次运行。按完整规模运行时（1,000 张训练图像，30 轮），训练准确率远远高于测试准确率（那一行打印了差距），而且在测试准确率早已停止提高之后，平均训练损失仍在继续下降。网络的参数远多于训练图像：它几乎能把这些图像完美拟合，而它拟合到的东西有很大一部分并不能推广到新的数字上。

// ## 2. 五种正则化方法
//
// 每种方法改变了什么（各 λ 见第 0 节；η 是学习率）：
//
// | 正则化方法 | 训练时做什么 | 对权重的预期影响 |
// |---|---|---|
// | L1 惩罚项 | 在损失上加 λ·Σ\|w\|，由自动微分求导（文章的做法） | 变小，很少精确为零（笔记本 02：次梯度会越过零点） |
// | L1 近端 | 每个 SGD 步之后，以 η·λ 对每个权重做软阈值 | 大量精确为零 |
// | L2 | 在损失上加 (λ₂/2)·Σw²：每一步把 w 乘以 (1 − ηλ₂) | 变小，但不为零 |
// | 弹性网络 | 损失中加 L2，再以 η·λ 做软阈值 | 有零，保留下来的被收缩 |
// | dropout | 训练时每个隐藏单元的输出以概率 p 被置零（其余的乘以 1/(1 − p)）；测试时不做任何处理 | 不直接作用于权重：它靠噪声来正则化 |
//
// 与课程其他地方一样，惩罚项只作用于权重，不作用于偏置。`RegularizerComparison.Configure` 把一个 `Regularizer` 转换为训练器的设置；我们自己用 `Trainer` 训练每个模型，以便保留模型并查看它们的权重。

foreach (var r in new[] { Regularizer.L1Penalty, Regularizer.L1Proximal, Regularizer.L2, Regularizer.ElasticNet, Regularizer.Dropout })
    TrainOne(r);
var rows = histories.Select(h => new RegularizerResult(h.Key, settings[h.Key], h.Value[^1].TrainAccuracy, h.Value[^1].TestAccuracy,
    h.Value[^1].ZeroFraction, h.Value[^1].NearZeroFraction, h.Value.Sum(e => e.Seconds))).ToList();
lesson.Display(RegularizerComparison.ToDataFrame(rows));

// 这和 `RegularizerComparison.Run` 算出来的一样吗？让其中两行再通过课程库跑一遍：数字必须完全相同（同样的设置、同样的种子、不含 dropout 的确定性训练）。

var check = RegularizerComparison.Run(train, test, options with { Regularizers = new[] { Regularizer.None, Regularizer.L1Proximal } });
lesson.Display($"RegularizerComparison.Run reproduces the {string.Join(" and ", check.Select(c => c.Regularizer))} rows exactly");

Check.That(check.All(c => rows.Single(r => r.Regularizer == c.Regularizer) with { Seconds = 0 } == c with { Seconds = 0 }), "RegularizerComparison.Run reproduces our rows exactly");

var names = rows.Select(r => r.Regularizer.ToString()).ToArray();
var accuracyBars = new Figure("Final accuracy per regularizer", Axis.Linear("regularizer"), Axis.Linear("accuracy (fraction of images)"),
    new BarSeries("train accuracy", names, rows.Select(r => r.TrainAccuracy).ToArray()),
    new BarSeries("test accuracy", names, rows.Select(r => r.TestAccuracy).ToArray()))
{ Width = 720 };
lesson.Display(accuracyBars);
var testCurves = Charts.PerEpoch(histories.Select(h => new RunResult(h.Key.ToString(), null, 0, h.Value)), e => e.TestAccuracy, "Test accuracy per epoch", "test accuracy (fraction of test images)");
lesson.Display(testCurves);
lesson.Display(new Figure("Fraction of weights exactly zero and near zero", Axis.Linear("regularizer"), Axis.Linear("fraction of weights"),
    new BarSeries("exactly 0", names, rows.Select(r => r.ZeroFraction).ToArray()),
    new BarSeries("|w| < 10⁻³", names, rows.Select(r => r.NearZeroFraction).ToArray()))
{ Width = 720 });

// 稀疏性检查对任何规模都成立：只有用软阈值的方法才产生精确的零；把 λ·Σ|w| 加进损失做不到这一点（最多碰巧出现几个），L2、dropout 和不加正则化则一个也没有。

double Zeros(Regularizer r) => rows.Single(x => x.Regularizer == r).ZeroFraction;
lesson.Display(string.Join("; ", rows.Select(r => $"{r.Regularizer}: {r.ZeroFraction:P2} zeros")));

Check.That(Zeros(Regularizer.L1Proximal) > 0 && Zeros(Regularizer.ElasticNet) > 0, "the soft-thresholding methods produce exact zeros");
Check.That(Zeros(Regularizer.L1Penalty) < Zeros(Regularizer.L1Proximal), "adding λ·Σ|w| to the loss gives fewer exact zeros than the proximal step");
Check.That(new[] { Regularizer.None, Regularizer.L2, Regularizer.Dropout }.All(r => Zeros(r) == 0), "L2, dropout and no regularization give no exact zeros");

// 上表（来自 `RegularizerComparison.ToDataFrame`）是本次运行的数字。在 n 张图像上测得的测试准确率 p 的标准误是 √(p(1 − p)/n)（笔记本 05），所以小于两个标准误的差别只是噪声。从表中看三件事：哪些行有精确的零（表格上方那一行对此做了检查），哪些行有大量小于 10⁻³ 的权重，以及训练–测试差距与基线相比如何。
//
// 以惩罚项形式和以软阈值形式施加的 L1，最终准确率大致相同，小于 10⁻³ 的权重比例也大致相同，但只有近端版本把它们变成了精确的零：惩罚项版本让它们在零的两侧来回跳（[笔记本 02 第 6 节](02-l1-penalty.cs)）。本笔记本完整规模运行的数字在 `results/full-size/` 中，由 `scripts/full-size-run.sh` 生成。

// ## 3. L1 与 L2：精确的零与大量的小权重
//
// 把第一层的 784 × 256 = 200,704 个权重按大小计数，差别就一目了然：

var buckets = new (string Name, Func<Tensor, Tensor> Select)[]
{
    ("exactly 0", w => w.eq(0)),
    ("0 < |w| < 10⁻⁴", w => w.abs().gt(0).logical_and(w.abs().lt(1e-4))),
    ("10⁻⁴ ≤ |w| < 10⁻³", w => w.abs().ge(1e-4).logical_and(w.abs().lt(1e-3))),
    ("10⁻³ ≤ |w| < 10⁻²", w => w.abs().ge(1e-3).logical_and(w.abs().lt(1e-2))),
    ("|w| ≥ 10⁻²", w => w.abs().ge(1e-2)),
};
Tensor FirstLayer(Regularizer r) => models[r].Layers[0].weight!.detach();
var bucketTable = new DataFrame(new StringDataFrameColumn("|w| of first-layer weights", buckets.Select(b => b.Name)));
foreach (var r in models.Keys)
    bucketTable.Columns.Add(new Int64DataFrameColumn(r.ToString(), buckets.Select(b => b.Select(FirstLayer(r)).sum().item<long>())));
lesson.Display(bucketTable);

// 再画成权重值的直方图（计数轴取对数；精确的零单独画成 0 处的一根粗柱，因为 0 附近的区间会把它们与很小的非零权重混在一起）：

var l1Weights = FirstLayer(Regularizer.L1Proximal).flatten();
var l2Weights = FirstLayer(Regularizer.L2).flatten();
var l1Zeros = l1Weights.eq(0).sum().item<long>();
var l2Zeros = l2Weights.eq(0).sum().item<long>();
var binWidth = 0.0025;
var binCount = 80;                                    // 80 bins of width 0.0025 cover [−0.1, 0.1]
IEnumerable<double> Values(Tensor w) => w.data<float>().Select(x => (double)x);
var histogram = new Figure("First-layer weights: L1 (proximal) vs L2", Axis.Linear("weight value (bins of 0.0025)"), Axis.Log("count (log scale)"),
    HistogramSeries.Of($"L2 (exact zeros: {l2Zeros:N0})", Values(l2Weights), -0.1, binWidth, binCount) with { Opacity = 0.6 },
    HistogramSeries.Of("L1 proximal, non-zero weights", Values(l1Weights.masked_select(l1Weights.ne(0))), -0.1, binWidth, binCount) with { Opacity = 0.6 },
    new LineSeries($"L1 proximal, exactly 0 ({l1Zeros:N0})", [0.0, 0.0], [1.0, Math.Max(1, l1Zeros)]) { Width = 8 })
{ Width = 720, Height = 420 };
lesson.Display(histogram);
lesson.Display(words.Say($"first layer: L1 proximal {l1Zeros:N0} exact zeros ({(double)l1Zeros / l1Weights.numel():P1}); L2 {l2Zeros:N0}, smallest |w| under L2 {l2Weights.abs().min().item<float>():g3}"));

Check.That(l1Zeros > 0 && l2Zeros == 0, "the first layer has exact zeros under L1 (proximal) and none under L2");

// L2 对一个权重的拉力与权重本身成正比（每步 ηλ₂·w），所以 w 越接近 0 拉力越弱，永远到不了 0：L2 留下一团很小的非零权重。软阈值把与零的距离不超过 η·λ 的每个权重都移到精确的零，所以 L1 的直方图是 0 处的一根尖峰加上保留下来的权重。这些零可以从模型中删除，而不改变任何一个预测；L2 的小权重则不行。
//
// ## 4. 弹性网络：折中方案
//
// 弹性网络把两者结合起来，R(w) = λ·[α·Σ|wᵢ| + ((1 − α)/2)·Σwᵢ²]，其中 α ∈ [0, 1] 是 L1 所占的比例。它保留了 L1 的精确零，而它的 L2 部分弥补了 L1 的一个弱点：在强相关的输入之间（相邻像素就是如此），L1 往往保留其中一个、相当随意地丢掉其余的，而 L2 会把权重分摊到整组输入上（练习 2 在两个完全相同的输入上演示这两种情形）。
//
// 它的近端算子——软阈值的弹性网络版本——可以用笔记本 02 中同样的次梯度论证推出。最小化 ½(u − v)² + a|u| + (b/2)u²，其中 a = ηλα、b = ηλ(1 − α)：当 u > 0 时，导数 u − v + a + bu 在 u = (v − a)/(1 + b) 处为零，在 v > a 时自洽；u < 0 时对称；|v| ≤ a 时 u = 0。合起来：
//
// $$\operatorname{prox}(v) = \frac{\operatorname{soft}(v, \eta\lambda\alpha)}{1 + \eta\lambda(1 - \alpha)} .$$
//
// 在几个数上检验它：与闭式解比较，与暴力网格搜索比较，与 `ElasticNet.Proximal` 比较。

var v = torch.tensor(new double[] { -2.0, -0.9, -0.5, -0.3, 0.0, 0.2, 0.4, 0.6, 1.5 });
double eta = 1.0, lambdaEn = 1.0, alphaEn = 0.4;     // a = 0.4, b = 0.6: large, so the effect is visible
var a = eta * lambdaEn * alphaEn;
var b = eta * lambdaEn * (1 - alphaEn);
var closedForm = v.sign() * (v.abs() - a).clamp_min(0) / (1 + b);
var grid = torch.linspace(-3, 3, 60001, dtype: ScalarType.Float64);
var objective = 0.5 * (grid.unsqueeze(0) - v.unsqueeze(1)).square() + a * grid.abs().unsqueeze(0) + b / 2 * grid.square().unsqueeze(0);
var bruteForce = grid[objective.argmin(1)];
var library = ElasticNet.Proximal(v, eta, lambdaEn, alphaEn);
var gridError = (bruteForce - closedForm).abs().max().item<double>();
var libraryError = (library - closedForm).abs().max().item<double>();
lesson.Display(new DataFrame(
    new DoubleDataFrameColumn("v", v.data<double>().ToArray()),
    new DoubleDataFrameColumn("soft(v, a)/(1 + b)", closedForm.data<double>().Select(x => Math.Round(x, 6) + 0.0).ToArray()),
    new DoubleDataFrameColumn("grid search", bruteForce.data<double>().Select(x => Math.Round(x, 6) + 0.0).ToArray()),
    new DoubleDataFrameColumn("ElasticNet.Proximal", library.data<double>().Select(x => Math.Round(x, 6) + 0.0).ToArray())));
lesson.Display($"max difference: grid search {gridError:g3} (grid spacing 1e-4), library {libraryError:g3}");

Check.That(gridError <= 1e-4 && libraryError <= 1e-12, "soft(v, a)/(1 + b) is the elastic-net minimiser (grid search) and what ElasticNet.Proximal computes");

// 所有 |v| ≤ a = 0.4 的值都被映射为精确的 0（L1 部分）；保留下来的先向零移动 a，再除以 1 + b（L2 部分）。α = 1 时它就是普通的软阈值，α = 0 时就是普通的 L2 收缩 v/(1 + b)。
//
// 训练器中的弹性网络把 L2 部分作为梯度（放在损失里），只有 L1 部分用软阈值：w ← soft((1 − ηλ₂)w − ηg, ηλ₁)，而不是 soft(w − ηg, ηλ₁)/(1 + ηλ₂)。两者都是同一目标函数的近端梯度步；在我们的步长下，它们相差约 ηλ₁·ηλ₂（单元格会打印出来），远小于任何有意义的量。在训练好的第一层权重上测量（取 g = 0）：

var lambda1 = options.L1Lambda; var lambda2 = options.L2Lambda; var lr = options.Training.LearningRate;
var wEn = FirstLayer(Regularizer.ElasticNet).to_type(ScalarType.Float64);
var trainerStep = L1.SoftThreshold((1 - lr * lambda2) * wEn, lr * lambda1);
var proxStep = ElasticNet.Proximal(wEn, lr, lambda1 + lambda2, lambda1 / (lambda1 + lambda2));   // λ = λ₁ + λ₂, α = λ₁/λ
var stepDifference = (trainerStep - proxStep).abs().max().item<double>();
lesson.Display(words.Say($"max |trainer step − ElasticNet.Proximal step| = {stepDifference:g3}  (ηλ₁·ηλ₂ = {lr * lambda1 * lr * lambda2:g3})"));

Check.That(stepDifference <= 1e-6, "the trainer's elastic-net step and the proximal step differ by about ηλ₁·ηλ₂, far below anything that matters");

// ## 5. 这个比较说明了什么，没有说明什么
//
// 读第 2 节的表格时，要记住它只基于一个种子和一个数据子集。按完整规模运行时，它显示如下几点（下面折叠的检查单元格在完整规模下逐条核对，`results/full-size/` 保存了数字）：
//
// - **差距更小不等于模型更好。** L1 和弹性网络把训练–测试差距缩得最多，但主要是靠降低*训练*准确率；在这些未经调优的强度下，它们的测试准确率比基线低几个百分点。
// - **L1 在这里换来的是稀疏性，而不是准确率：** 大部分权重精确为零，也就是说，这个模型只需一小部分权重就能存储和运行，代价是几个百分点的测试准确率。笔记本 05 展示了这个取舍的另一端：更小的 λ 保住准确率，剪掉的也更少。稀疏性还让模型更容易检查（它到底用了哪些输入？），笔记本 07 会利用这一点。
// - 在这些强度下，**L2 和 dropout** 的测试准确率与基线之差在噪声范围内，而且没有零。
// - **文章的说法经不起测量：** L1 并没有"导致过拟合"（它的差距属于最小的一类），在 L1 上加 L2（弹性网络）也没有修正 L1 在这里的任何问题。
// - **局限：** 一个种子、一个 1,000 张图像的子集、每种方法一个强度，而且这些强度只是起点，没有调优。要给这些方法排名，需要用交叉验证（笔记本 05）分别调优，并在多个种子上重复；小于约两个标准误的测试准确率差别不能作为任何结论的证据。

var fullSize = trainSamples == 1000 && testSamples >= 10000 && epochs >= 30;   // the parameters cell's defaults
RegularizerResult Row(Regularizer r) => rows.Single(x => x.Regularizer == r);
double Gap(Regularizer r) => Row(r).TrainAccuracy - Row(r).TestAccuracy;
var twoStandardErrors = 2 * Math.Sqrt(Row(Regularizer.None).TestAccuracy * (1 - Row(Regularizer.None).TestAccuracy) / test.Count);
Check.That(!fullSize || new[] { Regularizer.L1Proximal, Regularizer.ElasticNet }.All(r => Gap(r) < Gap(Regularizer.None) && Row(Regularizer.None).TestAccuracy - Row(r).TestAccuracy is > 0 and < 0.1), "at full size L1 and elastic net shrink the gap but end a few points below the baseline's test accuracy");
Check.That(!fullSize || Row(Regularizer.L1Proximal).ZeroFraction > 0.5, "at full size most of L1's weights are exactly zero");
Check.That(!fullSize || new[] { Regularizer.L2, Regularizer.Dropout }.All(r => Math.Abs(Row(r).TestAccuracy - Row(Regularizer.None).TestAccuracy) < twoStandardErrors), "at full size L2 and dropout leave test accuracy within noise of the baseline");
Check.That(!fullSize || rows.Count(r => Gap(r.Regularizer) < Gap(Regularizer.L1Proximal)) <= 1, "at full size L1's gap is among the smallest");

foreach (var m in models.Values) m.Dispose();
lesson.Display("models freed (data kept for the solutions)");

// ## 小结
//
// - 只有 1,000 张训练图像时，不加正则化的 MLP 对训练集的拟合远好于测试集；正则化方法要缩小的正是这个训练–测试差距。
// - 以软阈值施加的 L1 和弹性网络让许多权重**精确**为零；加进损失、由自动微分求导的 L1 只让它们变小而不为零；L2 让权重变小但从不为零；dropout 作用于激活值，而不是权重。
// - 按大小给权重计数（以及把零单独画成一根柱的直方图）直接显示了差别：L1 是精确零的尖峰，L2 是一团小值。
// - 弹性网络的近端算子是 soft(v, ηλα)/(1 + ηλ(1 − α))：先是 L1 的死区，然后是 L2 的均匀收缩。`ElasticNet.Proximal` 负责计算它。
// - 一个种子、一个数据子集、未调优的强度：这样的比较说明了每种方法对权重做了什么，以及大致的得失；它不能给这些方法做一般意义上的排名。在下更多结论之前，先分别调优（笔记本 05），并在多个种子上重复。

// ## 练习
//
// 每道练习都要求写一个函数。在学生版中，它的答案单元格里是这个函数，其中有一行会抛出 `NotImplementedException`：把这一行换成你的代码。下面的测试单元格检查你的答案，并说明它检查了什么；评分程序（`l1lab workshop grade`）运行同样的测试，另外还有几个针对其他输入的隐藏测试。

// ### 练习 1：手写 dropout
//
// 按训练模式下 dropout 的工作方式编写 `Tensor InvertedDropout(Tensor x, double p, torch.Generator generator)`：每个元素以概率 p 被置为 0（用 `torch.rand(..., generator: generator)` 抽样），保留下来的元素除以 1 − p，使每个元素的期望值保持不变。（在 `eval()` 模式下，dropout 什么也不做。）
//
// *检查内容（2 分）：* 测试用 p = 0.5 检查 100,000 个 1：每个值都是 0 或 2，大约一半为 0，均值保持在 1 左右；隐藏测试检查 p = 0 和 p = 0.9。

Tensor InvertedDropout(Tensor x, double p, torch.Generator generator)
{
    // BEGIN SOLUTION
    using var scope = torch.NewDisposeScope();
    var keep = torch.rand(x.shape, generator: generator).ge(p).to_type(x.dtype);
    return (x * keep / (1 - p)).MoveToOuterDisposeScope();
    // END SOLUTION
}

// Test: values 0 or 2, about half dropped, mean about 1.
var dropped = InvertedDropout(torch.ones(100_000), 0.5, new torch.Generator(60));
if (!(dropped.eq(0) | dropped.eq(2)).all().item<bool>()) throw new Exception("with p = 0.5 every entry should be 0 or 2");
var droppedShare = dropped.eq(0).to_type(ScalarType.Float64).mean().item<double>();
var droppedMean = dropped.to_type(ScalarType.Float64).mean().item<double>();
if (Math.Abs(droppedShare - 0.5) > 0.01 || Math.Abs(droppedMean - 1) > 0.02) throw new Exception($"share of zeros {droppedShare}, mean {droppedMean}: expected about 0.5 and 1");
lesson.Display($"p = 0.5: {droppedShare:P1} of the entries dropped, mean {droppedMean:F4}");
// BEGIN HIDDEN TESTS
var dropX = torch.randn(50, 20);
if (!InvertedDropout(dropX, 0, new torch.Generator(61)).allclose(dropX)) throw new Exception("p = 0 should change nothing");
var dropped9 = InvertedDropout(torch.ones(200_000), 0.9, new torch.Generator(62));
if (Math.Abs(dropped9.eq(0).to_type(ScalarType.Float64).mean().item<double>() - 0.9) > 0.01 || Math.Abs(dropped9.to_type(ScalarType.Float64).mean().item<double>() - 1) > 0.05)
    throw new Exception("p = 0.9 should drop about 90 % and keep the mean about 1");
// END HIDDEN TESTS

// ### 练习 2：两个完全相同的输入
//
// 第 4 节说，在强相关的输入之间，L1 会相当随意地只保留其中一个，而弹性网络的 L2 部分会把权重分摊到整组输入上。来看最极端的情形：模型 y ≈ w₁·x + w₂·x，两个输入是同一个 x。编写 `(double First, double Second) TwinWeights(Tensor x, Tensor y, double alpha, int steps)`：从 (w₁, w₂) = (1, 0) 出发，在均方误差 (1/n)·Σ(w₁xᵢ + w₂xᵢ − yᵢ)² 上走 `steps` 个近端梯度步（η = 0.1，λ = 0.5，L1 所占比例为 `alpha`；先走梯度步，再调用 `ElasticNet.Proximal`），返回最终的 (w₁, w₂)。
//
// 运行之前先预测一下：两个权重得到的梯度完全相同，那么只做软阈值时（α = 1），w₁ − w₂ 会怎样？再除以 1 + ηλ(1 − α) 时又会怎样？
//
// *检查内容（2 分）：* 测试取 200 个服从标准正态分布的 x（float64）和 y = 2x，走 1,000 步。α = 1（Lasso）时，w₁ − w₂ 精确地保持初始的 1，而 w₁ + w₂ 等于单输入 Lasso 的解 2 − λ/(2·mean(x²))；α = 0.5 时两个权重最终相等。隐藏测试把弹性网络的总权重与其闭式解比较，并检查另一个目标和另一个 L1 比例下同样平分。

(double First, double Second) TwinWeights(Tensor x, Tensor y, double alpha, int steps)
{
    // BEGIN SOLUTION
    const double eta = 0.1, lambda = 0.5;
    using var scope = torch.NewDisposeScope();
    var w = torch.tensor(new double[] { 1, 0 });
    for (var k = 0; k < steps; k++)
    {
        // Both inputs are x, so ∂L/∂w₁ = ∂L/∂w₂ = (2/n)·Σ(sxᵢ − yᵢ)xᵢ with s = w₁ + w₂.
        var s = w.sum();
        var gradient = 2 * ((s * x - y) * x).mean();
        w = ElasticNet.Proximal(w - eta * gradient, eta, lambda, alpha);
    }
    var final = w.data<double>().ToArray();
    return (final[0], final[1]);
    // END SOLUTION
}

// Test: 200 standard-normal x, y = 2x, 1,000 steps of η = 0.1, λ = 0.5.
var twinX = torch.randn(new long[] { 200 }, dtype: ScalarType.Float64, generator: new torch.Generator(63));
var twinY = 2 * twinX;
var meanSquare = twinX.square().mean().item<double>();
var lasso = TwinWeights(twinX, twinY, 1.0, 1000);
var elastic = TwinWeights(twinX, twinY, 0.5, 1000);
if (Math.Abs(lasso.First - lasso.Second - 1) > 1e-9) throw new Exception($"α = 1: w₁ − w₂ should stay 1, got {lasso.First - lasso.Second}");
if (Math.Abs(lasso.First + lasso.Second - (2 - 0.5 / (2 * meanSquare))) > 1e-9) throw new Exception($"α = 1: w₁ + w₂ should be 2 − λ/(2·mean(x²)) = {2 - 0.5 / (2 * meanSquare)}, got {lasso.First + lasso.Second}");
if (Math.Abs(elastic.First - elastic.Second) > 1e-9) throw new Exception($"α = 0.5: the two weights should end equal, got {elastic.First} and {elastic.Second}");
lesson.Display($"lasso (α = 1): w₁ = {lasso.First:F4}, w₂ = {lasso.Second:F4}; elastic net (α = 0.5): w₁ = {elastic.First:F4}, w₂ = {elastic.Second:F4}");
// BEGIN HIDDEN TESTS
// At w₁ = w₂ = s/2 the elastic-net objective is m(s − 2)² + λαs + λ(1 − α)s²/4, minimised at s = (4m − λα)/(2m + λ(1 − α)/2).
var elasticTotal = (4 * meanSquare - 0.5 * 0.5) / (2 * meanSquare + 0.5 * 0.5 / 2);
if (Math.Abs(elastic.First + elastic.Second - elasticTotal) > 1e-9) throw new Exception($"α = 0.5: w₁ + w₂ should be {elasticTotal}, got {elastic.First + elastic.Second}");
var ridgeLike = TwinWeights(twinX, 3 * twinX, 0.2, 1000);
if (Math.Abs(ridgeLike.First - ridgeLike.Second) > 1e-9) throw new Exception("α = 0.2, y = 3x: the two weights should end equal");
// END HIDDEN TESTS

train.Dispose();
test.Dispose();
lesson.Display("data freed");

// [下一节：07 — 医学图像上的 L1：BreastMNIST](07-medical-imaging.cs)
