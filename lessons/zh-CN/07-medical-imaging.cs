#:project ../../lib/L1Lab/L1Lab.csproj
// # 07 — 医学图像上的 L1：BreastMNIST，按诊断试验的标准来评判
//
// 学完本笔记本，你将能够像评判一项诊断准确性研究（STARD 2015）那样评价一个图像分类器：与多数类基线和领域内已发表的基准对比；λ 和判定阈值用分层交叉验证选择，测试集只用一次；每个指标都附上计数和 95 % 置信区间（Wilson、DeLong、自助法）；在同一批图像上对带 L1 和不带 L1 的模型做配对比较；给出指定患病率下的阳性预测值和阴性预测值、校准、精确率–召回率曲线，以及跨划分的近重复图像检查；最后把这一切汇总在一屏之内。
//
// **预备知识：** [05 — 选择 λ](05-choosing-lambda.cs)（验证集与测试集的区别、K 折交叉验证）、[06 — L1、L2、弹性网络与 dropout](06-l1-l2-dropout.cs)（软阈值下的精确零）。
//
// 本课程要纠正的那两篇文章承诺把 L1 正则化用于医学图像诊断，结果却只在手写数字上训练过。本笔记本用的是真正的医学图像，并把报告的每个数字都当作医学数字来对待：给出它的不确定性、选出它的数据，以及它适用的人群。
//
// Exported from notebooks/zh-CN/07-medical-imaging.ipynb by `l1lab notebooks export --to cs`: edit the notebook and export again, not this file.
// Run it with `dotnet run lessons/zh-CN/07-medical-imaging.cs`; quick values: `dotnet run lessons/zh-CN/07-medical-imaging.cs -- --quick`; one value:
// `-- --set name=value`. Text prints here; figures are written as SVG/HTML files to out/ next to this file.

using TorchSharp;
using static TorchSharp.torch;
using Microsoft.Data.Analysis;
using L1Lab.Visuals;
using L1Lab;
using L1Lab.Data;
using L1Lab.Models;
using L1Lab.Training;
using L1Lab.Diagnostics;
using L1Lab.Experiments;
using L1Lab.Lessons;

// Parameters (the notebook's cell tagged "parameters"): edit them here or set them on the command line.
var lesson = Lesson.Start(args, parameters: ["epochs", "folds", "seeds", "resamples", "previewImages"], quick: ["epochs=1", "folds=2", "resamples=500"]);
var epochs = lesson.Parameter("epochs", 100);       // passes over the training images, for every model (fixed in advance, not tuned)
var folds = lesson.Parameter("folds", 5);          // K of the stratified K-fold cross-validation on train + validation
var seeds = lesson.Parameter("seeds", 3);          // repetitions of the cross-validation, each with its own folds and initial weights
var resamples = lesson.Parameter("resamples", 2000);   // bootstrap resamples behind each bootstrap interval
var previewImages = lesson.Parameter("previewImages", 4);  // images of each class to show

L1Lab.Native.TorchRuntime.Initialize(); // before any torch call (see 00-setup)
var words = Words.For("zh-CN");   // the language of the sentences cells print (each edition names its own)
torch.random.manual_seed(7);
lesson.Display("ready");

// 参数。BreastMNIST 很小（第 0 节统计了它的图像数），所以每次运行都用上全部数据；快速运行只减少训练轮数、折数和自助法重抽样次数。正文描述的是完整规模的运行（即下面的取值）：检查正文中关于结果的说法的那些隐藏单元格，只在这个规模下做检查，快速运行时跳过。

// ## 0. 数据：BreastMNIST
//
// BreastMNIST 是 **MedMNIST v2** 的一部分（J. Yang 等，"MedMNIST v2 – A large-scale lightweight benchmark for 2D and 3D biomedical image classification"，*Scientific Data* 10, 41, 2023，doi:10.1038/s41597-022-01721-8）。它由乳腺超声图像数据集 **BUSI**（W. Al-Dhabyani, M. Gomaa, H. Khaled, A. Fahmy，"Dataset of breast ultrasound images"，*Data in Brief* 28, 104863, 2020，doi:10.1016/j.dib.2019.104863）缩小为 28×28 灰度图像而来，分两类：**0 = 恶性**，**1 = 正常或良性**。许可证：CC BY 4.0。数据文件随仓库放在 `data/medmnist/` 中，`MedMnist.LoadBreastMnist` 在读取前会校验它的 SHA-256。
//
// **划分是怎么做的。** MedMNIST 提供官方的训练、验证和测试划分，按**图像**而不是按患者划分：BUSI 的 780 张图像来自 600 名女性，所以同一名女性、甚至同一个病灶的图像可能落在不同的划分里（第 10 节专门查找这种情况）。**参考标准**是 BUSI 给每张图像的类别；MedMNIST 没有记录每张图像的类别是如何确定的，一份研究报告必须把这一点写明。BUSI 中的女性是被转诊来做乳腺超声的：这是**诊断人群的病例构成**，而不是筛查人群，这一点对第 7 节很重要。

var breast = MedMnist.LoadBreastMnist(DataPaths.FindDataDirectory());
var splits = new[] { ("train", breast.Train), ("validation", breast.Validation), ("test", breast.Test) };
lesson.Display(new DataFrame(
    new StringDataFrameColumn("split", splits.Select(s => s.Item1)),
    new Int32DataFrameColumn("images", splits.Select(s => s.Item2.Count)),
    new Int64DataFrameColumn("malignant (0)", splits.Select(s => s.Item2.ClassCounts()[0])),
    new Int64DataFrameColumn("normal/benign (1)", splits.Select(s => s.Item2.ClassCounts()[1])),
    new StringDataFrameColumn("malignant share", splits.Select(s => ((double)s.Item2.ClassCounts()[0] / s.Item2.Count).ToString("P1")))));

// ## 1. 看一看这些图像
//
// `Images.Grid` 把多张图像拼成一幅图（笔记本 04 用它来画权重）。下面是每一类的前 `previewImages` 张训练图像：

var trainLabels = breast.Train.Labels.data<long>().ToArray();
foreach (var (label, name) in new[] { (0L, "malignant"), (1L, "normal/benign") })
{
    var indices = Enumerable.Range(0, trainLabels.Length).Where(i => trainLabels[i] == label).Take(previewImages).ToArray();
    var images = breast.Train.Images.index_select(0, torch.tensor(indices.Select(i => (long)i).ToArray()));
    lesson.Display(Images.Grid(images, side: 28, columns: indices.Length, scale: 4).WithTitle($"{name}: training images {string.Join(", ", indices)}"));
}
lesson.Display("shown in the image's own gray levels (white = bright echo)");

// 在 28×28 像素下，放射科医生关注的许多信息（边缘、后方声影、细微的回声纹理）都丢失了。恶性肿块往往呈低回声（比周围组织暗）、边缘不规则，但在这个尺寸下，两类图像用肉眼很难区分。预期得到的分类器表现一般。
//
// ## 2. 多数类基线
//
// 大约四分之一的图像是恶性。最简单的"分类器"根本不看图像，永远回答训练数据中的多数类，即*良性*。它的各项数字是任何模型都必须超过的底线。下一个单元格只根据标签在测试集上计算这些数字（这里既没有给任何模型打分，也没有做任何选择），每个数字都附上计数和 95 % 置信区间（第 5 节解释 Wilson 区间）。

var testLabels = breast.Test.Labels.data<long>().ToArray();
var isMalignant = testLabels.Select(l => l == 0).ToArray();   // positive = malignant: the class the test is looking for
var developmentBenign = breast.Train.ClassCounts()[1] + breast.Validation.ClassCounts()[1];
var developmentMalignant = breast.Train.ClassCounts()[0] + breast.Validation.ClassCounts()[0];
var majorityIsBenign = developmentBenign > developmentMalignant;
var majority = BinaryMetrics.Confusion(isMalignant.Select(_ => majorityIsBenign ? 0.0 : 1.0).ToArray(), isMalignant, 0.5);
lesson.Display($"always '{(majorityIsBenign ? "benign" : "malignant")}' on the test split: accuracy {majority.AccuracyInterval()}, " +
    $"sensitivity {majority.SensitivityInterval()}, specificity {majority.SpecificityInterval()}, balanced accuracy {majority.BalancedAccuracy:F2}");

