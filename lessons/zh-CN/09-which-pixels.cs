#:project ../../lib/L1Lab/L1Lab.csproj
// # 09 — 哪些像素？Lasso 与组套索
//
// 学完本笔记本，你将能够：用近端梯度法在图像像素上拟合 L1 正则化逻辑回归（即 **Lasso（套索）**），算出使它什么也不选的 λ，读懂它的正则化路径；推导并核对**组套索**的近端步，并用它在 MLP 中关掉整个像素；衡量一次选择在重抽样下有多稳定（**稳定性选择**）；只在验证数据上做出每一个选择，并给出带 95 % 区间的测试 AUC——还能说清一张"被选像素图"关于图像说明了什么、没说明什么。
//
// **预备知识：** [07 — 医学图像中的 L1](07-medical-imaging.cs)（BreastMNIST，阳性 = 恶性，ROC 与 AUC，验证集与测试集）、[08 — 稀疏性换来了什么](08-sparse-model.cs)（精确的零；结构化稀疏去掉整个输入）、[02 — L1 惩罚项](02-l1-penalty.cs)（软阈值）、[05 — 选择 λ](05-choosing-lambda.cs)。
//
// 为什么排在第九：它需要 07 的医学数据和诊断指标，也需要 08 的观点——稀疏模型首先是一个更小、更易读的模型。笔记本 07 发现，对单个权重施加 L1 并没有关掉任何一个完整的像素。临床研究用 L1 的方式不同：把 Lasso 当作**特征选择**——模型到底用了哪些输入？这里的输入是 28×28 乳腺超声图像的 784 个像素。
//
// Exported from notebooks/zh-CN/09-which-pixels.ipynb by `l1lab notebooks export --to cs`: edit the notebook and export again, not this file.
// Run it with `dotnet run lessons/zh-CN/09-which-pixels.cs`; quick values: `dotnet run lessons/zh-CN/09-which-pixels.cs -- --quick`; one value:
// `-- --set name=value`. Text prints here; figures are written as SVG/HTML files to out/ next to this file.

using TorchSharp;
using static TorchSharp.torch;
using Microsoft.Data.Analysis;
using L1Lab;
using L1Lab.Data;
using L1Lab.Diagnostics;
using L1Lab.Models;
using L1Lab.Selection;
using L1Lab.Training;
using L1Lab.Visuals;
using L1Lab.Lessons;

// Parameters (the notebook's cell tagged "parameters"): edit them here or set them on the command line.
var lesson = Lesson.Start(args, parameters: ["steps", "pathLength", "epochs", "resamples"], quick: ["steps=100", "pathLength=6", "epochs=2", "resamples=5"]);
var steps = lesson.Parameter("steps", 1000);       // most proximal gradient iterations per lasso fit (FISTA)
var pathLength = lesson.Parameter("pathLength", 20);    // values of λ on the regularization path
var epochs = lesson.Parameter("epochs", 30);        // passes over the 546 training images for each group-lasso MLP
var resamples = lesson.Parameter("resamples", 50);     // half-samples drawn for stability selection

L1Lab.Native.TorchRuntime.Initialize(); // before any torch call (see 00-setup)
var words = Words.For("zh-CN");   // the language of the sentences cells print (each edition names its own)
torch.random.manual_seed(9);
lesson.Display("ready");

// 参数。BreastMNIST 很小，所以每次运行都使用全部图像；快速运行（CI、课堂）限制近端梯度的迭代次数，拟合更短的路径，MLP 训练更少的轮，抽取更少的重抽样。正文描述的是完整规模的运行；依赖它的检查会注明这一点。

// ## 1. 把图像写成设计矩阵
//
// 每张图像成为矩阵 **X**（n 张图像 × p = 784 个像素，灰度在 [0, 1] 内）的一行，它的标签成为 **y** 的一项：恶性为 1（BreastMNIST 的第 0 类，也就是诊断试验要找的那一类，与 07 相同），正常或良性为 0。我们不对像素做标准化：它们的单位相同（灰度），Lasso 的惩罚项在同一尺度上对待每个系数。

var breast = MedMnist.LoadBreastMnist(DataPaths.FindDataDirectory());
Tensor Malignant(ImageDataset d) => d.Labels.eq(0).to_type(ScalarType.Float64);   // y = 1 for malignant
bool[] IsMalignant(ImageDataset d) => d.Labels.data<long>().Select(l => l == 0).ToArray();
var (xTrain, yTrain) = (breast.Train.Images, Malignant(breast.Train));
var (xValidation, yValidation) = (breast.Validation.Images, Malignant(breast.Validation));
var (xTest, isMalignantTest) = (breast.Test.Images, IsMalignant(breast.Test));
var isMalignantValidation = IsMalignant(breast.Validation);
string Pixel(int j) => $"({j / 28}, {j % 28})";   // (row, column) of pixel j
var splits = new[] { ("train", breast.Train), ("validation", breast.Validation), ("test", breast.Test) };
lesson.Display(new DataFrame(
    new StringDataFrameColumn("split", splits.Select(s => s.Item1)),
    new Int32DataFrameColumn("images", splits.Select(s => s.Item2.Count)),
    new Int32DataFrameColumn("malignant (y = 1)", splits.Select(s => IsMalignant(s.Item2).Count(m => m))),
    new StringDataFrameColumn("prevalence", splits.Select(s => IsMalignant(s.Item2).Average(m => m ? 1.0 : 0).ToString("P1")))));

