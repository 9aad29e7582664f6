namespace L1Lab.Data;

/// <summary>
/// The official train, validation and test splits of a MedMNIST data set. The validation split is
/// for choosing the L1 strength λ, so the test split stays untouched until the end.
/// Disposing it disposes all three datasets.
/// </summary>
/// <remarks>
/// A class, not a record: it owns tensors, and a record's <c>with</c> copy would share them and free them twice.
/// </remarks>
/// <param name="train">The training images, used to fit the weights.</param>
/// <param name="validation">The validation images, used to choose hyper-parameters such as λ.</param>
/// <param name="test">The held-out test images, used only to report the final result.</param>
public sealed class TrainValTest(ImageDataset train, ImageDataset validation, ImageDataset test) : IDisposable
{
    /// <summary>The training images, used to fit the weights.</summary>
    public ImageDataset Train { get; } = train ?? throw new ArgumentNullException(nameof(train));

    /// <summary>The validation images, used to choose hyper-parameters such as λ.</summary>
    public ImageDataset Validation { get; } = validation ?? throw new ArgumentNullException(nameof(validation));

    /// <summary>The held-out test images, used only to report the final result.</summary>
    public ImageDataset Test { get; } = test ?? throw new ArgumentNullException(nameof(test));

    /// <summary>Lets callers write <c>var (train, validation, test) = MedMnist.Load(…)</c>.</summary>
    public void Deconstruct(out ImageDataset train, out ImageDataset validation, out ImageDataset test) =>
        (train, validation, test) = (Train, Validation, Test);

    /// <summary>Frees the tensors of all three splits.</summary>
    public void Dispose()
    {
        Train.Dispose();
        Validation.Dispose();
        Test.Dispose();
    }
}
