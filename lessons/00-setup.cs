#:project ../lib/L1Lab/L1Lab.csproj
// # 00 — Setup: .NET, TorchSharp, the L1Lab library and MNIST
//
// After this notebook you will be able to check that every tool the course uses works on your machine, explain how a notebook loads the L1Lab library, and look at the MNIST digits the later notebooks train on.
//
// **Prerequisites:** the .NET 10 SDK, and the library built once from the repository root: `dotnet build lib/L1Lab`. No machine learning knowledge yet.
//
// ## How a notebook loads its tools
//
// The first code cell of every notebook in this course is the same three `#r` ("reference") lines:
//
// - `#r "nuget: Name, Version"` loads a NuGet package: **TorchSharp-cpu** (tensors and automatic differentiation, .NET bindings of LibTorch, the engine under PyTorch), **Microsoft.Data.Analysis** (the `DataFrame` tables). The versions are exactly those pinned in `Directory.Packages.props`; a test fails if a notebook asks for another one, so notebooks never drift from the library they call.
// - `#r "../lib/L1Lab/bin/notebooks/L1Lab.dll"` loads the course library, relative to this notebook. Every build of the library, in any configuration (`dotnet build lib/L1Lab` builds Debug, `-c Release` Release), also copies `L1Lab.dll`, its documentation (`L1Lab.xml`), its debug symbols (`L1Lab.pdb`) and `L1Lab.Core.dll`, the small torch-free part of the library it depends on, into that one folder, `lib/L1Lab/bin/notebooks/`, so this line is the same whichever configuration you build; the last build wins. The folder exists only after a build. Rebuild after changing the library, then restart the kernel. Charts and pictures come from the library too (`L1Lab.Visuals`): each one shows as a static SVG or PNG picture and, where the front end runs scripts, as an interactive chart drawn by a copy of plotly.js carried inside `L1Lab.dll`, so nothing is loaded from the network.
//
// The L1Lab runner (`dotnet run --project lib/L1Lab.Cli -- notebooks run ...`) reads the same lines: it checks the pinned versions, checks that the `L1Lab.dll` file is there, and then uses the copies of these assemblies it was itself built with. Nothing is downloaded while a notebook runs.
//
// Exported from notebooks/00-setup.ipynb by `l1lab notebooks export --to cs`: edit the notebook and export again, not this file.
// Run it with `dotnet run lessons/00-setup.cs`; quick values: `dotnet run lessons/00-setup.cs -- --quick`; one value:
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

// The second cell imports namespaces and calls `L1Lab.Native.TorchRuntime.Initialize()` **before any `torch` call** (section 3 explains why), then seeds the random generator so the notebook gives the same numbers on every run.

var runtime = L1Lab.Native.TorchRuntime.Initialize();
torch.random.manual_seed(0);
lesson.Display(runtime.Detail);

// The next cell holds the notebook's **parameters**: sizes that a quick run (in CI, or on a slow laptop) may override with `--set name=value`. Here there is only one.

// ## 1. .NET
//
// `Environment.Version` is the version of the .NET runtime executing this notebook. The course targets .NET 10.