// ## 2. 用于诊断的 Lasso
//
// 逻辑回归给图像打分 z = x·β + β₀，并令 P(恶性 | x) = σ(z) = 1/(1 + e^{−z})。**Lasso** 通过最小化平均对数损失加上 β 的 L1 惩罚项来拟合 β 和 β₀（截距 β₀ 不受惩罚：它只决定基础比例）：
//
// $$F(\beta, \beta_0) = \underbrace{\frac1n \sum_{i=1}^n \Big[\log\big(1 + e^{z_i}\big) - y_i z_i\Big]}_{f(\beta,\beta_0)\ \text{光滑}} + \lambda \lVert \beta \rVert_1 .$$
//
// 光滑部分的梯度是 ∇_β f = Xᵀ(σ(z) − y)/n，这个梯度是 **Lipschitz 连续**的，常数为 L = ‖[X 1]‖₂²/(4n)（黑塞矩阵是 [X 1]ᵀ diag(p(1 − p)) [X 1]/n，而 p(1 − p) ≤ ¼）。所以笔记本 03 的近端梯度步取步长 1/L 时，F 永远不会增大：
//
// $$\beta \leftarrow \operatorname{soft}\!\Big(\beta - \tfrac1L \nabla_\beta f,\ \tfrac{\lambda}{L}\Big), \qquad \beta_0 \leftarrow \beta_0 - \tfrac1L\,\partial_{\beta_0} f .$$
//
// `LogisticLasso.Fit` 执行的正是这一步，调用的是 MLP 训练器也在用的同一个 `Updates.ProximalStep`，并加上 FISTA 的动量（Beck 与 Teboulle，2009）以减少迭代次数；它的测试把结果与 scikit-learn 的 `LogisticRegression(penalty="l1")` 对比。它在**中心化**的像素 x − x̄ 上拟合，这是等价的问题（不受惩罚的截距吸收了 x̄·β）：每个像素都是正的，所以 [X 1] 沿平均图像方向有一个很大的奇异值，去掉它会让 L——以及迭代次数——小得多。两种步长如下：

var lipschitz = LogisticLasso.Lipschitz(xTrain);
var lipschitzCentred = LogisticLasso.Lipschitz(xTrain - xTrain.mean(new long[] { 0 }));
var lasso = new LogisticLassoOptions { MaxIterations = steps, Tolerance = 1e-6 };
lesson.Display($"L = ‖[X 1]‖₂² / (4n) = {lipschitz:F3} on the raw pixels, {lipschitzCentred:F3} on centred ones: a step 1/L = {1 / lipschitzCentred:F3} instead of {1 / lipschitz:F4}");

// ## 3. λ_max：选择从哪里开始
//
// 在 β = 0 时，最优截距使 σ(β₀) = ȳ，即恶性图像所占的比例，所以光滑部分的梯度是 ∇_β f = Xᵀ(ȳ − y)/n。β = 0 是最小点，当且仅当 0 属于那里的次微分，∇_β f + λ·∂‖0‖₁ ∋ 0，也就是每个 |∇_β f_j| ≤ λ。于是，什么也不选的最小 λ 是：
//
// $$\lambda_{\max} = \frac{\lVert X^\top (y - \bar y) \rVert_\infty}{n}.$$
//
// Xᵀ(y − ȳ)/n 的每一项是一个像素与标签的协方差；协方差绝对值最大的像素最先进入模型。先手算，再用课程库：

var x64 = xTrain.to_type(ScalarType.Float64);
var covariance = x64.t().mv(yTrain - yTrain.mean()) / x64.shape[0];   // one entry per pixel
var lambdaMaxByHand = covariance.abs().max().item<double>();
var firstPixel = (int)covariance.abs().argmax().item<long>();
var lambdaMax = LogisticLasso.LambdaMax(xTrain, yTrain);
lesson.Display($"λ_max = {lambdaMaxByHand:E6} by hand, {lambdaMax:E6} from LogisticLasso.LambdaMax; the pixel that enters first is {Pixel(firstPixel)}, " +
$"whose covariance with 'malignant' is {covariance[firstPixel].item<double>():+0.0000;-0.0000}");

Check.That(Math.Abs(lambdaMaxByHand - lambdaMax) <= 1e-12 * lambdaMax, "the hand computation and LogisticLasso.LambdaMax give the same λ_max");

// 这个公式说了两件可以用拟合来检查的事：略高于 λ_max 时什么也不选，略低于它时会选中某个像素——就是上面找到的那个。

