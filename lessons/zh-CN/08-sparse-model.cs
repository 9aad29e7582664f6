#:project ../../lib/L1Lab/L1Lab.csproj
// # 08 — 稀疏性换来了什么：更小、更快的模型？
//
// 学完本笔记本，你将能够把权重矩阵存成压缩稀疏行（CSR）格式，算出它比稠密矩阵小多少，运行稀疏模型的前向传播并与稠密模型核对，并在自己的机器上测出：稀疏性达到多少时，CSR 推理才能胜过稠密矩阵乘法——分别在批大小为 1 和 1,000 时。
//
// **预备知识：** [02 — L1 惩罚项](02-l1-penalty.cs)（软阈值给出精确的零）、[04 — MNIST 实验](04-mnist-experiment.cs)（在文章的 MLP 上使用近端 L1）。
//
// 近端 L1 会把许多权重置为精确的零。零权重对预测毫无贡献，所以稀疏模型看起来应该更省存储、也更快。是否真的如此，取决于这些零是怎么存储的，以及做乘法的是什么硬件。本笔记本对这两点都做测量。
//
// Exported from notebooks/zh-CN/08-sparse-model.ipynb by `l1lab notebooks export --to cs`: edit the notebook and export again, not this file.
// Run it with `dotnet run lessons/zh-CN/08-sparse-model.cs`; quick values: `dotnet run lessons/zh-CN/08-sparse-model.cs -- --quick`; one value:
// `-- --set name=value`. Text prints here; figures are written as SVG/HTML files to out/ next to this file.

using TorchSharp;
using static TorchSharp.torch;
using L1Lab;
using L1Lab.Data;
using L1Lab.Models;
using L1Lab.Sparse;
using L1Lab.Training;
using L1Lab.Visuals;
using L1Lab.Lessons;

// Parameters (the notebook's cell tagged "parameters"): edit them here or set them on the command line.
var lesson = Lesson.Start(args, parameters: ["epochs", "trainSamples", "lambda", "testSamples", "timingRepeats", "largeBatch"], quick: ["epochs=1", "trainSamples=2000", "testSamples=1000", "timingRepeats=20", "largeBatch=100"]);
var epochs = lesson.Parameter("epochs", 10);            // passes over the training images, for each model
var trainSamples = lesson.Parameter("trainSamples", 60000);   // training images used
var lambda = lesson.Parameter("lambda", 1e-3);          // proximal L1 strength (04 showed 1e-2 collapses the model)
var testSamples = lesson.Parameter("testSamples", 10000);    // test images used for accuracy and the dense-vs-CSR check
var timingRepeats = lesson.Parameter("timingRepeats", 200);    // forward passes per timing (the median is reported)
var largeBatch = lesson.Parameter("largeBatch", 1000);      // the large batch of the timings (the small one is a single image)

L1Lab.Native.TorchRuntime.Initialize(); // before any torch call (see 00-setup)
var words = Words.For("zh-CN");   // the language of the sentences cells print (each edition names its own)
torch.random.manual_seed(8);
lesson.Display("ready");

// 参数。完整规模的运行在全部 60,000 张图像上训练；快速运行使用更少的图像和轮数，计时的重复次数也更少。

// ## 1. 手工构造压缩稀疏行格式
//
// 一个稠密的 `m × n` 矩阵要存全部 `m·n` 个数。**CSR** 只按行依次存储非零元，用三个数组：
//
// - `values`：按行排列的非零元素；
// - `columnIndex`：每个值所在的列；
// - `rowStart`：每一行在 `values` 中的起始位置（共 `m + 1` 项；第 `r` 行是 `values[rowStart[r] .. rowStart[r+1]]`）。
//
// 用一个循环为一个小矩阵构造这三个数组。

var small = tensor(new float[,] { { 0, 0, 1.5f, 0 }, { 0, 0, 0, 0 }, { -2, 0, 0, 0.5f } });
var dense = small.data<float>().ToArray();
int rows = (int)small.shape[0], columns = (int)small.shape[1];