Check.That(majorityIsBenign && majority.TruePositives == 0 && majority.BalancedAccuracy == 0.5, "always answering benign finds no cancer and has balanced accuracy 0.5");

// 它的准确率就是测试集中良性图像的比例：一个只报告"准确率"而不列出这一行的模型，是无法评判的。它**漏掉了全部癌症**（检出数为零），平衡准确率，即（灵敏度 + 特异度）/2，无论患病率是多少都等于 0.5。
//
// ## 3. 用交叉验证选择 λ 和阈值
//
// 笔记本 05 在留出的数据上选择 λ。BreastMNIST 的验证集很小（第 0 节统计了其中的恶性图像数）：一张恶性图像就能让验证集上的灵敏度变动好几个百分点，用这样粗的尺子什么也选不好。所以我们把训练集和验证集合并成一个**开发集**，用**分层 K 折交叉验证**来选择。`StratifiedFolds.Split` 把开发集切成 K 折，每一折中恶性图像的比例相同；每一折轮流留出一次，模型在其余各折上训练，于是每张开发集图像都会从一个没见过它的模型那里得到一个得分（它的*折外*得分）。我们用不同的划分和初始权重把这一过程重复 `seeds` 次，因为一次划分只是噪声的一次抽样。
//
// 选择什么，怎么选：
// - **λ**：在 0（不用 L1）和四个正值中，按所有折和所有种子上折外 AUC 的平均值选择。AUC 衡量的是得分把恶性图像排在良性图像之前的能力，与阈值无关。L1 模型取平均值最高的那个正 λ；不带 L1 的模型就是 λ = 0。
// - **判定阈值**：对每个模型按事先声明的规则选择：取合并后的折外灵敏度达到 90 % 的最高阈值，再取各种子结果的中位数。为什么用这条规则：在 BUSI 这样的诊断人群中，把病灶判为良性的模型会被用来免去活检，而在这种用途下，漏诊一个癌症代价最大。
// - **不由数据选择的**：网络结构（784 → 64 → 2）、优化器（随机梯度下降，学习率 0.01，批大小 32）和 `epochs` 都事先固定，对每个模型都一样。所有有标签的图像都在开发集中，已经没有剩余数据可用于早停。
//
// 在第 4 节之前不碰测试集。下一个单元格要训练 `lambdas.Length × folds × seeds` 个小模型（它会打印具体数目）。

var development = new ImageDataset(torch.cat(new[] { breast.Train.Images, breast.Validation.Images }, 0),
    torch.cat(new[] { breast.Train.Labels, breast.Validation.Labels }, 0), breast.Train.ImageSide, breast.Train.ClassCount);
var developmentLabels = development.Labels.data<long>().ToArray();
var developmentPositive = developmentLabels.Select(l => l == 0).ToArray();
var sizes = new[] { development.PixelCount, 64, development.ClassCount };
var lambdas = new[] { 0, 3e-4, 1e-3, 3e-3, 1e-2 };
var fullSize = epochs >= 100 && folds >= 5 && seeds >= 3 && resamples >= 2000;   // the hidden cells check the text's statements about results at this size only
var baseOptions = new TrainingOptions { Epochs = epochs, L1Mode = L1Mode.Proximal };
var outOfFold = lambdas.Select(_ => new double[seeds][]).ToArray();      // [λ][seed][image]: the score from the model that did not see it
var foldAucs = lambdas.Select(_ => new List<double>()).ToArray();       // [λ]: one AUC per (seed, fold)
var foldZeros = lambdas.Select(_ => new List<double>()).ToArray();      // [λ]: share of weights exactly 0 per model
for (var seed = 0; seed < seeds; seed++)
{
    var split = StratifiedFolds.Split(developmentLabels, folds, seed);
    foreach (var scores in outOfFold) scores[seed] = new double[development.Count];
    for (var f = 0; f < folds; f++)
    {
        var heldOut = split[f];
        using var fit = development.Subset(split.Where((_, j) => j != f).SelectMany(x => x).Order().ToArray());
        using var held = development.Subset(heldOut);
        for (var l = 0; l < lambdas.Length; l++)
        {
            var options = baseOptions with { Seed = 42 + seed, L1Lambda = lambdas[l] };
            using var model = Mlp.Create(sizes, options.Seed);
            new Trainer(options).Fit(model, fit, held);
            var scores = BinaryMetrics.Scores(model, held, positiveClass: 0);
            foldAucs[l].Add(BinaryMetrics.Auc(scores.Scores, scores.IsPositive));
            foldZeros[l].Add(Sparsity.Measure(model).ZeroFraction);
            for (var i = 0; i < heldOut.Length; i++) outOfFold[l][seed][heldOut[i]] = scores.Scores[i];
        }
    }
}
lesson.Display($"{lambdas.Length * folds * seeds} models: {lambdas.Length} λ × {folds} folds × {seeds} seeds, on {development.Count} development images ({developmentPositive.Count(p => p)} malignant), {epochs} epoch{(epochs == 1 ? "" : "s")} each");
lesson.Display(new DataFrame(
    new StringDataFrameColumn("λ", lambdas.Select(l => l == 0 ? "0 (no L1)" : l.ToString("G2"))),
    new DoubleDataFrameColumn("mean out-of-fold AUC", foldAucs.Select(a => Math.Round(a.Average(), 4))),
    new DoubleDataFrameColumn("SD over folds × seeds", foldAucs.Select(a => Math.Round(SampleStatistics.StandardDeviation(a), 4))),
    new DoubleDataFrameColumn("weights exactly 0", foldZeros.Select(z => Math.Round(z.Average(), 4)))));

// 表中对每个 λ 给出留出折上 AUC 的平均值及其在各折和各种子之间的离散程度，以及 L1 精确置零的第一层和第二层权重所占的比例。关键在于离散程度：相差不到大约一个标准差的 AUC，这个开发集分辨不出来。下一个单元格按上面的规则选出 λ 和两个阈值，并打印每个种子各自会选出的阈值，让你看到这条规则本身的波动有多大。

var meanAuc = foldAucs.Select(a => a.Average()).ToArray();
var chosen = Enumerable.Range(1, lambdas.Length - 1).MaxBy(l => meanAuc[l]);   // the best positive λ
var l1Lambda = lambdas[chosen];
var targetSensitivity = 0.90;
double ThresholdFor(double[] scores, bool[] positive, double target) =>
    scores.Distinct().OrderByDescending(t => t).First(t => BinaryMetrics.Confusion(scores, positive, t).Sensitivity >= target);
double Median(IEnumerable<double> values)
{
    var s = values.Order().ToArray();
    return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
}
var plainThresholds = outOfFold[0].Select(s => ThresholdFor(s, developmentPositive, targetSensitivity)).ToArray();
var sparseThresholds = outOfFold[chosen].Select(s => ThresholdFor(s, developmentPositive, targetSensitivity)).ToArray();
var plainThreshold = Median(plainThresholds);
var sparseThreshold = Median(sparseThresholds);
lesson.Display($"L1 model: λ = {l1Lambda} (mean out-of-fold AUC {meanAuc[chosen]:F4}; λ = 0 scored {meanAuc[0]:F4}); " +
    $"thresholds for {targetSensitivity:P0} out-of-fold sensitivity: no-L1 {plainThreshold:F3} (seeds: {string.Join(", ", plainThresholds.Select(t => t.ToString("F3")))}), " +
    $"L1 {sparseThreshold:F3} (seeds: {string.Join(", ", sparseThresholds.Select(t => t.ToString("F3")))})");

// ## 4. 两个最终模型，以及对测试集的唯一一次查看
//
// λ 和阈值确定之后，每个模型用相同的设置（初始权重来自种子 42）在全部开发集图像上再训练一次，然后在测试集上打分：这是本笔记本中模型唯一一次看到测试集。此后我们只读取这些得分。模型给一张图像的得分是*恶性*的 softmax 概率；`BinaryMetrics.Scores(model, data, positiveClass: 0)` 返回得分和真实类别。
//
// 阈值是在用开发集 (K − 1)/K 的数据训练的模型的折外得分上选出的；最终模型用全部开发集训练，其得分尺度相近但不完全相同。这也是测试集上的灵敏度不一定正好落在 90 % 目标上的原因之一。