var justAbove = LogisticLasso.Fit(xTrain, yTrain, lambdaMax * 1.001, lasso);
var justBelow = LogisticLasso.Fit(xTrain, yTrain, lambdaMax * 0.99, lasso);
lesson.Display($"at 1.001·λ_max: {justAbove.SelectedCount} pixels selected; at 0.99·λ_max: {justBelow.SelectedCount} ({string.Join(", ", justBelow.Selected.Select(Pixel))})");

Check.That(justAbove.SelectedCount == 0, "just above λ_max nothing is selected");
Check.That(justBelow.SelectedCount > 0 && justBelow.Selected.Contains(firstPixel), "just below λ_max something is selected: the pixel with the largest covariance");

// ## 4. 正则化路径
//
// 把 λ 从 λ_max 降到 λ_max/30，分 `pathLength` 步（在对数尺度上等距），在每个 λ 上拟合，每次都从上一个解出发（**热启动**：相邻的 λ 有相邻的解，所以每次拟合只需很少的迭代）。`LassoPath.Fit` 就是这样做的。对每个 λ，我们数出被选中的像素，并为稍后选择 λ 在验证图像上打分（绝不用测试图像）。

var lambdas = LassoPath.Lambdas(lambdaMax, pathLength, ratio: 1.0 / 30);
var path = LassoPath.Fit(xTrain, yTrain, lambdas, lasso);
var validationAuc = path.Select(m => BinaryMetrics.Auc(m.Probabilities(xValidation), isMalignantValidation)).ToArray();
lesson.Display(new Figure("The lasso path on BreastMNIST: pixels selected as λ falls",
    Axis.Log("λ (log scale; λ_max on the right)"), Axis.Linear("pixels selected (β ≠ 0)"),
    new LineSeries("selected pixels", lambdas, path.Select(m => (double)m.SelectedCount).ToArray()) { Markers = true }));

var shown = new[] { 0, pathLength / 4, pathLength / 2, 3 * pathLength / 4, pathLength - 1 }.Distinct().ToArray();
lesson.Display(new DataFrame(
    new DoubleDataFrameColumn("λ / λ_max", shown.Select(k => Math.Round(lambdas[k] / lambdaMax, 4))),
    new Int32DataFrameColumn("pixels selected", shown.Select(k => path[k].SelectedCount)),
    new DoubleDataFrameColumn("validation AUC", shown.Select(k => Math.Round(validationAuc[k], 3))),
    new Int32DataFrameColumn("iterations (warm start)", shown.Select(k => path[k].Iterations)),
    new BooleanDataFrameColumn("converged", shown.Select(k => path[k].Converged))));

// 同一批拟合的系数画成 28×28 的图（红色 = 推向*恶性*，蓝色 = 推向*良性*，白色 = 精确为零；所有图共用一个色标），从左边的 λ_max 到右边的 λ_max/30：

var betaMaps = stack(shown.Select(k => tensor(path[k].Weights.Select(w => (float)w).ToArray())).ToArray());
lesson.Display(Images.Grid(betaMaps, side: 28, columns: shown.Length, scale: 4, diverging: true)
    .WithTitle($"β at λ/λ_max = {string.Join(", ", shown.Select(k => (lambdas[k] / lambdaMax).ToString("G2")))}"));

Check.That(path[0].SelectedCount == 0, "the path starts at λ_max with nothing selected");
Check.That(path[^1].SelectedCount > path[shown[1]].SelectedCount, "more pixels are selected as λ falls");

// ## 5. 在验证数据上选择 λ
//
// 路径提供了 `pathLength` 个模型；用哪一个是一个选择，而选择要在验证集上做（笔记本 05），绝不在测试集上做。规则在看结果之前就定下：在验证 AUC 与最好值相差不超过 0.02 的那些 λ 中，取**最大**的一个（像素最少）——这是一条简约规则，精神上与 05 的一倍标准误规则相同，因为 78 张验证图像（其中 21 张恶性）分辨不出相差百分之几的 AUC。

lesson.Display(new Figure("Validation AUC along the lasso path", Axis.Log("λ (log scale)"), Axis.Linear("validation AUC"),
    new LineSeries("lasso", lambdas, validationAuc) { Markers = true }));

var bestValidationAuc = validationAuc.Max();
var chosenIndex = Enumerable.Range(0, path.Count).First(k => validationAuc[k] >= bestValidationAuc - 0.02);   // largest λ first
var chosen = path[chosenIndex];
lesson.Display(Figure.Heatmap($"lasso at λ = {chosen.Lambda:E2}: β per pixel ({chosen.SelectedCount} selected)",
    HeatmapSeries.FromTensor("β", tensor(chosen.Weights.ToArray()).reshape(28, 28)) with { Scale = ColorScale.Diverging, ShowScale = true }, size: 300));
lesson.Display($"chosen λ = {chosen.Lambda:E3} (λ_max/{lambdaMax / chosen.Lambda:F1}): {chosen.SelectedCount} of 784 pixels, validation AUC {validationAuc[chosenIndex]:F3} (best on the path {bestValidationAuc:F3})");