var values = new List<float>();
var columnIndex = new List<int>();
var rowStart = new List<int> { 0 };
for (int r = 0; r < rows; r++)
{
    for (int c = 0; c < columns; c++)
        if (dense[r * columns + c] != 0) { values.Add(dense[r * columns + c]); columnIndex.Add(c); }
    rowStart.Add(values.Count);
}
lesson.Display($"values [{string.Join(", ", values)}], columnIndex [{string.Join(", ", columnIndex)}], rowStart [{string.Join(", ", rowStart)}]");

// 课程库的 `CsrMatrix.FromDense` 构造出同样的三个数组：

var csr = CsrMatrix.FromDense(small);
lesson.Display($"CsrMatrix: {csr.NonZeros} nonzeros of {rows * columns}, sparsity {csr.Sparsity:P1}");

Check.That(csr.Values.SequenceEqual(values) && csr.ColumnIndex.SequenceEqual(columnIndex) && csr.RowStart.SequenceEqual(rowStart), "CsrMatrix.FromDense builds the three arrays we built by hand");

// 线性层计算 `y = x·Wᵀ`：第 `r` 个输出是 `W` 的第 `r` 行与 `x` 的点积。在 CSR 格式下，这个点积只访问第 `r` 行中存储的权重，所以工作量是每个非零元一次乘加，而不是每个元素一次：
//
// $$y_r = \sum_{k=\text{rowStart}_r}^{\text{rowStart}_{r+1}-1} \text{values}_k \cdot x_{\text{columnIndex}_k}$$

var x = new float[] { 1, 2, 3, 4 };
var yByHand = new float[rows];
for (int r = 0; r < rows; r++)
    for (int k = rowStart[r]; k < rowStart[r + 1]; k++)
        yByHand[r] += values[k] * x[columnIndex[k]];

var yLibrary = new float[rows];
csr.Multiply(x, 1, yLibrary);
var yDense = small.matmul(tensor(x)).data<float>().ToArray();
lesson.Display($"y = [{string.Join(", ", yDense)}] by hand, by CsrMatrix.Multiply and by the dense product");

Check.That(yByHand.SequenceEqual(yDense) && yLibrary.SequenceEqual(yDense), "by hand, CsrMatrix.Multiply and the dense product give the same y");

// ## 2. CSR 什么时候更小？
//
// 每个存储的权重要花 4 字节的 `float` 值**和** 4 字节的 `int` 列索引，整个矩阵另加 `m + 1` 个行起始位置。稠密矩阵每个元素花 4 字节。所以对文章中 MLP 的第一层（256 × 784），只有剩下的权重少于大约一半时，CSR 才更小：
//
// $$4\,\text{nnz} + 4\,\text{nnz} + 4\,(m+1) < 4\,m\,n \iff \text{nnz} < \frac{m\,n - (m+1)}{2}$$
//
// 下一个单元格为第一层计算这个盈亏平衡点，并在一个恰好有这么多非零元的矩阵上用 `CsrMatrix.StorageBytes` 核对公式。

long m = 256, n = 784;
long breakEvenNonZeros = (m * n - (m + 1)) / 2;
var atBreakEven = zeros(m, n);
atBreakEven.view(-1).narrow(0, 0, breakEvenNonZeros).fill_(1f);
var breakEvenCsr = CsrMatrix.FromDense(atBreakEven);
var oneMore = zeros(m, n);
oneMore.view(-1).narrow(0, 0, breakEvenNonZeros + 1).fill_(1f);
lesson.Display(words.Say($"first layer: CSR is smaller below {breakEvenNonZeros:N0} nonzeros of {m * n:N0}, i.e. above {1 - (double)breakEvenNonZeros / (m * n):P1} sparsity"));

Check.That(breakEvenCsr.StorageBytes < breakEvenCsr.DenseBytes && CsrMatrix.FromDense(oneMore).StorageBytes >= breakEvenCsr.DenseBytes, "the break-even count is the largest number of nonzeros at which CSR is smaller than dense");

// ## 3. 由近端 L1 得到的稀疏模型
//
// 把文章的 MLP（784 → 256 → 10，SGD，学习率 0.01，批大小 32）训练两次：一次不加 L1，一次在参数单元格给出的 λ 下使用近端 L1。稀疏模型中的零是精确的，所以 `SparseMlp.From` 可以把它们丢掉。

