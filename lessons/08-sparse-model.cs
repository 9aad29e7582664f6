#:project ../lib/L1Lab/L1Lab.csproj
// # 08 — What sparsity buys: a smaller and faster model?
//
// After this notebook you will be able to store a weight matrix in compressed sparse row (CSR) form, compute how much smaller it is than the dense matrix, run a sparse model's forward pass and check it against the dense one, and measure on your own machine the sparsity from which CSR inference beats a dense matrix product — at batch 1 and at batch 1,000.
//
// **Prerequisites:** [02 — The L1 penalty](02-l1-penalty.cs) (soft-thresholding gives exact zeros), [04 — The MNIST experiment](04-mnist-experiment.cs) (proximal L1 on the articles' MLP).
//
// Proximal L1 sets many weights to exactly zero. A zero weight contributes nothing to a prediction, so it seems a sparse model should be cheaper to store and to run. Whether it really is depends on how the zeros are stored and on the hardware that multiplies them. This notebook measures both.
//
// Exported from notebooks/08-sparse-model.ipynb by `l1lab notebooks export --to cs`: edit the notebook and export again, not this file.
// Run it with `dotnet run lessons/08-sparse-model.cs`; quick values: `dotnet run lessons/08-sparse-model.cs -- --quick`; one value:
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
var words = Words.English;   // the language of the sentences cells print (each edition names its own)
torch.random.manual_seed(8);
lesson.Display("ready");

// The parameters. The full-size run trains on all 60,000 images; a quick run uses fewer images and epochs, and fewer timing repeats.

// ## 1. Compressed sparse row, by hand
//
// A dense `m × n` matrix stores all `m·n` numbers. **CSR** stores only the nonzeros, row after row, in three arrays:
//
// - `values`: the nonzero entries, row by row;
// - `columnIndex`: the column of each value;
// - `rowStart`: where each row's run begins in `values` (`m + 1` entries; row `r` is `values[rowStart[r] .. rowStart[r+1]]`).
//
// Build them for a small matrix with a loop.

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

// The library's `CsrMatrix.FromDense` builds the same three arrays:

var csr = CsrMatrix.FromDense(small);
lesson.Display($"CsrMatrix: {csr.NonZeros} nonzeros of {rows * columns}, sparsity {csr.Sparsity:P1}");

Check.That(csr.Values.SequenceEqual(values) && csr.ColumnIndex.SequenceEqual(columnIndex) && csr.RowStart.SequenceEqual(rowStart), "CsrMatrix.FromDense builds the three arrays we built by hand");

// A linear layer computes `y = x·Wᵀ`: output `r` is the dot product of row `r` of `W` with `x`. In CSR form that dot product visits only the stored weights of row `r`, so the work is one multiply-add per nonzero instead of one per entry:
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

// ## 2. When is CSR smaller?
//
// Each stored weight costs a 4-byte `float` value **and** a 4-byte `int` column index, plus `m + 1` row starts for the whole matrix. The dense matrix costs 4 bytes per entry. So for the first layer of the articles' MLP (256 × 784), CSR is smaller only when fewer than about half the weights are left:
//
// $$4\,\text{nnz} + 4\,\text{nnz} + 4\,(m+1) < 4\,m\,n \iff \text{nnz} < \frac{m\,n - (m+1)}{2}$$
//
// The next cell computes that break-even for the first layer, and checks the formula against `CsrMatrix.StorageBytes` on a matrix with exactly that many nonzeros.

long m = 256, n = 784;
long breakEvenNonZeros = (m * n - (m + 1)) / 2;
var atBreakEven = zeros(m, n);
atBreakEven.view(-1).narrow(0, 0, breakEvenNonZeros).fill_(1f);
var breakEvenCsr = CsrMatrix.FromDense(atBreakEven);
var oneMore = zeros(m, n);
oneMore.view(-1).narrow(0, 0, breakEvenNonZeros + 1).fill_(1f);
lesson.Display(words.Say($"first layer: CSR is smaller below {breakEvenNonZeros:N0} nonzeros of {m * n:N0}, i.e. above {1 - (double)breakEvenNonZeros / (m * n):P1} sparsity"));

Check.That(breakEvenCsr.StorageBytes < breakEvenCsr.DenseBytes && CsrMatrix.FromDense(oneMore).StorageBytes >= breakEvenCsr.DenseBytes, "the break-even count is the largest number of nonzeros at which CSR is smaller than dense");

// ## 3. A sparse model from proximal L1
//
// Train the articles' MLP (784 → 256 → 10, SGD with learning rate 0.01, batch 32) twice: without L1, and with proximal L1 at the λ of the parameters cell. The sparse model's zeros are exact, so `SparseMlp.From` can drop them.

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

// Convert the L1 model to CSR and check that it computes the same logits — and so the same predictions — on the whole test set:

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

// How to read this: the model gets smaller in CSR form only if its sparsity is above the break-even of section 2 (about 50 %). With a quick run (few epochs, few images) proximal L1 has had little time to zero weights, and the CSR form can even be *larger* than the dense one; the full-size run goes well past the break-even (the cell above prints both figures for whichever run you made).