// ## 6. 组套索：在 MLP 中关掉整个像素
//
// 在 07 的 MLP（784 → 64 → 2）中，像素 j 通过 64 个权重进入网络，即第一层的列 W₁[:, j]。对单个权重施加 L1 会让这些列变稀疏，但正如 07 所发现的，很少能把一整列清空。要选择像素，就把每一列当作一个**组**来惩罚：
//
// $$R(W_1) = \lambda_g \sum_{j=1}^{784} \lVert W_1[:, j] \rVert_2 .$$
//
// 这是组与组之间的 L1（所以组会精确为零）、组内的 L2（所以一个组整体保留或整体去掉）。
//
// **推导它的近端步。** 对一个组 w 和阈值 t = ηλ_g，近端算子是
//
// $$\operatorname{prox}_{t\lVert\cdot\rVert_2}(w) = \arg\min_v\ t\lVert v\rVert_2 + \tfrac12 \lVert v - w\rVert_2^2 .$$
//
// - 如果最小点 v 不是 0，目标函数在那里可微，梯度为零：t·v/‖v‖ + v − w = 0，所以 w = v·(1 + t/‖v‖)。于是 v 与 w 同向，取范数得 ‖w‖ = ‖v‖ + t，即 ‖v‖ = ‖w‖ − t，这要求 ‖w‖ > t。代回去：v = (1 − t/‖w‖)·w。
// - 当 0 属于 v = 0 处的次微分时，v = 0 就是最小点。t‖v‖₂ 在 0 处的次微分是球 {u : ‖u‖ ≤ t}，所以条件 0 ∈ t·球 − w 就是 **‖w‖ ≤ t**：此时整个组精确为零。
//
// 合起来就是**块软阈值**：w ← max(0, 1 − t/‖w‖₂)·w。当每组只有一个权重时，它就是笔记本 02 的软阈值。
//
// 用暴力搜索来检查：对两个二维的组（一个比 t 长，一个比 t 短），在精细网格上最小化目标函数，并与公式和 `GroupLasso.SoftThresholdGroup` 比较：

double ProxObjective(double[] v, double[] w, double t) =>
    t * Math.Sqrt(v[0] * v[0] + v[1] * v[1]) + 0.5 * ((v[0] - w[0]) * (v[0] - w[0]) + (v[1] - w[1]) * (v[1] - w[1]));
double[] GridMinimiser(double[] w, double t)
{
    double[] best = { 0, 0 };
    for (double a = -2; a <= 2; a += 0.005)
        for (double b = -2; b <= 2; b += 0.005)
            if (ProxObjective(new[] { a, b }, w, t) < ProxObjective(best, w, t)) best = new[] { a, b };
    return best;
}
double[] BlockSoftThreshold(double[] w, double t)
{
    var norm = Math.Sqrt(w[0] * w[0] + w[1] * w[1]);
    var scale = Math.Max(0, 1 - t / norm);
    return new[] { scale * w[0], scale * w[1] };
}
var proxT = 0.5;
var groupCases = new[] { new[] { 0.9, -1.2 }, new[] { 0.3, 0.25 } };   // ‖w‖ = 1.5 > t and ‖w‖ = 0.39 ≤ t
var proxRows = groupCases.Select(w => (W: w, Grid: GridMinimiser(w, proxT), Formula: BlockSoftThreshold(w, proxT),
    Library: GroupLasso.SoftThresholdGroup(tensor(w), proxT).data<double>().ToArray())).ToList();
string Show(double[] v) => $"({v[0]:F3}, {v[1]:F3})";
lesson.Display(new DataFrame(
    new StringDataFrameColumn("w", proxRows.Select(r => Show(r.W))),
    new StringDataFrameColumn("grid minimiser", proxRows.Select(r => Show(r.Grid))),
    new StringDataFrameColumn("max(0, 1 − t/‖w‖)·w", proxRows.Select(r => Show(r.Formula))),
    new StringDataFrameColumn("GroupLasso.SoftThresholdGroup", proxRows.Select(r => Show(r.Library)))));

Check.That(proxRows.All(r => Math.Abs(r.Grid[0] - r.Formula[0]) <= 0.005 && Math.Abs(r.Grid[1] - r.Formula[1]) <= 0.005), "the grid minimiser agrees with the closed form to the grid's resolution");
Check.That(proxRows.All(r => Math.Abs(r.Library[0] - r.Formula[0]) < 1e-12 && Math.Abs(r.Library[1] - r.Formula[1]) < 1e-12), "the library computes the closed form");
Check.That(proxRows[1].Formula.All(v => v == 0) && proxRows[1].Grid.All(v => v == 0), "the group shorter than t becomes exactly zero");

// **用它来训练。** `TrainingOptions.InputGroupLambda` = λ_g 让训练器在每次 SGD 更新之后，对第一层的每一列执行这一步：W₁[:, j] ← max(0, 1 − ηλ_g/‖W₁[:, j]‖)·W₁[:, j]。训练 07 的 MLP（784 → 64 → 2，相同的初始权重，批大小 32 的 SGD，训练 `epochs` 轮，学习率 0.05——是 07 的五倍，这样更少的轮数就够了），取几个 λ_g，并在验证集上给每个模型打分。λ_g 按与上面 λ 相同的规则选择：验证 AUC 与最好值相差不超过 0.02 的 λ_g 中最大的一个。