var mnist = Mnist.Load(DataPaths.FindDataDirectory());
var train = mnist.Train.Take(trainSamples);
var test = mnist.Test.Take(testSamples);
mnist.Dispose();
var options = new TrainingOptions { Epochs = epochs };

var baseline = Mlp.Create([784, 256, 10], seed: 42);
var baselineHistory = new Trainer(options).Fit(baseline, train, test);
var sparseModel = Mlp.Create([784, 256, 10], seed: 42);
var sparseHistory = new Trainer(options with { L1Lambda = lambda, L1Mode = L1Mode.Proximal }).Fit(sparseModel, train, test);
lesson.Display($"baseline: test accuracy {baselineHistory[^1].TestAccuracy:P2}, exact zeros {baselineHistory[^1].ZeroFraction:P2}; " +
$"proximal L1 (λ = {lambda}): test accuracy {sparseHistory[^1].TestAccuracy:P2}, exact zeros {sparseHistory[^1].ZeroFraction:P2}");

// 把 L1 模型转换为 CSR，并检查它在整个测试集上算出相同的 logits——从而给出相同的预测：

var sparse = SparseMlp.From(sparseModel);
sparseModel.eval();
Tensor denseLogits, sparseLogits;
using (no_grad()) denseLogits = sparseModel.forward(test.Images);
sparseLogits = sparse.Forward(test.Images);
var maxDifference = (denseLogits - sparseLogits).abs().max().item<float>();
var samePredictions = denseLogits.argmax(1).eq(sparseLogits.argmax(1)).all().item<bool>();
foreach (var (w, i) in sparse.Weights.Select((w, i) => (w, i)))
    Console.WriteLine($"layer {i + 1}: {w.Rows} × {w.Columns}, {w.NonZeros:N0} nonzeros ({w.Sparsity:P1} zeros), dense {w.DenseBytes / 1024.0:F1} KiB, CSR {w.StorageBytes / 1024.0:F1} KiB");
lesson.Display(words.Say($"max |Δlogit| = {maxDifference:E2}, same predictions on all {test.Count:N0} test images; whole model: dense {sparse.DenseBytes / 1024.0:F1} KiB, CSR {sparse.StorageBytes / 1024.0:F1} KiB ({(double)sparse.StorageBytes / sparse.DenseBytes:P1} of dense)"));

Check.That(maxDifference <= 1e-4 && samePredictions, "the CSR model gives the dense model's logits to float rounding and the same predictions");

// 怎么读这个结果：只有当模型的稀疏性超过第 2 节的盈亏平衡点（约 50 %）时，它的 CSR 形式才会更小。快速运行（轮数少、图像少）时，近端 L1 还没来得及把多少权重置零，CSR 形式甚至可能比稠密形式*更大*；完整规模的运行则远远越过了盈亏平衡点（上面的单元格对你所做的那次运行打印了这两个数）。

// ## 4. 它更快吗？
//
// 乘加次数少并不自动意味着耗时少。稠密乘积在 LibTorch 中以矩阵–矩阵乘法（GEMM）的形式运行，使用向量指令和多个线程；而这里的 CSR 乘积是一个普通循环，按 `columnIndex` 在内存中跳着读。所以 CSR 需要的乘加次数必须远少于稠密乘积，才能胜出。
//
// `InferenceComparison.Measure` 在同一批数据上，分别测量稠密模型（TorchSharp，`no_grad`）和它的 CSR 副本一次前向传播的中位数耗时。这是拿一个单线程的标量循环去和 LibTorch 多线程、向量化的 GEMM 比，所以它检验的是*我们这个循环*，而不是一般意义上的稀疏计算核。`InferenceComparison.MeasureSparseCoo` 加上了 LibTorch 自己的稀疏计算核：同一个模型，每个权重矩阵存成稀疏 COO 张量（TorchSharp 0.107 提供 COO，不提供 CSR），由 LibTorch 做乘法。这些时间来自**你的**机器、此时此刻；每次运行都会有波动，所以要看比值，而不是单个数字。