var plain = Mlp.Create(sizes, baseOptions.Seed);
var plainHistory = new Trainer(baseOptions).Fit(plain, development, development);
var sparse = Mlp.Create(sizes, baseOptions.Seed);
var sparseHistory = new Trainer(baseOptions with { L1Lambda = l1Lambda }).Fit(sparse, development, development);
var plainTest = BinaryMetrics.Scores(plain, breast.Test, positiveClass: 0);
var sparseTest = BinaryMetrics.Scores(sparse, breast.Test, positiveClass: 0);
var sparsity = Sparsity.Measure(sparse);
lesson.Display(new DataFrame(
    new StringDataFrameColumn("model", new[] { "no L1", $"L1, λ = {l1Lambda}" }),
    new StringDataFrameColumn("threshold (chosen by CV)", new[] { plainThreshold.ToString("F3"), sparseThreshold.ToString("F3") }),
    new DoubleDataFrameColumn("development accuracy", new[] { plainHistory[^1].TestAccuracy, sparseHistory[^1].TestAccuracy }.Select(x => Math.Round(x, 4))),
    new DoubleDataFrameColumn("weights exactly 0", new[] { Sparsity.Measure(plain).ZeroFraction, sparsity.ZeroFraction }.Select(x => Math.Round(x, 4))),
    new Int32DataFrameColumn("test images scored", new[] { plainTest.Scores.Count, sparseTest.Scores.Count })));

Check.That(plainTest.IsPositive.SequenceEqual(isMalignant) && sparseTest.IsPositive.SequenceEqual(isMalignant), "BinaryMetrics.Scores marks exactly the malignant (label 0) images as positive");

// ## 5. 灵敏度、特异度、阳性预测值和阴性预测值，以及它们的置信区间
//
// 当一张图像的得分不低于模型的阈值 t 时，判它为恶性。统计四种结果：
//
// - **TP**（真阳性）：恶性，判为恶性；**FN**（假阴性）：恶性，判为良性：漏诊的癌症；
// - **TN**（真阴性）：良性，判为良性；**FP**（假阳性）：良性，判为恶性：误报。
//
// 由此得到：**灵敏度** TP/(TP + FN)，被发现的癌症所占比例；**特异度** TN/(TN + FP)，被正确排除的良性病例所占比例；**阳性预测值**（PPV，与精确率是同一个数）TP/(TP + FP)，"恶性"判断正确的频率；**阴性预测值**（NPV）TN/(TN + FN)，"良性"判断正确的频率；**平衡准确率**（灵敏度 + 特异度）/2。PPV 和 NPV 只在测试集自身的患病率下成立（第 7 节把它们换算到其他患病率）。先手工计数：

(long TP, long FP, long TN, long FN) Count(IReadOnlyList<double> scores, IReadOnlyList<bool> positive, double t)
{
    long tp = 0, fp = 0, tn = 0, fn = 0;
    for (var i = 0; i < scores.Count; i++)
    {
        if (positive[i]) { if (scores[i] >= t) tp++; else fn++; }
        else { if (scores[i] >= t) fp++; else tn++; }
    }
    return (tp, fp, tn, fn);
}

var rowsByHand = new List<(string Model, double T, (long TP, long FP, long TN, long FN) C)>
{
    ("no L1", plainThreshold, Count(plainTest.Scores, plainTest.IsPositive, plainThreshold)),
    ("L1", sparseThreshold, Count(sparseTest.Scores, sparseTest.IsPositive, sparseThreshold)),
};
lesson.Display(new DataFrame(
    new StringDataFrameColumn("model", rowsByHand.Select(r => r.Model)),
    new StringDataFrameColumn("t", rowsByHand.Select(r => r.T.ToString("F3"))),
    new Int64DataFrameColumn("TP", rowsByHand.Select(r => r.C.TP)),
    new Int64DataFrameColumn("FN", rowsByHand.Select(r => r.C.FN)),
    new Int64DataFrameColumn("TN", rowsByHand.Select(r => r.C.TN)),
    new Int64DataFrameColumn("FP", rowsByHand.Select(r => r.C.FP))));

// `BinaryMetrics.Confusion` 必须给出相同的计数（隐藏单元格会检查）。然后是置信区间。如果一个模型在 42 个癌症中发现了 34 个，它的灵敏度并不恰好是 0.81：同样大小的另一个测试集，同样可能给出 30 个或 38 个。95 % **Wilson 区间**是与观察到的计数相容的真实比例 p 的集合，即 |p̂ − p| ≤ z·√(p(1 − p)/n)，z = 1.96；对 p 求解得到
//
// (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n)。
//
// 与教科书上的 p̂ ± z·√(p̂(1 − p̂)/n) 不同，它不会超出 0–1，在计数很小时覆盖率也接近 95 %。下一个单元格为 L1 模型的灵敏度手工计算这个区间，并与 `Wilson.Interval` 比较；`ConfusionMatrix` 为每个比率都给出这个区间。平衡准确率由两个比例组合而成，所以它的置信区间来自第 6 节的分层自助法。

Check.That(BinaryMetrics.Confusion(plainTest.Scores, plainTest.IsPositive, plainThreshold) == new ConfusionMatrix(rowsByHand[0].C.TP, rowsByHand[0].C.FP, rowsByHand[0].C.TN, rowsByHand[0].C.FN)
    && BinaryMetrics.Confusion(sparseTest.Scores, sparseTest.IsPositive, sparseThreshold) == new ConfusionMatrix(rowsByHand[1].C.TP, rowsByHand[1].C.FP, rowsByHand[1].C.TN, rowsByHand[1].C.FN), "BinaryMetrics.Confusion gives the hand counts");

var plainAt = BinaryMetrics.Confusion(plainTest.Scores, plainTest.IsPositive, plainThreshold);
var sparseAt = BinaryMetrics.Confusion(sparseTest.Scores, sparseTest.IsPositive, sparseThreshold);
var z = StandardNormal.TwoSidedZ(0.95);
var (k, n) = (sparseAt.TruePositives, sparseAt.Positives);
var pHat = (double)k / n;
var centre = (pHat + z * z / (2 * n)) / (1 + z * z / n);
var half = z / (1 + z * z / n) * Math.Sqrt(pHat * (1 - pHat) / n + z * z / (4.0 * n * n));
var sparseSensitivity = sparseAt.SensitivityInterval();
lesson.Display($"L1 sensitivity {k}/{n}: by hand {centre - half:F4}–{centre + half:F4}; Wilson.Interval {sparseSensitivity.Format("F4")}");
BootstrapInterval BalancedAccuracy(BinaryScores s, double t) => Bootstrap.Stratified(s, r => r.At(t).BalancedAccuracy, resamples, seed: 1);
var plainBalanced = BalancedAccuracy(plainTest, plainThreshold);
var sparseBalanced = BalancedAccuracy(sparseTest, sparseThreshold);
lesson.Display(new DataFrame(
    new StringDataFrameColumn("measure (test split)", new[] { "sensitivity", "specificity", "PPV (test prevalence)", "NPV (test prevalence)", "accuracy", "balanced accuracy" }),
    new StringDataFrameColumn("no L1", new[] { plainAt.SensitivityInterval().ToString(), plainAt.SpecificityInterval().ToString(), plainAt.PositivePredictiveValueInterval().ToString(),
        plainAt.NegativePredictiveValueInterval().ToString(), plainAt.AccuracyInterval().ToString(), plainBalanced.ToString() }),
    new StringDataFrameColumn("L1", new[] { sparseAt.SensitivityInterval().ToString(), sparseAt.SpecificityInterval().ToString(), sparseAt.PositivePredictiveValueInterval().ToString(),
        sparseAt.NegativePredictiveValueInterval().ToString(), sparseAt.AccuracyInterval().ToString(), sparseBalanced.ToString() })));

Check.That(Math.Abs(centre - half - sparseSensitivity.Lower) < 1e-12 && Math.Abs(centre + half - sparseSensitivity.Upper) < 1e-12, "the Wilson interval by hand equals Wilson.Interval");