// ## 4. Is it faster?
//
// Fewer multiply-adds do not automatically mean less time. A dense product runs as a matrix-matrix multiplication (GEMM) in LibTorch, with vector instructions and several threads; the CSR product here is a plain loop that jumps through memory by `columnIndex`. So CSR needs far fewer multiply-adds than the dense product before it wins.
//
// `InferenceComparison.Measure` times the median forward pass of the dense model (TorchSharp, `no_grad`) and of its CSR copy on the same batch. That compares a single-threaded scalar loop with LibTorch's multi-threaded, vectorised GEMM, so it is a fair test of *our* loop, not of sparse kernels in general. `InferenceComparison.MeasureSparseCoo` adds LibTorch's own sparse kernels: the same model with each weight matrix as a sparse COO tensor (TorchSharp 0.107 exposes COO, not CSR), multiplied by LibTorch. Times are from **your** machine, right now; they vary from run to run, so read ratios, not single numbers.

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

// ## 5. The break-even sparsity on this machine
//
// To see where CSR starts to win, make models of every sparsity from the baseline by **magnitude pruning** (`Pruning.ByMagnitude` sets the smallest |w| of each weight matrix to zero) and time each one, dense and CSR, at batch 1 and at batch 1,000. Pruning the baseline is not the same as training with L1 — it is only a way to get a model of a chosen sparsity for timing.

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

// The same measurements as a picture: above 1 (the dashed line) the sparse pass is faster; solid lines are our CSR loop, dotted ones LibTorch's sparse COO kernels.

var bySize = sweep.GroupBy(t => t.Batch)
    .Select(g => (Series)new LineSeries($"CSR loop, batch {g.Key:N0}", g.Select(t => 100 * t.Sparsity).ToArray(), g.Select(t => t.Speedup).ToArray()) { Markers = true });
var evenLine = new LineSeries("as fast as dense", new[] { 100 * levels[0], 100 * levels[^1] }, new[] { 1.0, 1.0 }) { Dash = LineDash.Dash, Width = 1 };
var cooBySize = cooSweep.GroupBy(t => t.Batch)
    .Select(g => (Series)new LineSeries($"LibTorch COO, batch {g.Key:N0}", g.Select(t => 100 * t.Sparsity).ToArray(), g.Select(t => t.Speedup).ToArray()) { Markers = true, Dash = LineDash.Dot });
lesson.Display(new Figure("Sparse forward passes vs dense, after magnitude pruning", Axis.Linear("weights exactly zero (%)"), Axis.Log("speed-up (dense time ÷ sparse time)"), bySize.Concat(cooBySize).Append(evenLine)));

// What the measurement shows depends on the machine and on which sparse kernel is measured (the cells above print your numbers; a full-size run's are in `results/full-size/`):
//
// - **Storage** follows arithmetic alone: CSR is smaller above about 50 % zeros, whatever the machine.
// - **Speed** needs far more zeros. Our CSR loop is single-threaded scalar code: each of its multiply-adds costs several times one in LibTorch's dense GEMM (an index load, a scattered read of `x`, no vector instructions, one core), so it breaks even only when most of the weights are gone, if at all, and the gap grows with the batch, because a large dense GEMM runs closer to the processor's peak than a small one. That break-even is a statement about this loop against a tuned dense kernel, not about sparsity in general. LibTorch's own sparse kernels (the dotted lines) are the fairer comparison; where they break even on your machine is printed above.
// - Proximal L1 at λ = 1e-3 sits near that boundary after a full run: it shrinks the stored model, and it makes inference faster only where the sparsity is high enough *and* the sparse kernel is good. Structured sparsity (whole rows or pixels removed, so the dense matrix simply gets smaller) is what makes speed-ups reliable; unstructured zeros mostly buy storage and interpretability.

// ## Summary
//
// - CSR stores a matrix as `values`, `columnIndex` and `rowStart`; its product touches only the nonzeros and computes exactly what the dense product computes (checked here to 1e-4 on every test image).
// - With 4-byte values and 4-byte indices, CSR is smaller than a dense float32 matrix only above about 50 % zeros.
// - A sparse product is faster only far above that, if at all: the break-even sparsity measured on your machine, for our single-threaded CSR loop and for LibTorch's sparse COO kernels, is printed in section 5, for a single image and for a batch of 1,000.
// - Sparsity from L1 is first of all a smaller, more readable model; a faster one needs very high sparsity or structure.

// ## Exercises
//
// Each exercise asks for a function. In the student version its solution cell holds the function with one line that throws `NotImplementedException`: replace that line with your code. The test cell below it checks your answer and says what it checks; the grader (`l1lab workshop grade`) runs the same tests and a few hidden ones on other inputs.

// ### Exercise 1: Smaller indices
//
// A layer with at most 32,767 columns can store its column indices as 2-byte `short`s. Write `long BreakEvenShort(long rows, long columns)` that returns the largest number of nonzeros for which CSR with 4-byte values, **2-byte** column indices and 4-byte row starts (`rows + 1` of them) still takes fewer bytes than the dense `rows × columns` float32 matrix.
//
// *Checked (1 point):* The test checks the first layer (256 × 784): CSR is smaller at that count; hidden tests check that one more nonzero is not smaller, and another shape.

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

// ### Exercise 2: Counting multiply-adds
//
// Write `(long Dense, long Sparse) MultiplyAdds(SparseMlp model, int batch)` that returns how many multiply-adds one forward pass of `batch` images costs with the dense weight matrices and with the CSR ones (all layers; biases and ReLU not counted). Use `model.Weights`.
//
// *Checked (2 points):* The test checks the model `sparse` of section 3 at batch 1,000 against the layer shapes; hidden tests count the nonzero weights of the trained model directly, and check batch 1.

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

// Next: [09 — Which pixels? Lasso and group lasso](09-which-pixels.cs): structured sparsity on medical images, selecting whole pixels with the lasso and the group lasso. Or back to the [course overview](../README.md).