var sizes = new[] { 784, 64, 2 };
var mlpOptions = new TrainingOptions { Epochs = epochs, LearningRate = 0.05 };
var groupLambdas = new[] { 0.0, 0.003, 0.01, 0.03, 0.1 };
var groupRuns = groupLambdas.Select(lg =>
{
    var model = Mlp.Create(sizes, mlpOptions.Seed);
    new Trainer(mlpOptions with { InputGroupLambda = lg }).Fit(model, breast.Train, breast.Validation);
    var kept = 784 - GroupLasso.ZeroColumns(model.Layers[0].weight!);
    return (Lambda: lg, Model: model, Kept: kept, ValidationAuc: BinaryMetrics.Scores(model, breast.Validation, positiveClass: 0).Roc().Auc);
}).ToList();
lesson.Display(new DataFrame(
    new DoubleDataFrameColumn("λ_g", groupRuns.Select(r => r.Lambda)),
    new Int32DataFrameColumn("pixels kept (column ≠ 0)", groupRuns.Select(r => r.Kept)),
    new DoubleDataFrameColumn("validation AUC", groupRuns.Select(r => Math.Round(r.ValidationAuc, 3)))));

var bestGroupAuc = groupRuns.Max(r => r.ValidationAuc);
var chosenGroup = groupRuns.Last(r => r.ValidationAuc >= bestGroupAuc - 0.02);   // the largest λ_g within 0.02 of the best
Figure KeptPixelMap(Mlp model, double lambdaG, int kept) =>
    Figure.Heatmap($"group lasso, λ_g = {lambdaG}: ‖W₁[:, pixel]‖₂ ({kept} of 784 pixels kept)",
        HeatmapSeries.FromTensor("‖W₁[:, pixel]‖₂", GroupLasso.ColumnNorms(model.Layers[0].weight!.detach()).reshape(28, 28)) with { Scale = ColorScale.Viridis, ShowScale = true }, size: 300);
lesson.Display(KeptPixelMap(chosenGroup.Model, chosenGroup.Lambda, chosenGroup.Kept));
lesson.Display($"chosen λ_g = {chosenGroup.Lambda}: {chosenGroup.Kept} pixels kept, {784 - chosenGroup.Kept} switched off (all 64 of their weights exactly zero); validation AUC {chosenGroup.ValidationAuc:F3}");

Check.That(groupRuns[0].Kept == 784, "without the group penalty every pixel keeps some weight");
Check.That(groupRuns.Zip(groupRuns.Skip(1)).All(p => p.Second.Kept <= p.First.Kept), "a larger λ_g keeps no more pixels");
Check.That(epochs < 30 || groupRuns[^1].Kept < 784, "at full size the strongest λ_g switches whole pixels off");

// **怎样读这个选择。** 规则取的是验证 AUC 与最好值相差不超过 0.02 的 λ_g 中最大的一个。只有 546 张训练图像时，选出的 λ_g 可能弱到每个像素都还留着一些权重：上面的表格列出了每个 λ_g 保留了多少像素，以及它在验证集上付出的代价。在这里，关掉像素并不是免费的，而这条规则如实地说出了这一点，而不是硬造出一张稀疏的图。为了看看在*强制*选择时哪些像素能留下来，下一个单元格画出我们试过的最强的 λ_g。请把它读作对这一个模型的描述，而不是"这些像素对诊断重要"的证据（第 9 节说明了原因）。

var strongest = groupRuns[^1];
lesson.Display(KeptPixelMap(strongest.Model, strongest.Lambda, strongest.Kept));
lesson.Display($"strongest λ_g = {strongest.Lambda}: {strongest.Kept} pixels kept, validation AUC {strongest.ValidationAuc:F3}, against {chosenGroup.ValidationAuc:F3} at the chosen λ_g = {chosenGroup.Lambda}");

// ## 7. 稳定性选择
//
// 一次 Lasso 拟合给出一组像素，但相邻像素高度相关，在相关的输入之中 Lasso 几乎是任意地挑出一个：样本稍有不同，挑出的就是另一个。**稳定性选择**（Meinshausen 与 Bühlmann，*JRSS B* 72，2010）衡量这一点：在训练图像的许多个随机的一半上拟合 Lasso（在每个类别内部抽取，所以每一半都保持患病率），数出每个像素被选中的次数，选择频率至少为 π_thr = 0.8 的像素称为**稳定的**。
//
// 用哪个 λ？稳定性选择需要一个让单次拟合只选很少像素（q 个）的 λ，因为它的误差界（见下文）随 q² 增长。我们取路径上这样的最大 λ：在全部训练图像上的拟合至少选中 15 个像素——这个选择只用到训练数据。