// 表中每一格读作"估计值（计数；区间）"。测试集中只有几十张恶性图像，灵敏度的置信区间宽约二十个百分点：两个模型的灵敏度相差几个百分点，在这个测试集上说明不了任何问题。下面的隐藏单元格在完整规模下检查这里的说法：两个模型在各自阈值下都能发现大多数癌症，且它们灵敏度的置信区间相互重叠。

Check.That(!fullSize || (plainAt.Sensitivity > 0.5 && sparseAt.Sensitivity > 0.5), "at full size both models find most cancers at their thresholds");
Check.That(!fullSize || (plainAt.SensitivityInterval().Lower < sparseAt.SensitivityInterval().Upper && sparseAt.SensitivityInterval().Lower < plainAt.SensitivityInterval().Upper), "at full size the two sensitivity intervals overlap");

// ## 6. ROC 曲线、AUC 与配对比较
//
// 阈值是一种选择；**受试者工作特征曲线（ROC 曲线）**一次展示所有的选择。把 t 从 +∞ 降到最低得分：所有得分 ≥ t 的图像都判为恶性，每个 t 给出一个点（假阳性率 = 1 − 特异度，灵敏度）。曲线从 (0, 0)（没有图像判为恶性）走到 (1, 1)（所有图像都判为恶性）；毫无用处的得分沿对角线走。

var plainRoc = plainTest.Roc();
var sparseRoc = sparseTest.Roc();
lesson.Display(RocChart.Of("ROC curves on the BreastMNIST test split (positive = malignant)", ("no L1", plainRoc), ($"L1, λ = {l1Lambda}", sparseRoc)));

// **曲线下面积（AUC）**有直接的含义：随机选一张恶性图像和一张良性图像，恶性图像得分更高的概率，得分相同记为 ½（即 Mann–Whitney 统计量）。在测试集上，这就是对所有（恶性，良性）图像配对取平均，我们可以直接把它们逐一列举出来（单元格会打印配对的数目），再与 `RocCurve.Auc` 计算的梯形面积比较：

double PairwiseAuc(BinaryScores s)
{
    var pos = s.Scores.Where((_, i) => s.IsPositive[i]).ToArray();
    var neg = s.Scores.Where((_, i) => !s.IsPositive[i]).ToArray();
    double wins = 0;
    foreach (var p in pos)
        foreach (var q in neg)
            wins += p > q ? 1 : p == q ? 0.5 : 0;
    return wins / (pos.Length * (double)neg.Length);
}
var plainAuc = PairwiseAuc(plainTest);
var sparseAuc = PairwiseAuc(sparseTest);
var malignantTest = isMalignant.Count(m => m);
var benignTest = isMalignant.Length - malignantTest;
lesson.Display($"test AUC over {malignantTest} × {benignTest} = {malignantTest * benignTest:N0} pairs, by hand: no L1 {plainAuc:F4}, L1 {sparseAuc:F4}; " +
    $"one malignant image moving past every benign one changes an AUC by 1/{malignantTest} = {1.0 / malignantTest:F3}");

Check.That(Math.Abs(plainAuc - plainRoc.Auc) < 1e-12 && Math.Abs(sparseAuc - sparseRoc.Auc) < 1e-12, "the pairwise AUC equals the trapezoid area of RocCurve.Auc");

// **一个 AUC 有多可靠？** 有两个标准答案，二者应当大致一致：
//
// - **DeLong 方差**（DeLong、DeLong 和 Clarke-Pearson，1988）。给每张恶性图像记下它得分超过的良性图像所占比例 V₁₀，给每张良性图像记下得分超过它的恶性图像所占比例 V₀₁（得分相同记 ½）；两者的平均值都是 AUC。AUC 的方差约为 S₁₀/m + S₀₁/n，其中 S 是这些*结构分量*的样本方差，m、n 分别是恶性和良性图像的数目；置信区间为 AUC ± 1.96·SE。`DeLong.Auc` 计算它。
// - **分层自助法**。从恶性图像中有放回地抽取与测试集中同样多的恶性图像，从良性图像中同样抽取良性图像，重新计算 AUC，重复 `resamples` 次；这些 AUC 的 2.5 % 和 97.5 % 分位数就是置信区间。`Bootstrap.Auc` 完成这一过程，并且设定了种子，重新运行会得到同样的区间。
//
// **比较两个模型。** 两个模型是在同一批图像上打分的，所以它们的错误是相关的：对一个模型难的图像，通常对另一个也难。诚实的比较是**配对**比较：用包含两个模型分量之间协方差的 DeLong 公式（`DeLong.Compare`），以及对两个模型重抽同一批图像的自助法（`Bootstrap.PairedAucDifference`）。分别比较两个置信区间会忽略这种配对关系。

var plainDeLong = plainTest.DeLongAuc();
var sparseDeLong = sparseTest.DeLongAuc();
var plainBoot = Bootstrap.Auc(plainTest, resamples, seed: 1);
var sparseBoot = Bootstrap.Auc(sparseTest, resamples, seed: 1);
var delongDifference = DeLong.Compare(sparseTest, plainTest);
var bootDifference = Bootstrap.PairedAucDifference(sparseTest, plainTest, resamples, seed: 1);
lesson.Display(new DataFrame(
    new StringDataFrameColumn("model", new[] { "no L1", $"L1, λ = {l1Lambda}" }),
    new StringDataFrameColumn("AUC (DeLong 95 % CI)", new[] { plainDeLong.Interval.Format("F3"), sparseDeLong.Interval.Format("F3") }),
    new StringDataFrameColumn($"AUC (bootstrap 95 % CI, {resamples} resamples)", new[] { plainBoot.Interval.Format("F3"), sparseBoot.Interval.Format("F3") }),
    new DoubleDataFrameColumn("SE DeLong", new[] { plainDeLong.StandardError, sparseDeLong.StandardError }.Select(x => Math.Round(x, 4))),
    new DoubleDataFrameColumn("SE bootstrap", new[] { plainBoot.StandardError, sparseBoot.StandardError }.Select(x => Math.Round(x, 4)))));
var distinguishable = delongDifference.IsDistinguishableFromNoise && bootDifference.IsDistinguishableFromNoise;
var verdict = distinguishable ? words.Say("Both intervals exclude 0: the difference is distinguishable from the noise of this test split.")
    : words.Say("At least one interval contains 0: on this test split the difference is not distinguishable from noise.");
lesson.Display(words.Say($"AUC(L1) − AUC(no L1): DeLong {delongDifference}; paired bootstrap {bootDifference}. {verdict}"));

// 要看的是**差值**的置信区间，而不是把两个 AUC 并排摆着看。在完整规模下，两个配对置信区间都包含 0（隐藏单元格会检查）：测试集中恶性图像这么少，两个模型无法通过 AUC 区分开，诚实的结论是"没有检测到差异"，而不是"L1 损害了排序质量"或"L1 有帮助"。这也不能说明两个模型一样好；更大的测试集有可能把它们区分开。DeLong 和自助法给出的标准误相差不到百分之一：两条路径，同一个答案。

Check.That(!fullSize || !distinguishable, "at full size the paired intervals of the AUC difference include 0");
Check.That(!fullSize || Math.Abs(plainDeLong.StandardError - plainBoot.StandardError) < 0.01, "at full size DeLong and bootstrap standard errors agree within 0.01");

// ## 7. 一次判断意味着什么：指定患病率下的阳性预测值和阴性预测值
//
// 灵敏度和特异度描述的是试验本身；阳性预测值和阴性预测值描述的是一次判断对患者意味着什么，它们取决于受检人群中疾病有多常见。在测试集自身的患病率下，它们就是第 5 节中观察到的 TP/(TP + FP) 和 TN/(TN + FN)。换到另一个人群，贝叶斯公式会改变它们：
//
// PPV = se·π / (se·π + (1 − sp)(1 − π))，NPV = sp(1 − π) / (sp(1 − π) + (1 − se)·π)。
//
// 取 **π = 0.5 %** 作为筛查人群的患病率：每 1,000 名接受筛查的女性中约有 5 例癌症，这是乳腺癌筛查项目中癌症检出率的数量级。`PredictiveValues.At(matrix, π)` 计算这两个值；其置信区间是把灵敏度和特异度的 Wilson 区间端点代入贝叶斯公式得到的（PPV 和 NPV 都随二者增大而增大，所以每个端点都同时使用两个下限或两个上限；这种做法偏保守，并且把患病率当作给定值而不是估计值）。