Console.WriteLine($"Environment.Version: {Environment.Version}");
Console.WriteLine($"Runtime:             {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
Console.WriteLine($"Operating system:    {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");

Check.That(Environment.Version.Major >= 10, "L1Lab needs .NET 10 or later");

// ## 2. TorchSharp
//
// A tensor is an n-dimensional array that can also record how it was computed, so that derivatives come for free. A first computation: the matrix product of a 2×2 matrix with itself.

var a = torch.tensor(new float[,] { { 1, 2 }, { 3, 4 } });
var product = a.matmul(a);
lesson.Display(product);

// Checked by hand: [1 2; 3 4]·[1 2; 3 4] = [1·1+2·3, 1·2+2·4; 3·1+4·3, 3·2+4·4].
var expected = torch.tensor(new float[,] { { 7, 10 }, { 15, 22 } });
lesson.Display($"TorchSharp works (LibTorch {torch.__version__})");

Check.That(product.allclose(expected), "[1 2; 3 4]·[1 2; 3 4] = [7 10; 15 22]");

// Every later notebook relies on **autograd**: TorchSharp computes the derivative of a result with respect to the tensors it came from. For f(x) = x², f′(3) = 2·3 = 6:

var x = torch.tensor(3.0f, requires_grad: true);
var f = x * x;
f.backward();
var slope = x.grad!.item<float>();
lesson.Display(slope);

Check.That(slope == 6f, "autograd gives f′(3) = 6 for f(x) = x²");

// ## 3. The L1Lab library and the native runtime
//
// TorchSharp is a thin .NET layer over a native C++ library. On some Linux systems (Debian 12, Ubuntu 22.04) the copy in TorchSharp-cpu 0.107.0 asks for a newer C++ runtime than the system has, and every `torch` call would fail. `TorchRuntime.Initialize()` detects that and works around it without touching any system file, which is why every notebook calls it before its first `torch` call (a failed native load cannot be retried without restarting the kernel). Nothing in this course depends on how; [environment.md](../environment.md#linux-torchsharp-and-an-older-libstdc-debian-12-ubuntu-2204) explains it for the curious.
//
// Here is what it found and did on this machine:

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

// `Patched = True` means this host needed the workaround; `False` means TorchSharp loads unchanged. Either way, the tensor computations above ran.
//
// A first call into the library itself: `L1.Norm(w)` is ‖w‖₁ = Σ|wᵢ|, the quantity at the heart of this course (notebook 02 derives it). For w = (0.5, −1.5, 0) it is 0.5 + 1.5 + 0 = 2.

var w = torch.tensor(new float[] { 0.5f, -1.5f, 0f });
var norm = L1.Norm(w);
lesson.Display(norm);

Check.That(norm.allclose(w.abs().sum()) && norm.item<float>() == 2f, "L1.Norm of (0.5, −1.5, 0) is 2");

// ## 4. The data: MNIST
//
// The articles this course corrects use MNIST as a stand-in for medical images (a later notebook moves on to real breast ultrasound images, BreastMNIST). MNIST holds 70,000 grayscale handwritten digits of 28×28 pixels, split into 60,000 training and 10,000 test images. The files ship in `data/mnist/`; `DataPaths.FindDataDirectory()` finds that folder by walking up from the current directory, and `Mnist.Load` checks each file's SHA-256 before reading it.

var dataDir = DataPaths.FindDataDirectory();
var mnist = Mnist.Load(dataDir);
var train = mnist.Train;
var test = mnist.Test;
lesson.Display(new DataFrame(
    new StringDataFrameColumn("split", new[] { "train", "test" }),
    new Int32DataFrameColumn("images", new[] { train.Count, test.Count }),
    new StringDataFrameColumn("images tensor", new[] { $"{train.Images.dtype} ({string.Join(", ", train.Images.shape)})", $"{test.Images.dtype} ({string.Join(", ", test.Images.shape)})" }),
    new StringDataFrameColumn("labels tensor", new[] { $"{train.Labels.dtype} ({string.Join(", ", train.Labels.shape)})", $"{test.Labels.dtype} ({string.Join(", ", test.Labels.shape)})" })));

// Each image is one row of 784 = 28·28 floats in [0, 1] (0 is the black background, 1 full ink), the format a fully connected network takes. Each label is an `int64` class index 0–9, the format `cross_entropy` takes (notebook 01).

var minPixel = train.Images.min().item<float>();
var maxPixel = train.Images.max().item<float>();
lesson.Display($"pixels in [{minPixel}, {maxPixel}]");

Check.That(train.Count == 60_000 && test.Count == 10_000, "MNIST has 60,000 training and 10,000 test images");
Check.That(train.ImageSide == 28 && train.ClassCount == 10, "the images are 28×28 pixels in 10 classes");
Check.That(minPixel >= 0f && maxPixel <= 1f, "pixels lie in [0, 1]");

// How many images of each digit? The classes are roughly, not exactly, balanced (BreastMNIST, later in the course, is far less so).

var trainCounts = train.ClassCounts();
lesson.Display(new DataFrame(
    new Int32DataFrameColumn("digit", Enumerable.Range(0, 10)),
    new Int64DataFrameColumn("training images", trainCounts)));

// The first training image is a 5. The helper below turns one row back into a 28×28 grid; the heatmap draws row 0 at the top, as the image is stored.

var firstLabel = train.Labels[0].item<long>();

// A digit as a picture: its 28×28 pixel values as a heatmap, 0 (paper) white and 1 (ink) black. Hover over a pixel to read its value.
Figure Digit(Tensor pixels, string title) =>
    Figure.Heatmap(title, HeatmapSeries.FromTensor("pixel value", pixels.reshape(train.ImageSide, train.ImageSide)) with { Min = 0, Max = 1 });

lesson.Display(Digit(train.Images[0], $"train[0], label {firstLabel}"));

Check.That(firstLabel == 5, "the first MNIST training label is 5");

// The first `previewImages` training images side by side, with their labels:

var count = Math.Min(previewImages, train.Count);
var previewLabels = train.Labels[..count].data<long>().ToArray();
// Several digits side by side, one tile each; 1 − pixel so that the ink is dark on white paper.
lesson.Display(Images.Grid(1 - train.Images[..count], side: train.ImageSide, columns: count, scale: 3).WithTitle("labels: " + string.Join(" ", previewLabels)));
lesson.Display(previewLabels);

// ## 5. Running the notebooks from a terminal
//
// Editors are one way to run a notebook. Every course notebook names **C# (L1Lab)**, the course's own Jupyter kernel, in its metadata, so once that kernel is installed (`lib/L1Lab.Cli/bin/Debug/net10.0/l1lab kernel install`, see [environment.md](../environment.md)) VS Code and any Jupyter front end open the notebook with it; where the deprecated *Polyglot Notebooks* extension is still installed, you may pick its kernel instead. The L1Lab runner is another way, and it is what CI uses. From the repository root:
//
// ```bash
// dotnet build lib/L1Lab                                                     # once, and after changing the library
// dotnet run --project lib/L1Lab.Cli -- notebooks run notebooks/*.ipynb     # every notebook, top to bottom
// dotnet run --project lib/L1Lab.Cli -- notebooks run notebooks/00-setup.ipynb --set previewImages=3 --save-to /tmp/executed
// ```
//
// `--set name=value` overrides a variable of the parameters cell, `--quick` takes the small values the parameters cell declares for CI, and `--save-to` writes a copy of the executed notebook with its outputs, leaving the source clean. A failing cell (for example a thrown assertion) stops the run and is reported with its cell and line. `dotnet test` runs every notebook the same way, with quick parameters.
//
// The data set is large; free its tensors when done (each notebook loads what it needs itself).

mnist.Dispose();
lesson.Display("MNIST tensors freed");

// ## Summary
//
// - The notebooks reference two pinned NuGet packages (TorchSharp-cpu and Microsoft.Data.Analysis) and `lib/L1Lab/bin/notebooks/L1Lab.dll`, which every build of the library (`dotnet build lib/L1Lab`, any configuration) puts there.
// - `TorchRuntime.Initialize()` comes before any `torch` call; it makes TorchSharp load on Linux systems whose C++ runtime is older than TorchSharp expects (details in environment.md).
// - TorchSharp computes with tensors and differentiates through them (autograd).
// - MNIST: 60,000 + 10,000 images, each a row of 784 floats in [0, 1], with `int64` labels 0–9; the first training image is a 5.
// - `dotnet run --project lib/L1Lab.Cli -- notebooks run notebooks/*.ipynb` runs every notebook; `--set` gives quick parameters.

// ## Exercises
//
// Each exercise asks for a function. In the student version its solution cell holds the function with one line that throws `NotImplementedException`: replace that line with your code. The test cell below it checks your answer and says what it checks; the grader (`l1lab workshop grade`) runs the same tests and a few hidden ones on other inputs.

// The exercises use MNIST again (the data was freed above).
var exerciseData = Mnist.Load(DataPaths.FindDataDirectory());
lesson.Display($"{exerciseData.Train.Count:N0} training and {exerciseData.Test.Count:N0} test images loaded");

// ### Exercise 1: The label of an image
//
// Write `long LabelOf(ImageDataset split, int index)` that returns the label (0–9) of image `index` of `split`.
//
// *Checked (1 point):* The test checks that the first training image is a 5 and shows the label of test image 100; hidden tests check other images.

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

// ### Exercise 2: How much of MNIST is background
//
// Write `double ZeroFraction(Tensor images)` that returns the fraction of all entries of `images` that are exactly 0 (pure background). What does the value for the training images suggest about how many input weights a network needs?
//
// *Checked (1 point):* The test checks a 2×2 tensor with three zeros (0.75) and shows the fraction for all training pixels; hidden tests check other tensors and the training set.

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

// ### Exercise 3: Pixels no training image uses
//
// Write `long NeverInked(Tensor images)` that takes images as rows (N × 784) and returns how many pixel positions (columns) are 0 in every image.
//
// *Checked (2 points):* The test checks a 3 × 4 example with two all-zero columns and shows the count for the training images; hidden tests check other inputs and the training set.

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

// [Next: 01 — Loss functions: MSE and cross-entropy](01-loss.cs)