var stabilityLambda = path.FirstOrDefault(m => m.SelectedCount >= 15)?.Lambda ?? lambdas[^1];
var stabilityOptions = new StabilitySelectionOptions { Resamples = resamples, Threshold = 0.8, Seed = 9 };
var stability = StabilitySelection.LogisticLasso(xTrain, yTrain, stabilityLambda, stabilityOptions, lasso);
lesson.Display(Figure.Heatmap($"selection frequency over {resamples} half-samples (λ = {stabilityLambda:E2})",
    HeatmapSeries.FromTensor("frequency", tensor(stability.Frequencies.ToArray()).reshape(28, 28)) with { Scale = ColorScale.Viridis, ShowScale = true, Min = 0, Max = 1 }, size: 300));
var stableAlsoChosen = stability.Stable.Count(j => chosen.Weights[j] != 0);
lesson.Display($"{stability.Stable.Count} stable pixels (frequency ≥ {stabilityOptions.Threshold}): {string.Join(", ", stability.Stable.Select(Pixel))}; " +
$"{stableAlsoChosen} of them are among the {chosen.SelectedCount} the validation-chosen lasso selected. One half-sample selected {stability.MeanSelected:F1} pixels on average.");

// Meinshausen 与 Bühlmann 给出了不携带信号的稳定像素的期望个数的上界，E[V] ≤ q²/((2π_thr − 1)·p)，其中 q 是每个一半样本平均选中的像素数，p = 784——它依赖一个可交换性假设，而相邻、相关的像素并不满足它，所以把它看作一个粗略的量级，而不是保证：

lesson.Display($"q = {stability.MeanSelected:F1}, p = 784, π_thr = {stabilityOptions.Threshold}: E[false stable pixels] ≤ {stability.ExpectedFalseSelectionsBound:F2}");

Check.That(stability.Frequencies.All(f => f >= 0 && f <= 1), "selection frequencies are shares of the resamples");
Check.That(stability.Stable.All(j => stability.Frequencies[j] >= stabilityOptions.Threshold), "the stable pixels are those selected in at least π_thr of the half-samples");

// ## 8. 测试集，只用一次
//
// 所有选择都已做出：Lasso 的 λ 和组套索 MLP 的 λ_g（按验证 AUC，用事先说明的规则）。现在，也只有现在，对测试集打分，只此一次。每个 AUC 都附有 95 % DeLong 区间和背后的计数；两个模型做配对比较（同一批图像），用 DeLong 检验其差值。旁边列出：多数类规则（总是判"良性"），以及本领域的基准，MedMNIST v2 的 ResNet-18 (28) 在 BreastMNIST 上的 AUC 0.901（Yang 等，*Scientific Data* 2023，表 3）。

var lassoTest = new BinaryScores(chosen.Probabilities(xTest), isMalignantTest);
var groupTest = BinaryMetrics.Scores(chosenGroup.Model, breast.Test, positiveClass: 0);
var lassoAuc = DeLong.Auc(lassoTest);
var groupAuc = DeLong.Auc(groupTest);
var pairedAuc = DeLong.Compare(lassoTest, groupTest);
var benign = isMalignantTest.Count(m => !m);
var majority = Wilson.Interval(benign, isMalignantTest.Length);
lesson.Display(new DataFrame(
    new StringDataFrameColumn("model (test split)", new[] { $"lasso, λ = {chosen.Lambda:E2} ({chosen.SelectedCount} pixels)", $"group-lasso MLP, λ_g = {chosenGroup.Lambda} ({chosenGroup.Kept} pixels)", "always 'benign'", "MedMNIST v2 ResNet-18 (28), published" }),
    new StringDataFrameColumn("AUC (95 % DeLong)", new[] { lassoAuc.Interval.Format("F3"), groupAuc.Interval.Format("F3"), "0.5 (no ranking)", "0.901" }),
    new StringDataFrameColumn("accuracy", new[] { "", "", $"{majority.Estimate:P1} ({benign}/{isMalignantTest.Length}; Wilson {majority.Lower:P1}–{majority.Upper:P1})", "0.863" }),
    new StringDataFrameColumn("images", new[] { $"{lassoAuc.Positives} malignant, {lassoAuc.Negatives} benign", $"{groupAuc.Positives} malignant, {groupAuc.Negatives} benign", $"{isMalignantTest.Length}", "156" })));

var verdict = pairedAuc.IsDistinguishableFromNoise ? words.Say("distinguishable from noise on these images") : words.Say("not distinguishable from noise on these images");
lesson.Display(words.Say($"paired (DeLong): lasso − group-lasso MLP = {pairedAuc.Difference:+0.000;-0.000} (95 % CI {pairedAuc.Interval.Lower:+0.000;-0.000} to {pairedAuc.Interval.Upper:+0.000;-0.000}, p = {pairedAuc.PValue:F2}): {verdict}"));

Check.That(lassoAuc.Positives == isMalignantTest.Count(m => m) && lassoAuc.Negatives == benign, "the AUC's counts are the test split's malignant and benign images");
Check.That(lassoAuc.Interval.Lower <= lassoAuc.Auc && lassoAuc.Auc <= lassoAuc.Interval.Upper && groupAuc.Interval.Contains(groupAuc.Auc), "each AUC lies inside its interval");