var timings = new[] { 1, largeBatch }
    .Select(batch => InferenceComparison.Measure(sparseModel, test.Images.narrow(0, 0, batch), batch == 1 ? timingRepeats : Math.Max(3, timingRepeats / 50)))
    .ToList();
var cooTimings = new[] { 1, largeBatch }
    .Select(batch => InferenceComparison.MeasureSparseCoo(sparseModel, test.Images.narrow(0, 0, batch), batch == 1 ? timingRepeats : Math.Max(3, timingRepeats / 50)))
    .ToList();
foreach (var (t, c) in timings.Zip(cooTimings))
    Console.WriteLine($"batch {t.Batch,5}: dense {t.DenseMicroseconds,10:F1} µs, our CSR loop {t.SparseMicroseconds,10:F1} µs ({t.Speedup:F2}× as fast), LibTorch sparse COO {c.SparseMicroseconds,10:F1} µs ({c.Speedup:F2}× as fast)");
lesson.Display(words.Say($"sparsity of the L1 model: {timings[0].Sparsity:P1}"));

using (no_grad()) Check.That((InferenceComparison.SparseCooForward(sparseModel, test.Images) - sparseModel.forward(test.Images)).abs().max().item<float>() < 1e-4, "LibTorch's sparse COO product computes the same logits as the dense model");

// ## 5. 这台机器上的盈亏平衡稀疏性
//
// 为了看清 CSR 从哪里开始胜出，用**按幅值剪枝**（`Pruning.ByMagnitude` 把每个权重矩阵中 |w| 最小的那些置零）从基线得到各种稀疏性的模型，并对每个模型分别在批大小为 1 和 1,000 时测量稠密与 CSR 的耗时。剪枝基线模型与用 L1 训练并不是一回事——这只是为计时得到一个指定稀疏性的模型的办法。

var levels = new[] { 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99 };
var sweep = new List<InferenceTiming>();      // our CSR loop vs dense
var cooSweep = new List<InferenceTiming>();   // LibTorch sparse COO vs dense
foreach (var level in levels)
{
    using var pruned = Pruning.ByMagnitude(baseline, level);
    foreach (var batch in new[] { 1, largeBatch })
    {
        sweep.Add(InferenceComparison.Measure(pruned, test.Images.narrow(0, 0, batch), batch == 1 ? timingRepeats : Math.Max(3, timingRepeats / 50)));
        cooSweep.Add(InferenceComparison.MeasureSparseCoo(pruned, test.Images.narrow(0, 0, batch), batch == 1 ? timingRepeats : Math.Max(3, timingRepeats / 50)));
    }
}
foreach (var (t, c) in sweep.Zip(cooSweep))
    Console.WriteLine($"sparsity {t.Sparsity,6:P1}, batch {t.Batch,5}: dense {t.DenseMicroseconds,10:F1} µs, CSR loop {t.SparseMicroseconds,10:F1} µs ({t.Speedup,5:F2}×), LibTorch COO {c.SparseMicroseconds,10:F1} µs ({c.Speedup,5:F2}×)");
string BreakEven(List<InferenceTiming> timings, string kernel, int batch) =>
    timings.Where(t => t.Batch == batch && t.Speedup > 1).Select(t => t.Sparsity).DefaultIfEmpty(double.NaN).Min() is var s && double.IsNaN(s)
        ? words.Say($"batch {batch}: {kernel} never won up to {levels[^1]:P0} zeros")
        : words.Say($"batch {batch}: {kernel} wins from about {s:P0} zeros");
lesson.Display($"{BreakEven(sweep, "CSR loop", 1)}; {BreakEven(sweep, "CSR loop", largeBatch)}; {BreakEven(cooSweep, "LibTorch COO", 1)}; {BreakEven(cooSweep, "LibTorch COO", largeBatch)}");

// 把同样的测量结果画成图：高于 1（虚线）的地方，稀疏前向计算更快；实线是我们的 CSR 循环，点线是 LibTorch 的稀疏 COO 计算核。

