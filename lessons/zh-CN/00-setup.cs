#:project ../../lib/L1Lab/L1Lab.csproj
// # 00 — 环境准备：.NET、TorchSharp、L1Lab 库与 MNIST
//
// 学完本笔记本，你将能够确认课程用到的每个工具在自己的机器上都能正常工作，说清楚笔记本是如何加载 L1Lab 库的，并亲眼看看后续笔记本用来训练的 MNIST 手写数字。
//
// **预备知识：** 安装好 .NET 10 SDK，并在仓库根目录下构建过一次课程库：`dotnet build lib/L1Lab`。这一节还不需要任何机器学习知识。
//
// > 这是课程的中文版。代码单元格与英文版完全相同，只有引用库的那一行 `#r` 多了一层 `../`（中文版笔记本位于 `notebooks/zh-CN/`，比英文版深一层目录）。术语译法见[术语表](GLOSSARY.md)；英文原版见 [../00-setup.ipynb](../00-setup.cs)。
//
// ## 笔记本如何加载工具
//
// 本课程每个笔记本的第一个代码单元格都是同样的三行 `#r`（"reference"，引用）：
//
// - `#r "nuget: 包名, 版本"` 加载一个 NuGet 包：**TorchSharp-cpu**（张量与自动微分，是 LibTorch——PyTorch 底层引擎——的 .NET 绑定）和 **Microsoft.Data.Analysis**（`DataFrame` 表格）。版本号与 `Directory.Packages.props` 中锁定的版本完全一致；只要某个笔记本请求了别的版本，测试就会失败，因此笔记本与它调用的库永远不会出现版本漂移。
// - `#r "../lib/L1Lab/bin/notebooks/L1Lab.dll"` 按相对于笔记本所在目录的路径加载课程库（中文版笔记本多一层目录，写作 `../../lib/…`）。无论以哪种配置构建（`dotnet build lib/L1Lab` 构建 Debug，加 `-c Release` 构建 Release），每次构建都会把 `L1Lab.dll`、它的文档（`L1Lab.xml`）、调试符号（`L1Lab.pdb`）以及它所依赖的 `L1Lab.Core.dll`（课程库中不依赖 torch 的一小部分）复制到同一个目录 `lib/L1Lab/bin/notebooks/` 中，所以不管构建哪种配置，这一行都不用改；以最后一次构建为准。这个目录要构建之后才会出现。修改库之后请重新构建，再重启内核。图表和图片也来自课程库（`L1Lab.Visuals`）：每张图既显示为静态的 SVG 或 PNG 图片，在能运行脚本的前端中还会显示为交互式图表，由 `L1Lab.dll` 内置的一份 plotly.js 绘制，因此不会从网络加载任何东西。
//
// L1Lab 自带的运行器（`dotnet run --project lib/L1Lab.Cli -- notebooks run ...`）读取的也是这几行：它检查版本是否与锁定的一致、`L1Lab.dll` 文件是否存在，然后使用它自己构建时所带的那些程序集副本。运行笔记本的过程中不会下载任何东西。
//
// Exported from notebooks/zh-CN/00-setup.ipynb by `l1lab notebooks export --to cs`: edit the notebook and export again, not this file.
// Run it with `dotnet run lessons/zh-CN/00-setup.cs`; quick values: `dotnet run lessons/zh-CN/00-setup.cs -- --quick`; one value:
// `-- --set name=value`. Text prints here; figures are written as SVG/HTML files to out/ next to this file.

using TorchSharp;
using static TorchSharp.torch;
using Microsoft.Data.Analysis;
using L1Lab.Visuals;
using L1Lab;
using L1Lab.Data;
using L1Lab.Lessons;

// Parameters (the notebook's cell tagged "parameters"): edit them here or set them on the command line.
var lesson = Lesson.Start(args, parameters: ["previewImages"], quick: []);
var previewImages = lesson.Parameter("previewImages", 8); // how many training images to show side by side