// 如何读这张表：测试集中只有约 40 张恶性图像，一个 AUC 的 95 % 区间大约有 ± 0.07 宽，所以这些模型之间相差百分之几——或者一次运行与换个种子的重跑之间的差别——都在噪声之内；配对比较说明这一次是否如此。这里的两个模型都远小于 ResNet，只在 546 张图像上训练，都低于已发表的基准。
//
// ## 9. 一张被选像素图说明了什么、没说明什么
//
// 人们很容易把像素图读成"癌在哪里"。它不是，原因有四：
//
// - **被选中不等于因果，甚至不等于重要。** 相邻像素几乎可以互相替代；Lasso 在一组相关像素中保留一个、丢掉其余的，保留哪一个取决于样本（第 7 节测量了这种程度）。没被选中的像素可能携带与被选中者相同的信息。
// - **像素是位置，不是解剖结构。** 这些图像没有配准：每个患者的病灶位置不同、大小不同。在 546 名患者上被选中的像素，是两类灰度*平均而言*有差异的位置——例如病灶在取景中往往出现的地方，或者图像中心有多暗。
// - **捷径也是特征。** 超声图像上可能有测量卡尺（超声医师在可疑病灶周围放置的测量标记）、文字标注，以及扫描仪显示界面留下的边框。如果这些标记在某一类中更常见，模型就会利用它们，像素图也会显示它们：图像边缘或角落里的像素是警示信号，而不是发现。在 28×28 下这些标记变模糊了，但并没有消失。
// - **一个数据集，按图像划分。** BUSI 的 780 张图像来自 600 名患者，而 MedMNIST 按图像划分，所以同一名患者可能同时出现在训练集和测试集中；这里没有任何结果表明被选中的像素能推广到另一家医院的扫描仪。
//
// 这些图*确实*说明的是：这个模型在这些图像上拟合后用到了哪些输入——这正是审查它有没有走捷径、看它的依赖有多稳定所需要的。
//
// <div style="border: 2px solid #b00; padding: 0.8em; margin: 1em 0">
//
// **这是教学材料，不是诊断设备。** 这些模型在来自同一来源的 546 张缩小的超声图像上拟合，在 78 张上做选择，在 156 张上评估，没有外部验证、临床研究或监管审查。本笔记本中的任何内容都不应影响关于任何人健康的决定。
//
// </div>

// ## 小结
//
// - 用于诊断的 Lasso 就是 L1 正则化逻辑回归；近端梯度法以步长 1/L（L = ‖[X 1]‖₂²/(4n)）和阈值 λ/L 的软阈值求解它（与 MLP 训练器是同一个 `Updates.ProximalStep`）。
// - λ_max = ‖Xᵀ(y − ȳ)‖∞/n 是什么也不选的最小 λ（在它的上下两侧都检查过）；与标签协方差最大的像素最先进入，路径显示了其余像素随 λ 下降依次进入。
// - 组套索的近端步是块软阈值，w ← max(0, 1 − t/‖w‖₂)·w：‖w‖₂ ≤ t 的组精确为零（由次微分推导，并用暴力搜索检查）。把它作用于每个像素的 64 个输出权重，就能关掉整个像素。
// - 稳定性选择在一半样本上重复 Lasso，保留在大多数一半样本中被选中的像素；相关的相邻像素使单次拟合的选择不稳定。
// - λ 和 λ_g 都在验证数据上选择；测试集只打分一次，每个 AUC 都附有 DeLong 区间和计数，两个模型做配对比较。
// - 被选中的像素是这个模型在这些图像上用到的位置：不是病因，不是解剖结构，也可能是一条捷径。

// ## 练习
//
// 每道练习都要求写一个函数。在学生版中，它的答案单元格里是这个函数，其中有一行会抛出 `NotImplementedException`：把这一行换成你的代码。下面的测试单元格检查你的答案，并说明它检查了什么；评分程序（`l1lab workshop grade`）运行同样的测试，另外还有几个针对其他输入的隐藏测试。

// ### 练习 1：稀疏组套索
//
// **稀疏组套索**同时用两种范数惩罚一个组，a·‖v‖₁ + b·‖v‖₂，所以它既会去掉整个组，*又*会让保留下来的组变稀疏。已知它的近端算子就是你学过的两步，按这个顺序：先对每一项按 a 做软阈值，再对结果按 b 做块软阈值。编写 `double[] SparseGroupProx(double[] w, double a, double b)` 返回它（普通数组；不需要张量）。
//
// *检查内容（2 分）：* 测试检查 w = (3, −0.5, 1)、a = b = 1，结果应为 (1, 0, 0)；隐藏测试把它与在网格上暴力最小化 a‖v‖₁ + b‖v‖₂ + ½‖v − w‖² 的结果比较，并检查一个整体消失的组。

double[] SparseGroupProx(double[] w, double a, double b)
{
    // BEGIN SOLUTION
    var soft = w.Select(x => Math.Sign(x) * Math.Max(Math.Abs(x) - a, 0) + 0.0).ToArray();   // + 0.0 turns −0 into 0
    var norm = Math.Sqrt(soft.Sum(x => x * x));
    var scale = norm > b ? 1 - b / norm : 0;
    return soft.Select(x => scale * x).ToArray();
    // END SOLUTION
}