var screeningPrevalence = 0.005;
var testPrevalence = (double)malignantTest / isMalignant.Length;
string ForClinician(string model, ConfusionMatrix m)
{
    var atScreening = PredictiveValues.At(m, screeningPrevalence);
    var se = m.Sensitivity; var sp = m.Specificity;
    var flagged = 1000 * (se * screeningPrevalence + (1 - sp) * (1 - screeningPrevalence));
    var found = 1000 * se * screeningPrevalence;
    return words.Say($"{model}: at the test split's prevalence ({testPrevalence:P1}) PPV {m.PositivePredictiveValueInterval()}, NPV {m.NegativePredictiveValueInterval()}.") + " " +
        words.Say($"At {screeningPrevalence:P1}: of 1,000 women screened about {flagged:F0} would be called malignant, of whom about {found:F1} have cancer: a positive call means cancer in {atScreening.PositivePredictiveValue.Format("P1")} of cases, and a negative call is right in {atScreening.NegativePredictiveValue.Format("P2")}.");
}
Console.WriteLine(ForClinician("no L1", plainAt));
Console.WriteLine(ForClinician("L1", sparseAt));
var plainScreening = PredictiveValues.At(plainAt, screeningPrevalence);
var sparseScreening = PredictiveValues.At(sparseAt, screeningPrevalence);

// 临床医生需要的那句话就是单元格打印出来的那句：在筛查人群中，**几乎每一次阳性判断都会是误报**（阳性预测值最多只有百分之几，隐藏单元格在完整规模下会检查），而阴性判断在 99 % 以上的情况下是对的，这主要是因为癌症罕见，而不是因为模型好。有两点需要注意。第一，灵敏度和特异度是在转诊女性这一诊断人群的病例构成上测得的；在筛查中，癌症更小、更早期，所以灵敏度很可能更低，特异度则可能升高也可能降低（*疾病谱效应*）：筛查人群的数字是"假如试验在那里表现得和这里一样"时贝叶斯公式给出的结果，而不是预测。第二，置信区间很宽，而在 0.5 % 的患病率下，特异度的一点点变化都会让阳性预测值变动很大。

Check.That(!fullSize || (plainScreening.PositivePredictiveValue.Upper < 0.1 && sparseScreening.PositivePredictiveValue.Upper < 0.1), "at full size the screening PPV is a few per cent at best");
Check.That(plainScreening.NegativePredictiveValue.Estimate > 0.99 && sparseScreening.NegativePredictiveValue.Estimate > 0.99, "a negative call is right in more than 99 % of cases at 0.5 % prevalence");

// ## 8. 校准：得分能当作概率来读吗？
//
// AUC 只用到得分的顺序。把 0.7 的得分读作"恶性风险 70 %"的临床医生，还需要得分是**校准**良好的：得分约为 0.7 的图像中，大约 70 % 应当是恶性。有三种看法：
//
// - **Brier 分数** (1/N)·Σ(p − y)²，恶性时 y = 1：概率的均方误差。0 为完美；总是报出患病率 π 的得分为 π(1 − π)，这是要超过的参照值；
// - **可靠性图**：把 0–1 切成 10 个等宽的区间，在每个区间中画出恶性图像的实际比例对平均得分的关系，并附上该区间的 Wilson 置信区间；校准良好的模型落在对角线上；
// - **期望校准误差**（ECE）：各区间到对角线的距离 |实际 − 预测|，以各区间的图像数为权重取平均。它取决于区间的个数，所以我们把区间数一并写明。

var plainBrierByHand = plainTest.Scores.Select((p, i) => Math.Pow(p - (plainTest.IsPositive[i] ? 1 : 0), 2)).Average();
var brierReference = testPrevalence * (1 - testPrevalence);
var plainReliability = plainTest.Reliability(bins: 10);
var sparseReliability = sparseTest.Reliability(bins: 10);
var plainBrier = Bootstrap.Stratified(plainTest, Calibration.Brier, resamples, seed: 1);
var sparseBrier = Bootstrap.Stratified(sparseTest, Calibration.Brier, resamples, seed: 1);
var plainEce = Bootstrap.Stratified(plainTest, s => s.Reliability(10).ExpectedCalibrationError, resamples, seed: 1);
var sparseEce = Bootstrap.Stratified(sparseTest, s => s.Reliability(10).ExpectedCalibrationError, resamples, seed: 1);
lesson.Display($"Brier score (bootstrap 95 % CI): no L1 {plainBrier.Interval.Format("F3")} (by hand {plainBrierByHand:F3}), L1 {sparseBrier.Interval.Format("F3")}; " +
    $"always saying the prevalence: {brierReference:F3}. ECE, 10 bins: no L1 {plainEce.Interval.Format("F3")}, L1 {sparseEce.Interval.Format("F3")}");
lesson.Display(ReliabilityChart.Of("Reliability on the BreastMNIST test split (10 equal bins)", ("no L1", plainReliability), ($"L1, λ = {l1Lambda}", sparseReliability)));

Check.That(Math.Abs(plainBrierByHand - plainTest.Brier()) < 1e-12, "the Brier score by hand equals Calibration.Brier");
Check.That(!fullSize || (plainBrier.Estimate < brierReference && sparseBrier.Estimate < brierReference), "at full size both models beat the prevalence's Brier score");

// 在完整规模下，两个模型的 Brier 分数都优于参照值（隐藏单元格会检查），所以它们的概率携带了患病率之外的信息。读可靠性图时要连同误差条一起看：大多数区间中图像很少，所以一个远离对角线但误差条很长的点只是很弱的证据，ECE 的自助法置信区间很宽也是同样的原因。以最小化交叉熵为目标训练的模型，在与训练数据相似的数据上往往大致是校准的；第 3 节的阈值并不需要校准（它们是在得分自身的尺度上选出的），但凡是把得分读作风险的用法都需要校准，而且在每个新人群中都要重新检查。

// ## 9. 精确率–召回率曲线与平均精确率
//
// 大约四分之一的图像是恶性时，ROC 曲线的假阳性率掩盖了每发现一个癌症要伴随多少次误报。**精确率–召回率曲线**（PR 曲线）在每个阈值下画出阳性预测值（精确率）对灵敏度（召回率）的关系；毫无信息的得分，其精确率等于患病率，即图中的虚线。它的概括指标**平均精确率**（AP）把每个阈值下的精确率乘以它新增的召回率再求和，Σₖ (Rₖ − Rₖ₋₁)·Pₖ：这是 sklearn 定义的阶梯求和，而不是梯形面积（在这里梯形面积会偏乐观）。

var plainPr = plainTest.PrecisionRecall();
var sparsePr = sparseTest.PrecisionRecall();
var plainAp = Bootstrap.Stratified(plainTest, s => s.PrecisionRecall().AveragePrecision, resamples, seed: 1);
var sparseAp = Bootstrap.Stratified(sparseTest, s => s.PrecisionRecall().AveragePrecision, resamples, seed: 1);
lesson.Display($"average precision (bootstrap 95 % CI): no L1 {plainAp.Interval.Format("F3")}, L1 {sparseAp.Interval.Format("F3")}; chance level = prevalence {testPrevalence:F3}");
lesson.Display(PrecisionRecallChart.Of("Precision–recall on the BreastMNIST test split (positive = malignant)", ("no L1", plainPr), ($"L1, λ = {l1Lambda}", sparsePr)));

Check.That(!fullSize || (plainAp.Interval.Lower > testPrevalence && sparseAp.Interval.Lower > testPrevalence), "at full size both average precisions are clearly above the prevalence");

// ## 10. 跨划分的近重复图像
//
// MedMNIST 按图像划分 BUSI，而 BUSI 中有些女性有多张图像。如果一张测试图像在开发集中有近似副本，模型可能只是认出了副本，而不是读懂了病灶，测试结果因此偏乐观。我们用像素距离查找这样的图像对：对两张图像 a 和 b，在 0–1 灰度尺度上计算均方根差 √(各像素 (aᵢ − bᵢ)² 的平均值)。阈值 0.05 约为 255 级灰度中的 13 级，它把逐像素看起来几乎一样的图像对与其余图像对分开（直方图显示了它落在哪里）。下一个单元格统计每一对划分之间低于该阈值的图像对数目，并展示与开发集图像最接近的几张测试图像，每张下方是它的最近邻。