var bySize = sweep.GroupBy(t => t.Batch)
    .Select(g => (Series)new LineSeries($"CSR loop, batch {g.Key:N0}", g.Select(t => 100 * t.Sparsity).ToArray(), g.Select(t => t.Speedup).ToArray()) { Markers = true });
var evenLine = new LineSeries("as fast as dense", new[] { 100 * levels[0], 100 * levels[^1] }, new[] { 1.0, 1.0 }) { Dash = LineDash.Dash, Width = 1 };
var cooBySize = cooSweep.GroupBy(t => t.Batch)
    .Select(g => (Series)new LineSeries($"LibTorch COO, batch {g.Key:N0}", g.Select(t => 100 * t.Sparsity).ToArray(), g.Select(t => t.Speedup).ToArray()) { Markers = true, Dash = LineDash.Dot });
lesson.Display(new Figure("Sparse forward passes vs dense, after magnitude pruning", Axis.Linear("weights exactly zero (%)"), Axis.Log("speed-up (dense time ÷ sparse time)"), bySize.Concat(cooBySize).Append(evenLine)));

// 测量结果取决于机器，也取决于测的是哪一种稀疏计算核（上面的单元格打印了你的数字；完整规模运行的数字在 `results/full-size/` 中）：
//
// - **存储**只由算术决定：不论什么机器，零超过约 50 % 时 CSR 就更小。
// - **速度**则需要多得多的零。我们的 CSR 循环是单线程的标量代码：它的每次乘加都比 LibTorch 稠密 GEMM 中的贵好几倍（要加载一个索引、分散地读取 `x`、用不上向量指令、只用一个核），所以只有当绝大部分权重都没了，它才可能持平，甚至根本持平不了；而且批越大差距越大，因为大的稠密 GEMM 比小的更接近处理器的峰值性能。这个盈亏平衡点说的是这个循环与调优过的稠密计算核之间的比较，而不是一般意义上的稀疏性。LibTorch 自己的稀疏计算核（点线）才是更公平的比较；它在你的机器上何时持平，上面已经打印出来。
// - λ = 1e-3 的近端 L1 在完整运行之后正好落在这条边界附近：它缩小了存储的模型，但只有在稀疏性足够高*而且*稀疏计算核足够好的地方，才能让推理更快。要可靠地加速，靠的是结构化稀疏（去掉整行或整个像素，稠密矩阵本身直接变小）；非结构化的零主要换来的是存储空间和可解释性。

// ## 小结
//
// - CSR 把矩阵存成 `values`、`columnIndex` 和 `rowStart`；它的乘积只访问非零元，计算结果与稠密乘积完全相同（这里在每张测试图像上核对到 1e-4 以内）。
// - 采用 4 字节的值和 4 字节的索引时，只有零超过约 50 %，CSR 才比稠密的 float32 矩阵小。
// - 稀疏乘积只有在远高于这个比例时才可能更快：第 5 节打印了在你的机器上测得的盈亏平衡稀疏性，既有我们的单线程 CSR 循环，也有 LibTorch 的稀疏 COO 计算核，分别针对单张图像和 1,000 张图像的批次。
// - L1 带来的稀疏性首先是一个更小、更易读的模型；要更快，需要非常高的稀疏性或结构化的稀疏。

// ## 练习
//
// 每道练习都要求写一个函数。在学生版中，它的答案单元格里是这个函数，其中有一行会抛出 `NotImplementedException`：把这一行换成你的代码。下面的测试单元格检查你的答案，并说明它检查了什么；评分程序（`l1lab workshop grade`）运行同样的测试，另外还有几个针对其他输入的隐藏测试。

// ### 练习 1：更小的下标
//
// 列数不超过 32,767 的层可以把列下标存成 2 字节的 `short`。编写 `long BreakEvenShort(long rows, long columns)`，返回这样的最大非零元素个数：在值占 4 字节、列下标占 **2 字节**、行起点占 4 字节（共 `rows + 1` 个）时，CSR 占用的字节数仍少于 `rows × columns` 的稠密 float32 矩阵。
//
// *检查内容（1 分）：* 测试检查第一层（256 × 784）：在这个个数下 CSR 更小；隐藏测试检查再多一个非零元素就不再更小，并检查另一种形状。