// Test: soft-threshold (3, −0.5, 1) by 1 → (2, 0, 0), then block soft-threshold by 1 → (1, 0, 0).
var sgp = SparseGroupProx(new[] { 3.0, -0.5, 1.0 }, 1, 1);
if (sgp.Length != 3 || Math.Abs(sgp[0] - 1) > 1e-12 || sgp[1] != 0 || sgp[2] != 0)
    throw new Exception($"expected (1, 0, 0), got ({string.Join(", ", sgp)})");
lesson.Display($"SparseGroupProx((3, −0.5, 1), 1, 1) = ({string.Join(", ", sgp)})");
// BEGIN HIDDEN TESTS
double SgObjective(double[] v, double[] w, double a, double b) =>
    a * v.Sum(Math.Abs) + b * Math.Sqrt(v.Sum(x => x * x)) + 0.5 * v.Zip(w).Sum(p => (p.First - p.Second) * (p.First - p.Second));
foreach (var (w, a, b) in new[] { (new[] { 1.2, -0.7 }, 0.3, 0.4), (new[] { -2.0, 0.1 }, 0.5, 0.2), (new[] { 0.4, 0.5 }, 0.2, 0.6) })
{
    double[] best = { 0, 0 };
    for (double x = -2.5; x <= 2.5; x += 0.005)
        for (double y = -2.5; y <= 2.5; y += 0.005)
            if (SgObjective(new[] { x, y }, w, a, b) < SgObjective(best, w, a, b)) best = new[] { x, y };
    var ours = SparseGroupProx(w, a, b);
    if (Math.Abs(ours[0] - best[0]) > 0.006 || Math.Abs(ours[1] - best[1]) > 0.006)
        throw new Exception($"SparseGroupProx({w[0]}, {w[1]}; {a}, {b}) = ({ours[0]:F4}, {ours[1]:F4}), brute force ({best[0]:F4}, {best[1]:F4})");
}
if (SparseGroupProx(new[] { 0.4, 0.5 }, 0.2, 0.6).Any(v => v != 0)) throw new Exception("a group whose soft-thresholded norm is at most b must vanish");
// END HIDDEN TESTS

// ### 练习 2：两次选择有多一致？
//
// 稳定性选择逐个像素计数。衡量两次选择一致程度的单个数字是 **Jaccard 指数**，|A ∩ B| / |A ∪ B|：两者相同时为 1，毫无共同之处时为 0（两者都为空时取 1）。编写 `double Jaccard(IReadOnlyCollection<int> a, IReadOnlyCollection<int> b)`。
//
// *检查内容（1 分）：* 测试检查 {1, 2, 3} 与 {2, 3, 4}（0.5），并显示在所选 λ 下，Lasso 在训练图像两个不相交的一半上所选像素的一致程度；隐藏测试检查空集、相同集合和不相交集合。

double Jaccard(IReadOnlyCollection<int> a, IReadOnlyCollection<int> b)
{
    // BEGIN SOLUTION
    var union = a.Union(b).Count();
    return union == 0 ? 1 : (double)a.Intersect(b).Count() / union;
    // END SOLUTION
}

// Test: {1, 2, 3} and {2, 3, 4} share 2 of 4 pixels.
if (Jaccard(new[] { 1, 2, 3 }, new[] { 2, 3, 4 }) != 0.5) throw new Exception($"expected 0.5, got {Jaccard(new[] { 1, 2, 3 }, new[] { 2, 3, 4 })}");
var halves = StabilitySelection.HalfSamples(IsMalignant(breast.Train), 1, seed: 3)[0];
var otherHalf = Enumerable.Range(0, breast.Train.Count).Select(i => (long)i).Except(halves).ToArray();
IReadOnlyList<int> SelectedOn(long[] rows) => LogisticLasso.Fit(xTrain.index_select(0, tensor(rows)), yTrain.index_select(0, tensor(rows)), chosen.Lambda, lasso).Selected;
lesson.Display($"two disjoint halves of the training images, λ = {chosen.Lambda:E2}: Jaccard index of the selected pixels {Jaccard(SelectedOn(halves).ToArray(), SelectedOn(otherHalf).ToArray()):F2}");
// BEGIN HIDDEN TESTS
if (Jaccard(Array.Empty<int>(), Array.Empty<int>()) != 1) throw new Exception("two empty selections agree completely (1)");
if (Jaccard(new[] { 5, 7 }, new[] { 7, 5 }) != 1) throw new Exception("identical sets have Jaccard index 1");
if (Jaccard(new[] { 1 }, new[] { 2, 3 }) != 0) throw new Exception("disjoint sets have Jaccard index 0");
// END HIDDEN TESTS

foreach (var run in groupRuns) run.Model.Dispose();
breast.Dispose();
lesson.Display("freed");

// 下一个：[10 — 胸部 X 光片上的稀疏 CNN](10-chest-xray-cnn.cs)：对整个卷积滤波器施加组套索。或者返回[课程概览](../../README.zh-CN.md)。