var duplicateThreshold = 0.05;
Tensor RmsDistances(Tensor a, Tensor b) => torch.cdist(a, b) / Math.Sqrt(a.shape[1]);   // (rows of a) × (rows of b)
long PairsBelow(Tensor a, Tensor b) => RmsDistances(a, b).lt(duplicateThreshold).sum().item<long>();
var testToDevelopment = RmsDistances(breast.Test.Images, development.Images);
var (nearest, nearestIndex) = testToDevelopment.min(1);
var nearestDistance = nearest.data<float>().Select(d => (double)d).ToArray();
var testWithTwin = nearestDistance.Select((d, i) => (d, i)).Where(x => x.d < duplicateThreshold).Select(x => x.i).ToArray();
lesson.Display(new DataFrame(
    new StringDataFrameColumn("splits", new[] { "train – validation", "train – test", "validation – test" }),
    new Int64DataFrameColumn($"pairs with RMS distance < {duplicateThreshold}", new[] {
        PairsBelow(breast.Train.Images, breast.Validation.Images), PairsBelow(breast.Train.Images, breast.Test.Images), PairsBelow(breast.Validation.Images, breast.Test.Images) })));
lesson.Display(new Figure("Each test image's distance to its nearest development image", Axis.Linear("RMS pixel distance (0–1 gray scale)"), Axis.Linear("test images"),
    HistogramSeries.Of("test images", nearestDistance, start: 0, binWidth: 0.005, binCount: 50)));
var closest = Enumerable.Range(0, nearestDistance.Length).OrderBy(i => nearestDistance[i]).Take(6).ToArray();
var pairImages = torch.cat(new[] {
    breast.Test.Images.index_select(0, torch.tensor(closest.Select(i => (long)i).ToArray())),
    development.Images.index_select(0, nearestIndex.index_select(0, torch.tensor(closest.Select(i => (long)i).ToArray()))) }, 0);
lesson.Display(Images.Grid(pairImages, side: 28, columns: closest.Length, scale: 4).WithTitle(
    $"top: the {closest.Length} test images closest to a development image; below each, its nearest neighbour (RMS {string.Join(", ", closest.Select(i => nearestDistance[i].ToString("F3")))})"));
lesson.Display($"{testWithTwin.Length} of {isMalignant.Length} test images ({(double)testWithTwin.Length / isMalignant.Length:P0}) have a development image within RMS {duplicateThreshold}; " +
    $"{testWithTwin.Count(i => isMalignant[i])} of them malignant");

Check.That(testWithTwin.Length > 0 && nearestDistance.Min() < 0.001, "some test images have a near-copy in the development set, one of them an exact copy");
Check.That(nearestDistance.Count(d => d >= duplicateThreshold && d < 0.055) == 0, "the threshold falls in a gap of the histogram");

// 检查发现了按图像划分所留下的问题：相当一部分测试图像在开发集中有近似副本，其中一张逐像素完全相同（单元格打印了具体数目）。图中可以看出原因：这些图像对是同一个病灶，至多有轻微的平移或曝光差异。这就是**数据泄漏**：对这些图像，测试衡量的既是诊断，也是"认出"。诚实的做法是报告它，并看看它影响有多大：下一个单元格在*没有*近似副本的测试图像上重新计算 AUC。真正的解决办法需要患者编号，而 MedMNIST 没有提供：按患者划分，并使用笔记本 05 中的分组交叉验证。

var clean = Enumerable.Range(0, isMalignant.Length).Except(testWithTwin).ToArray();
BinaryScores Only(BinaryScores s, int[] keep) => new(keep.Select(i => s.Scores[i]).ToArray(), keep.Select(i => s.IsPositive[i]).ToArray());
var plainClean = Only(plainTest, clean).DeLongAuc();
var sparseClean = Only(sparseTest, clean).DeLongAuc();
lesson.Display($"AUC on the {clean.Length} test images without a near-copy ({clean.Count(i => isMalignant[i])} malignant): no L1 {plainClean.Interval.Format("F3")}, L1 {sparseClean.Interval.Format("F3")}; " +
    $"on all {isMalignant.Length}: no L1 {plainDeLong.Interval.Format("F3")}, L1 {sparseDeLong.Interval.Format("F3")}");

// ## 11. 稀疏模型用到了哪些像素？
//
// 第一层的每个权重把一个输入像素连接到 64 个隐藏单元中的一个。一个像素对模型的**重要性**可以用它连向 64 个隐藏单元的那一列权重的 L2 范数 ‖W₁[:, pixel]‖₂ 来概括；一个像素的 64 个权重如果全部精确为零，那么无论它有多亮，都被完全忽略。下面把两张 28×28 的图像并排画在同一个灰度尺度上（黑 = 两张图中最小的范数，白 = 最大的范数），左边是不带 L1 的模型：

Tensor PixelNorms(Mlp model) => model.Layers[0].weight!.detach().square().sum(new long[] { 0 }).sqrt();   // (784): norm of each input's column
var plainNorms = PixelNorms(plain);
var sparseNorms = PixelNorms(sparse);
var deadSparse = sparse.Layers[0].weight!.detach().eq(0).all(0).sum().item<long>();
var deadPlain = plain.Layers[0].weight!.detach().eq(0).all(0).sum().item<long>();
lesson.Display(Images.Grid(torch.stack(new[] { plainNorms, sparseNorms }), side: 28, columns: 2, scale: 6).WithTitle(
    $"‖W₁[:, pixel]‖₂ on one gray scale: left no L1, right L1 (λ = {l1Lambda})"));
lesson.Display($"pixels with all {sizes[1]} weights exactly zero: L1 {deadSparse} of {sizes[0]}, no L1 {deadPlain}; L1 weights exactly zero overall: {sparsity.ZeroFraction:P1} ({sparsity.Zeros:N0} of {sparsity.Count:N0})");

Check.That(deadPlain == 0 && deadSparse == sparseNorms.eq(0).sum().item<long>(), "a pixel is dead exactly when its weight norm is 0, and the no-L1 model has none");
Check.That(!fullSize || deadSparse < sizes[0] / 10, "at full size L1 switches off few whole pixels, if any");

// 单元格打印了 L1 模型中精确为零的权重所占比例，以及有多少个像素的所有权重都变成了零：在完整规模下很少甚至没有（隐藏单元格会检查）。这与 MNIST 不同（笔记本 04，练习 1）：在 MNIST 中，空白的边缘像素在每张图像中都是 0，得不到任何数据梯度，于是被软阈值完全关掉。而超声图像中的每个像素都在变化，所以每个像素都保留了一些梯度：L1 把每个像素的连接变稀疏，而不是把像素关掉。只有当一个像素的每个权重上，软阈值的拉力都压过了数据梯度时，这个像素才会被关掉。笔记本 09 用组套索有意地关掉整个像素。权重图显示的是模型用了什么，而不是什么在医学上有意义：它既可能揭示病灶，也同样可能暴露一条捷径（测量卡尺标记、叠加的文字、图像边框）。
//
// ## 12. 诊断汇总
//
// 按 STARD 2015 的精神汇总在一屏之内：什么数据、怎样划分、患病率多少、每个设置由哪条规则选出，以及每个指标连同其计数和置信区间。最后一张表把两个模型与多数类以及 MedMNIST v2 为 BreastMNIST 发表的结果（Yang 等 2023，表 3：28×28 输入的 ResNet-18 和 Google AutoML Vision）并排列出；后者在同一个测试集上报告 AUC 和按 argmax（阈值 0.5）计算的准确率，没有置信区间；我们的准确率一列使用同样的规则。