long BreakEvenShort(long rows, long columns)
{
    // BEGIN SOLUTION
    // 4·nnz + 2·nnz + 4·(rows + 1) < 4·rows·columns  ⇔  nnz < (4·rows·columns − 4·(rows + 1)) / 6
    return (4 * rows * columns - 4 * (rows + 1) - 1) / 6;
    // END SOLUTION
}

// Test: with BreakEvenShort(256, 784) nonzeros, CSR with 2-byte indices is smaller than the dense first layer.
long ShortCsrBytes(long nonZeros, long rows) => 4 * nonZeros + 2 * nonZeros + 4 * (rows + 1);
var firstLayerBreakEven = BreakEvenShort(256, 784);
if (ShortCsrBytes(firstLayerBreakEven, 256) >= 4 * 256L * 784)
    throw new Exception($"with {firstLayerBreakEven} nonzeros the CSR form is not smaller than the dense one");
lesson.Display($"first layer with 2-byte indices: CSR is smaller up to {firstLayerBreakEven:N0} nonzeros");
// BEGIN HIDDEN TESTS
if (ShortCsrBytes(firstLayerBreakEven + 1, 256) < 4 * 256L * 784)
    throw new Exception($"{firstLayerBreakEven} is not the largest such count: one more nonzero is still smaller");
var secondLayerBreakEven = BreakEvenShort(10, 256);
if (ShortCsrBytes(secondLayerBreakEven, 10) >= 4 * 10L * 256 || ShortCsrBytes(secondLayerBreakEven + 1, 10) < 4 * 10L * 256)
    throw new Exception($"BreakEvenShort(10, 256) = {secondLayerBreakEven} is not the break-even count");
// END HIDDEN TESTS

// ### 练习 2：数一数乘加次数
//
// 编写 `(long Dense, long Sparse) MultiplyAdds(SparseMlp model, int batch)`，返回 `batch` 张图像做一次前向计算时，用稠密权重矩阵和用 CSR 矩阵各需要多少次乘加（所有层都算，不计偏置和 ReLU）。使用 `model.Weights`。
//
// *检查内容（2 分）：* 测试用第 3 节的模型 `sparse`、批大小 1,000，按各层形状核对；隐藏测试直接数训练好的模型中的非零权重，并检查批大小为 1 的情形。

(long Dense, long Sparse) MultiplyAdds(SparseMlp model, int batch)
{
    // BEGIN SOLUTION
    return (batch * model.Weights.Sum(w => (long)w.Rows * w.Columns), batch * model.Weights.Sum(w => (long)w.NonZeros));
    // END SOLUTION
}

// Test: a batch of 1,000 through the 784-256-10 model costs 1,000 · (784·256 + 256·10) dense multiply-adds.
var macs = MultiplyAdds(sparse, 1000);
if (macs.Dense != 1000L * (784 * 256 + 256 * 10))
    throw new Exception($"the dense count should be one multiply-add per weight and image, got {macs.Dense:N0}");
lesson.Display($"batch of 1,000: dense {macs.Dense:N0}, CSR {macs.Sparse:N0} multiply-adds");
// BEGIN HIDDEN TESTS
var nonZeroWeights = sparseModel.Layers.Sum(l => l.weight!.ne(0).sum().item<long>());
if (macs.Sparse != 1000L * nonZeroWeights)
    throw new Exception($"the CSR count should be one multiply-add per nonzero weight and image: expected {1000L * nonZeroWeights:N0}, got {macs.Sparse:N0}");
if (MultiplyAdds(sparse, 1) != (784L * 256 + 256 * 10, nonZeroWeights))
    throw new Exception("MultiplyAdds(sparse, 1) should count one image");
// END HIDDEN TESTS

baseline.Dispose();
sparseModel.Dispose();
train.Dispose();
test.Dispose();
lesson.Display("freed");

// 下一个：[09 — 哪些像素？Lasso 与组套索](09-which-pixels.cs)：医学图像上的结构化稀疏，用 Lasso 和组套索选择整个像素。或者返回[课程概览](../../README.zh-CN.md)。