// 第二个单元格导入命名空间，并**在任何 `torch` 调用之前**调用 `L1Lab.Native.TorchRuntime.Initialize()`（原因见第 3 节），然后为随机数生成器设定种子，使笔记本每次运行都得到相同的数字。

var runtime = L1Lab.Native.TorchRuntime.Initialize();
torch.random.manual_seed(0);
lesson.Display(runtime.Detail);

// 下一个单元格存放本笔记本的**参数**：快速运行时（在 CI 中，或在较慢的笔记本电脑上）可以用 `--set 名称=值` 覆盖的规模设置。这里只有一个参数。

// ## 1. .NET
//
// `Environment.Version` 是执行本笔记本的 .NET 运行时的版本。本课程面向 .NET 10。

Console.WriteLine($"Environment.Version: {Environment.Version}");
Console.WriteLine($"Runtime:             {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
Console.WriteLine($"Operating system:    {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");

Check.That(Environment.Version.Major >= 10, "L1Lab needs .NET 10 or later");

// ## 2. TorchSharp
//
// 张量（tensor）是一个 n 维数组，它还能记录自己是如何计算出来的，因此求导几乎不费力气。第一个计算：一个 2×2 矩阵与它自身的矩阵乘积。

var a = torch.tensor(new float[,] { { 1, 2 }, { 3, 4 } });
var product = a.matmul(a);
lesson.Display(product);

// Checked by hand: [1 2; 3 4]·[1 2; 3 4] = [1·1+2·3, 1·2+2·4; 3·1+4·3, 3·2+4·4].
var expected = torch.tensor(new float[,] { { 7, 10 }, { 15, 22 } });
lesson.Display($"TorchSharp works (LibTorch {torch.__version__})");

Check.That(product.allclose(expected), "[1 2; 3 4]·[1 2; 3 4] = [7 10; 15 22]");

// 后面的每个笔记本都依赖**自动微分（autograd）**：TorchSharp 会计算一个结果对产生它的那些张量的导数。对 f(x) = x²，有 f′(3) = 2·3 = 6：

var x = torch.tensor(3.0f, requires_grad: true);
var f = x * x;
f.backward();
var slope = x.grad!.item<float>();
lesson.Display(slope);

Check.That(slope == 6f, "autograd gives f′(3) = 6 for f(x) = x²");

// ## 3. L1Lab 库与原生运行时
//
// TorchSharp 是一层很薄的 .NET 封装，底下是一个原生 C++ 库。在一些 Linux 系统上（Debian 12、Ubuntu 22.04），TorchSharp-cpu 0.107.0 中的这个库要求比系统自带的更新的 C++ 运行时，于是所有 `torch` 调用都会失败。`TorchRuntime.Initialize()` 会检测到这种情况并绕过它，不改动任何系统文件；所以每个笔记本都在第一次 `torch` 调用之前调用它（原生库一旦加载失败，不重启内核就无法重试）。本课程的内容与它的具体做法无关；想了解的读者可以看 [environment.md](../../environment.md#linux-torchsharp-and-an-older-libstdc-debian-12-ubuntu-2204)。
//
// 下面是它在这台机器上的发现和所做的事：

var runtimeTable = new DataFrame(
    new StringDataFrameColumn("field", new[] { "Patched", "WeakenedVersions", "Library", "Detail" }),
    new StringDataFrameColumn("value", new[]
    {
        runtime.Patched.ToString(),
        runtime.WeakenedVersions.Count == 0 ? "(none)" : string.Join(", ", runtime.WeakenedVersions),
        runtime.Library ?? "(not Linux)",
        runtime.Detail,
    }));
lesson.Display(runtimeTable);

// `Patched = True` 表示本机需要这个绕过办法；`False` 表示 TorchSharp 原样加载。无论哪种情况，上面的张量计算都已经跑通了。
//
// 第一次调用课程库本身：`L1.Norm(w)` 就是 ‖w‖₁ = Σ|wᵢ|，也就是本课程的核心量（笔记本 02 会推导它）。对 w = (0.5, −1.5, 0)，它等于 0.5 + 1.5 + 0 = 2。

var w = torch.tensor(new float[] { 0.5f, -1.5f, 0f });
var norm = L1.Norm(w);
lesson.Display(norm);

Check.That(norm.allclose(w.abs().sum()) && norm.item<float>() == 2f, "L1.Norm of (0.5, −1.5, 0) is 2");

// ## 4. 数据：MNIST
//
// 本课程要纠正的那两篇文章用 MNIST 代替医学图像（后面的笔记本会换成真正的乳腺超声图像 BreastMNIST）。MNIST 包含 70,000 张 28×28 像素的灰度手写数字，分为 60,000 张训练图像和 10,000 张测试图像。数据文件随仓库放在 `data/mnist/` 中；`DataPaths.FindDataDirectory()` 从当前目录开始逐级向上查找这个目录，`Mnist.Load` 在读取每个文件之前都会校验它的 SHA-256。

var dataDir = DataPaths.FindDataDirectory();
var mnist = Mnist.Load(dataDir);
var train = mnist.Train;
var test = mnist.Test;
lesson.Display(new DataFrame(
    new StringDataFrameColumn("split", new[] { "train", "test" }),
    new Int32DataFrameColumn("images", new[] { train.Count, test.Count }),
    new StringDataFrameColumn("images tensor", new[] { $"{train.Images.dtype} ({string.Join(", ", train.Images.shape)})", $"{test.Images.dtype} ({string.Join(", ", test.Images.shape)})" }),
    new StringDataFrameColumn("labels tensor", new[] { $"{train.Labels.dtype} ({string.Join(", ", train.Labels.shape)})", $"{test.Labels.dtype} ({string.Join(", ", test.Labels.shape)})" })));

// 每张图像是一行 784 = 28·28 个取值在 [0, 1] 内的浮点数（0 是黑色背景，1 是最浓的笔迹），这正是全连接网络接受的格式。每个标签是一个 `int64` 类别索引 0–9，这正是 `cross_entropy` 接受的格式（见笔记本 01）。

var minPixel = train.Images.min().item<float>();
var maxPixel = train.Images.max().item<float>();
lesson.Display($"pixels in [{minPixel}, {maxPixel}]");

Check.That(train.Count == 60_000 && test.Count == 10_000, "MNIST has 60,000 training and 10,000 test images");
Check.That(train.ImageSide == 28 && train.ClassCount == 10, "the images are 28×28 pixels in 10 classes");
Check.That(minPixel >= 0f && maxPixel <= 1f, "pixels lie in [0, 1]");

// 每个数字各有多少张图像？各类别大致均衡，但并不完全均衡（课程后面用到的 BreastMNIST 则远远谈不上均衡）。

var trainCounts = train.ClassCounts();
lesson.Display(new DataFrame(
    new Int32DataFrameColumn("digit", Enumerable.Range(0, 10)),
    new Int64DataFrameColumn("training images", trainCounts)));

// 第一张训练图像是数字 5。下面的辅助函数把一行数据还原成 28×28 的网格；热图把第 0 行画在最上面，与图像的存储顺序一致。

var firstLabel = train.Labels[0].item<long>();

// A digit as a picture: its 28×28 pixel values as a heatmap, 0 (paper) white and 1 (ink) black. Hover over a pixel to read its value.
Figure Digit(Tensor pixels, string title) =>
    Figure.Heatmap(title, HeatmapSeries.FromTensor("pixel value", pixels.reshape(train.ImageSide, train.ImageSide)) with { Min = 0, Max = 1 });

lesson.Display(Digit(train.Images[0], $"train[0], label {firstLabel}"));

Check.That(firstLabel == 5, "the first MNIST training label is 5");

// 前 `previewImages` 张训练图像并排显示，附带各自的标签：

var count = Math.Min(previewImages, train.Count);
var previewLabels = train.Labels[..count].data<long>().ToArray();
// Several digits side by side, one tile each; 1 − pixel so that the ink is dark on white paper.
lesson.Display(Images.Grid(1 - train.Images[..count], side: train.ImageSide, columns: count, scale: 3).WithTitle("labels: " + string.Join(" ", previewLabels)));
lesson.Display(previewLabels);

// ## 5. 在终端中运行笔记本
//
// 在编辑器里运行是一种方式。每个课程笔记本都在元数据里写明了 **C# (L1Lab)**——本课程自己的 Jupyter 内核，所以装好这个内核之后（`lib/L1Lab.Cli/bin/Debug/net10.0/l1lab kernel install`，见 [environment.md](../../environment.md)），VS Code 和任何 Jupyter 前端都会用它打开笔记本；如果还装着已弃用的 *Polyglot Notebooks* 扩展，也可以改选它的内核。另一种方式是 L1Lab 自带的运行器，CI 用的就是它。在仓库根目录下：
//
// ```bash
// dotnet build lib/L1Lab                                                     # 构建一次；修改库之后再构建
// dotnet run --project lib/L1Lab.Cli -- notebooks run notebooks/*.ipynb     # 从头到尾运行每个笔记本
// dotnet run --project lib/L1Lab.Cli -- notebooks run notebooks/00-setup.ipynb --set previewImages=3 --save-to /tmp/executed
// ```
//
// 中文版笔记本同样可以这样运行：`notebooks run notebooks/zh-CN/*.ipynb`。`--set 名称=值` 覆盖参数单元格中的一个变量，`--quick` 采用参数单元格为 CI 声明的小数值；`--save-to` 把执行后带输出的笔记本另存一份，源文件保持干净。某个单元格失败（例如断言抛出异常）时运行即停止，并报告出错的单元格和行号。`dotnet test` 以同样的方式、用快速参数运行每个笔记本。
//
// 数据集很大，用完后请释放它的张量（每个笔记本都会自己加载所需的数据）。

mnist.Dispose();
lesson.Display("MNIST tensors freed");

// ## 小结
//
// - 笔记本引用两个锁定版本的 NuGet 包（TorchSharp-cpu 和 Microsoft.Data.Analysis），以及 `lib/L1Lab/bin/notebooks/L1Lab.dll`；课程库的每次构建（`dotnet build lib/L1Lab`，任意配置）都会把它放到那里。
// - `TorchRuntime.Initialize()` 必须在任何 `torch` 调用之前执行；在 C++ 运行时比 TorchSharp 期望的旧的 Linux 系统上，它让 TorchSharp 仍能加载（细节见 environment.md）。
// - TorchSharp 用张量做计算，并能对计算过程求导（自动微分）。
// - MNIST：60,000 + 10,000 张图像，每张是一行 784 个 [0, 1] 内的浮点数，标签是 `int64` 类型的 0–9；第一张训练图像是 5。
// - `dotnet run --project lib/L1Lab.Cli -- notebooks run notebooks/*.ipynb` 运行所有笔记本；`--set` 用来指定快速参数。

// ## 练习
//
// 每道练习都要求写一个函数。在学生版中，它的答案单元格里是这个函数，其中有一行会抛出 `NotImplementedException`：把这一行换成你的代码。下面的测试单元格检查你的答案，并说明它检查了什么；评分程序（`l1lab workshop grade`）运行同样的测试，另外还有几个针对其他输入的隐藏测试。

// The exercises use MNIST again (the data was freed above).
var exerciseData = Mnist.Load(DataPaths.FindDataDirectory());
lesson.Display($"{exerciseData.Train.Count:N0} training and {exerciseData.Test.Count:N0} test images loaded");

// ### 练习 1：图像的标签
//
// 编写 `long LabelOf(ImageDataset split, int index)`，返回 `split` 中第 `index` 张图像的标签（0–9）。
//
// *检查内容（1 分）：* 测试检查第一张训练图像是 5，并显示测试图像 100 的标签；隐藏测试检查其他图像。

long LabelOf(ImageDataset split, int index)
{
    // BEGIN SOLUTION
    return split.Labels[index].item<long>();
    // END SOLUTION
}

// Test: the first training image is a 5 (section 4 showed it).
if (LabelOf(exerciseData.Train, 0) != 5) throw new Exception($"LabelOf(train, 0) should be 5, got {LabelOf(exerciseData.Train, 0)}");
lesson.Display($"test image 100 is a {LabelOf(exerciseData.Test, 100)}");
// BEGIN HIDDEN TESTS
foreach (var i in new[] { 0, 1, 100, 9999 })
    if (LabelOf(exerciseData.Test, i) != exerciseData.Test.Labels[i].item<long>()) throw new Exception($"LabelOf(test, {i}) is wrong");
// END HIDDEN TESTS

// ### 练习 2：MNIST 中有多少是背景
//
// 编写 `double ZeroFraction(Tensor images)`，返回 `images` 的所有元素中恰好为 0（纯背景）的比例。训练图像上的这个值说明网络需要多少个输入权重？
//
// *检查内容（1 分）：* 测试检查一个含三个零的 2×2 张量（0.75），并显示全部训练像素中零的比例；隐藏测试检查其他张量以及训练集。

double ZeroFraction(Tensor images)
{
    // BEGIN SOLUTION
    // Most pixels of most images are 0, and some are 0 in every image: the weights reading those pixels cannot help,
    // which is the kind of structure L1 regularization exploits.
    return images.eq(0).sum().item<long>() / (double)images.numel();
    // END SOLUTION
}

// Test: three of four entries are zero.
var zeroTest = torch.tensor(new float[] { 0f, 0f, 0.5f, 0f }).reshape(2, 2);
if (Math.Abs(ZeroFraction(zeroTest) - 0.75) > 1e-12) throw new Exception($"ZeroFraction of [[0, 0], [0.5, 0]] should be 0.75, got {ZeroFraction(zeroTest)}");
lesson.Display($"{ZeroFraction(exerciseData.Train.Images):P1} of the training pixels are exactly 0");
// BEGIN HIDDEN TESTS
if (ZeroFraction(torch.ones(3, 5)) != 0) throw new Exception("ZeroFraction of all ones should be 0");
if (ZeroFraction(torch.zeros(7)) != 1) throw new Exception("ZeroFraction of all zeros should be 1");
var zeroReference = exerciseData.Train.Images.eq(0).to_type(ScalarType.Float64).mean().item<double>();
if (Math.Abs(ZeroFraction(exerciseData.Train.Images) - zeroReference) > 1e-9) throw new Exception("ZeroFraction of the training images is wrong");
// END HIDDEN TESTS

// ### 练习 3：没有任何训练图像用到的像素
//
// 编写 `long NeverInked(Tensor images)`：输入按行排列的图像（N × 784），返回在每张图像中都为 0 的像素位置（列）的个数。
//
// *检查内容（2 分）：* 测试检查一个含两个全零列的 3 × 4 示例，并显示训练图像上的计数；隐藏测试检查其他输入以及训练集。

long NeverInked(Tensor images)
{
    // BEGIN SOLUTION
    return images.eq(0).all(0).sum().item<long>();
    // END SOLUTION
}

// Test: columns 1 and 3 are zero in every row.
var inkTest = torch.tensor(new float[] { 0.2f, 0f, 0f, 0f, 0f, 0f, 0.9f, 0f, 1f, 0f, 0f, 0f }).reshape(3, 4);
if (NeverInked(inkTest) != 2) throw new Exception($"NeverInked should find 2 empty columns, got {NeverInked(inkTest)}");
lesson.Display($"{NeverInked(exerciseData.Train.Images)} of the 784 pixels are 0 in every training image");
// BEGIN HIDDEN TESTS
if (NeverInked(torch.ones(4, 6)) != 0) throw new Exception("no column of all ones is empty");
if (NeverInked(torch.zeros(2, 9)) != 9) throw new Exception("every column of all zeros is empty");
if (NeverInked(exerciseData.Train.Images) != exerciseData.Train.Images.amax(new long[] { 0 }).eq(0).sum().item<long>())
    throw new Exception("NeverInked of the training images is wrong");
// END HIDDEN TESTS

exerciseData.Dispose();
lesson.Display("MNIST tensors freed");

// [下一节：01 — 损失函数：MSE 与交叉熵](01-loss.cs)