string Row(string name, string plainValue, string sparseValue) => $"  {name,-34} no L1: {plainValue,-44} L1: {sparseValue}";
var summary = new[]
{
    "DIAGNOSTIC ACCURACY SUMMARY — BreastMNIST (MedMNIST v2, from BUSI), index test: MLP 784 → 64 → 2 on 28×28 ultrasound",
    $"  data: {breast.Train.Count + breast.Validation.Count + breast.Test.Count} images, official split by image (not by patient); reference standard: BUSI's label",
    $"  development (train + validation): {development.Count} images, {developmentPositive.Count(p => p)} malignant; test: {isMalignant.Length} images, {malignantTest} malignant (prevalence {testPrevalence:P1})",
    $"  chosen by {folds}-fold stratified CV × {seeds} seeds on development only: λ = {l1Lambda} (best mean AUC); thresholds: highest with out-of-fold sensitivity ≥ {targetSensitivity:P0}, median over seeds",
    $"  fixed in advance: architecture, SGD lr {baseOptions.LearningRate}, batch {baseOptions.BatchSize}, {epochs} epochs; test split used once",
    Row("threshold", plainThreshold.ToString("F3"), sparseThreshold.ToString("F3")),
    Row("sensitivity", plainAt.SensitivityInterval().ToString(), sparseAt.SensitivityInterval().ToString()),
    Row("specificity", plainAt.SpecificityInterval().ToString(), sparseAt.SpecificityInterval().ToString()),
    Row($"PPV at {testPrevalence:P1} (test split)", plainAt.PositivePredictiveValueInterval().ToString(), sparseAt.PositivePredictiveValueInterval().ToString()),
    Row($"NPV at {testPrevalence:P1} (test split)", plainAt.NegativePredictiveValueInterval().ToString(), sparseAt.NegativePredictiveValueInterval().ToString()),
    Row($"PPV at {screeningPrevalence:P1} (Bayes)", plainScreening.PositivePredictiveValue.Format("F3"), sparseScreening.PositivePredictiveValue.Format("F3")),
    Row($"NPV at {screeningPrevalence:P1} (Bayes)", plainScreening.NegativePredictiveValue.Format("F4"), sparseScreening.NegativePredictiveValue.Format("F4")),
    Row("balanced accuracy", plainBalanced.ToString(), sparseBalanced.ToString()),
    Row("AUC", $"{plainDeLong.Interval.Format("F3")}; {plainBoot.Interval.Format("F3")}", $"{sparseDeLong.Interval.Format("F3")}; {sparseBoot.Interval.Format("F3")}"),
    Row("average precision", plainAp.ToString(), sparseAp.ToString()),
    Row("Brier score (reference " + brierReference.ToString("F3") + ")", plainBrier.Interval.Format("F3"), sparseBrier.Interval.Format("F3")),
    Row("ECE (10 bins)", plainEce.Interval.Format("F3"), sparseEce.Interval.Format("F3")),
    Row("weights exactly 0 / dead pixels", $"{Sparsity.Measure(plain).ZeroFraction:P1} / {deadPlain}", $"{sparsity.ZeroFraction:P1} / {deadSparse}"),
    $"  paired AUC difference L1 − no L1: DeLong {delongDifference}; bootstrap {bootDifference}",
    $"  near-duplicates: {testWithTwin.Length} test images within RMS {duplicateThreshold} of a development image; AUC without them: no L1 {plainClean.Interval.Format("F3")}, L1 {sparseClean.Interval.Format("F3")}",
    $"  intervals: 95 %; Wilson for proportions; DeLong and stratified bootstrap ({resamples} resamples, seed 1) for AUC; bootstrap for the rest",
};
Console.WriteLine(string.Join("\n", summary));
var atHalf = new[] { plainTest, sparseTest }.Select(s => s.At(0.5).AccuracyInterval()).ToArray();
lesson.Display(new DataFrame(
    new StringDataFrameColumn("BreastMNIST test split", new[] { "always benign (majority class)", "MLP, no L1 (this notebook)", $"MLP, L1 λ = {l1Lambda} (this notebook)", "ResNet-18 (28), MedMNIST v2", "Google AutoML Vision, MedMNIST v2" }),
    new StringDataFrameColumn("AUC", new[] { "0.500", plainDeLong.Interval.Format("F3"), sparseDeLong.Interval.Format("F3"), "0.901", "0.919" }),
    new StringDataFrameColumn("ACC (argmax)", new[] { majority.AccuracyInterval().Format("F3"), atHalf[0].Format("F3"), atHalf[1].Format("F3"), "0.863", "0.861" })));

Check.That(!fullSize || (plainDeLong.Auc < 0.901 && sparseDeLong.Auc < 0.901), "at full size both MLPs rank below MedMNIST's ResNet-18");

// 在完整规模下，一个以 784 个原始像素为输入的小型多层感知机，排序能力不及 MedMNIST 表中的卷积网络（隐藏单元格会检查）。它的准确率要与同一张表中多数类那一行比较，而不是与 0.5 比较：在这份数据上，准确率不适合作为主要指标，该看的是 AUC、配对差值和置信区间。MedMNIST 的模型在训练集上训练、在验证集上选择，它们的数字没有置信区间；在这个测试集上，它们的 AUC 同样会带有几个百分点宽的置信区间。
//
// <div style="border: 2px solid #b00; padding: 0.8em; margin: 1em 0">
//
// **本材料仅用于教学，不是诊断设备。它不得用于决定一名女性是否需要活检、进一步影像检查或随访，也不得用于判读任何真实患者的图像。** 这些模型在来自一家医院数据集的几百张缩小后的超声图像上训练，按图像划分且划分之间存在近似副本，只在一个很小的测试集上评估，没有外部验证、没有前瞻性研究、没有经过监管审查。它们的置信区间很宽，在这个数据集之外的校准情况未经检验，在筛查人群中的阳性预测值只有百分之几。
//
// </div>
//
// ## 小结
//
// - BreastMNIST：28×28 的乳腺超声图像（MedMNIST v2，源自 BUSI；CC BY 4.0），0 = 恶性，1 = 正常/良性，约四分之一为恶性，按图像划分。永远回答"良性"会漏掉全部癌症，而其准确率恰好等于良性所占比例：先把这条基线打印出来。
// - λ 和判定阈值在训练集 + 验证集上用多个种子的分层 K 折交叉验证、按事先声明的规则选出；测试集只打分一次。
// - 每个比例都附上计数和 Wilson 区间；AUC 附上 DeLong 和分层自助法的置信区间；同一批图像上的两个模型要做**配对**比较，看它们差值的置信区间。
// - 阳性预测值和阴性预测值取决于患病率：贝叶斯公式把它们从测试集换算到筛查人群，在那里几乎每一次阳性判断都会是误报。
// - 校准（Brier 分数、可靠性图、ECE）回答得分能否当作风险来读；精确率–召回率曲线和平均精确率显示每发现一个癌症要付出多少次误报。
// - MedMNIST 按图像划分，在划分之间留下了近似副本：要去查找、报告，并在剔除它们之后重新计算。
// - 以软阈值施加的 L1 把一部分权重置零，但在超声图像上几乎不会关掉整个像素；权重图显示的是模型用了什么，而那可能是一条捷径。

// ## 练习
//
// 每道练习都要求写一个函数。在学生版中，它的答案单元格里是这个函数，其中有一行会抛出 `NotImplementedException`：把这一行换成你的代码。下面的测试单元格检查你的答案，并说明它检查了什么；评分程序（`l1lab workshop grade`）运行同样的测试，另外还有几个针对其他输入的隐藏测试。

// ### 练习 1：另一条阈值规则——约登指数
//
// 第 3 节按目标灵敏度选择阈值。另一条把两类错误同等看待的规则是使**约登指数** J = 灵敏度 + 特异度 − 1 最大。写出 `double YoudenThreshold(double[] scores, bool[] isPositive)`，在得分本身中返回使 J 最大的阈值（得分 ≥ t 判为阳性）；若有并列，取其中最高的阈值。什么时候临床医生不会想用这条规则？
//
// *检查内容（2 分）：* 测试检查一个手工构造的六个得分的例子，并显示 L1 模型折外得分（第一个种子）的约登阈值；隐藏测试在不带 L1 的模型的折外得分上与暴力搜索的结果比较。

double YoudenThreshold(double[] scores, bool[] isPositive)
{
    // BEGIN SOLUTION
    // J weighs a missed cancer and a false alarm equally, which a triage or screening use does not.
    double best = double.NegativeInfinity, bestThreshold = double.NaN;
    foreach (var t in scores.Distinct().OrderByDescending(s => s))
    {
        var m = BinaryMetrics.Confusion(scores, isPositive, t);
        var j = m.Sensitivity + m.Specificity - 1;
        if (j > best) (best, bestThreshold) = (j, t);
    }
    return bestThreshold;
    // END SOLUTION
}

// Test: positives 0.9, 0.7, 0.4; negatives 0.8, 0.3, 0.2. At t = 0.7: se 2/3, sp 2/3, J 1/3; at t = 0.4: se 1, sp 2/3, J 2/3 (the best).
var yScores = new[] { 0.9, 0.8, 0.7, 0.4, 0.3, 0.2 };
var yTruth = new[] { true, false, true, true, false, false };
if (YoudenThreshold(yScores, yTruth) != 0.4) throw new Exception($"expected 0.4, got {YoudenThreshold(yScores, yTruth)}");
var youdenL1 = YoudenThreshold(outOfFold[chosen][0], developmentPositive);
var youdenAt = BinaryMetrics.Confusion(outOfFold[chosen][0], developmentPositive, youdenL1);
lesson.Display($"L1 model, out-of-fold scores of seed 0: Youden threshold {youdenL1:F3} (sensitivity {youdenAt.Sensitivity:P1}, specificity {youdenAt.Specificity:P1}); the 90 % rule chose {sparseThresholds[0]:F3}");
// BEGIN HIDDEN TESTS
var hScores = outOfFold[0][0];
var hBest = hScores.Distinct().Max(t => BinaryMetrics.Confusion(hScores, developmentPositive, t).Sensitivity + BinaryMetrics.Confusion(hScores, developmentPositive, t).Specificity - 1);
var hAt = BinaryMetrics.Confusion(hScores, developmentPositive, YoudenThreshold(hScores, developmentPositive));
if (Math.Abs(hAt.Sensitivity + hAt.Specificity - 1 - hBest) > 1e-12) throw new Exception("YoudenThreshold does not reach the largest J");
if (YoudenThreshold(new[] { 0.5, 0.5 }, new[] { true, false }) != 0.5) throw new Exception("a single distinct score is its own threshold");
// END HIDDEN TESTS

// ### 练习 2：一个测试集需要多少个癌症？
//
// 一项研究若想把灵敏度报告到 ±5 个百分点以内，就需要足够多的恶性图像。写出 `int PositivesForHalfWidth(double sensitivity, double halfWidth)`，返回最小的 n，使得 n 次中成功 round(sensitivity·n) 次时，95 % Wilson 区间的半宽 (upper − lower)/2 不超过 `halfWidth`。使用 `Wilson.Interval` 和 `Math.Round(sensitivity * n, MidpointRounding.AwayFromZero)`；依次尝试 n = 1, 2, 3, …。把答案与 BreastMNIST 测试集中恶性图像的数目比较。
//
// *检查内容（2 分）：* 测试检查灵敏度 0.9、±0.05 时的答案满足要求，且更小的 n 都不满足；隐藏测试检查其他目标。

int PositivesForHalfWidth(double sensitivity, double halfWidth)
{
    // BEGIN SOLUTION
    for (var n = 1; ; n++)
    {
        var interval = Wilson.Interval((long)Math.Round(sensitivity * n, MidpointRounding.AwayFromZero), n);
        if ((interval.Upper - interval.Lower) / 2 <= halfWidth) return n;
    }
    // END SOLUTION
}

// Test: the answer meets ±0.05 at sensitivity 0.9, and every smaller n misses it.
bool Meets(double se, double h, int n) { var w = Wilson.Interval((long)Math.Round(se * n, MidpointRounding.AwayFromZero), n); return (w.Upper - w.Lower) / 2 <= h; }
var needed = PositivesForHalfWidth(0.9, 0.05);
if (!Meets(0.9, 0.05, needed)) throw new Exception($"n = {needed} does not reach ±0.05");
if (Enumerable.Range(1, needed - 1).Any(n => Meets(0.9, 0.05, n))) throw new Exception($"a smaller n than {needed} already reaches ±0.05");
lesson.Display($"sensitivity 0.90 to ±0.05 needs {needed} malignant images; to ±0.10, {PositivesForHalfWidth(0.9, 0.10)}; BreastMNIST's test split has {malignantTest}");
// BEGIN HIDDEN TESTS
foreach (var (se, h) in new[] { (0.8, 0.1), (0.95, 0.02), (0.5, 0.15) })
{
    var m = PositivesForHalfWidth(se, h);
    if (!Meets(se, h, m) || Enumerable.Range(1, m - 1).Any(n => Meets(se, h, n))) throw new Exception($"wrong answer {m} for sensitivity {se}, ±{h}");
}
// END HIDDEN TESTS

// ### 练习 3：净获益——决策曲线的视角
//
// 阈值 t 也表明了临床医生如何权衡危害：在概率 t 处判为阳性，意味着发现一个癌症值得 (1 − t)/t 次误报。决策曲线分析（Vickers 和 Elkin，2006）把这一点变成在阈值 t 处依据模型采取行动的**净获益**：NB(t) = TP/N − FP/N · t/(1 − t)，单位是每名患者的真阳性数，已扣除误报。写出 `double NetBenefit(double[] scores, bool[] isPositive, double t)`（得分 ≥ t 判为阳性）。把模型的净获益与"人人活检"比较，后者的净获益为 π − (1 − π)·t/(1 − t)。
//
// *检查内容（2 分）：* 测试检查一个手工构造的例子，并显示两个模型和"人人活检"在测试集上 t = 0.1 和 0.3 时的净获益；隐藏测试在其他阈值下与混淆矩阵的结果核对。

double NetBenefit(double[] scores, bool[] isPositive, double t)
{
    // BEGIN SOLUTION
    var m = BinaryMetrics.Confusion(scores, isPositive, t);
    return (double)m.TruePositives / m.Total - (double)m.FalsePositives / m.Total * t / (1 - t);
    // END SOLUTION
}

// Test: scores 0.9 P, 0.6 N, 0.4 P, 0.2 N at t = 0.5: TP 1, FP 1 of 4 → 1/4 − 1/4 · 1 = 0; at t = 0.3: TP 2, FP 1 → 2/4 − 1/4 · 3/7 = 0.392857…
var nbScores = new[] { 0.9, 0.6, 0.4, 0.2 };
var nbTruth = new[] { true, false, true, false };
if (Math.Abs(NetBenefit(nbScores, nbTruth, 0.5)) > 1e-12) throw new Exception($"expected 0 at t = 0.5, got {NetBenefit(nbScores, nbTruth, 0.5)}");
if (Math.Abs(NetBenefit(nbScores, nbTruth, 0.3) - (0.5 - 0.25 * 3 / 7.0)) > 1e-12) throw new Exception($"expected 0.392857 at t = 0.3, got {NetBenefit(nbScores, nbTruth, 0.3)}");
foreach (var t in new[] { 0.1, 0.3 })
    lesson.Display($"t = {t}: net benefit no L1 {NetBenefit(plainTest.Scores.ToArray(), isMalignant, t):F3}, L1 {NetBenefit(sparseTest.Scores.ToArray(), isMalignant, t):F3}, " +
        $"biopsy everyone {testPrevalence - (1 - testPrevalence) * t / (1 - t):F3}, biopsy no one 0");
// BEGIN HIDDEN TESTS
foreach (var t in new[] { 0.05, 0.2, 0.6 })
{
    var m = sparseTest.At(t);
    var expected = (m.TruePositives - m.FalsePositives * t / (1 - t)) / m.Total;
    if (Math.Abs(NetBenefit(sparseTest.Scores.ToArray(), isMalignant, t) - expected) > 1e-12) throw new Exception($"NetBenefit differs from the confusion matrix at t = {t}");
}
// END HIDDEN TESTS

plain.Dispose();
sparse.Dispose();
development.Dispose();
breast.Dispose();
lesson.Display("freed");

// 下一节：[08 — 稀疏性换来了什么](08-sparse-model.cs)：带精确零的模型在推理时会变得更小、更快吗？或者返回[课程概览](../../README.zh-CN.md)。
