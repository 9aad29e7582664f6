namespace L1Lab.Data;

/// <summary>
/// The official train and test splits of a data set such as MNIST. Keeping the test split apart
/// from the start is what lets the notebooks measure how L1 regularization affects generalization.
/// Disposing it disposes both datasets.
/// </summary>
/// <remarks>
/// A class, not a record: it owns tensors, and a record's <c>with</c> copy would share them and free them twice.
/// </remarks>
/// <param name="train">The training images, used to fit the weights.</param>
/// <param name="test">The held-out test images, used only to report the final accuracy.</param>
public sealed class TrainTest(ImageDataset train, ImageDataset test) : IDisposable
{
    /// <summary>The training images, used to fit the weights.</summary>
    public ImageDataset Train { get; } = train ?? throw new ArgumentNullException(nameof(train));

    /// <summary>The held-out test images, used only to report the final accuracy.</summary>
    public ImageDataset Test { get; } = test ?? throw new ArgumentNullException(nameof(test));

    /// <summary>Lets callers write <c>var (train, test) = Mnist.Load(…)</c>.</summary>
    public void Deconstruct(out ImageDataset train, out ImageDataset test) => (train, test) = (Train, Test);

    /// <summary>Frees the tensors of both splits.</summary>
    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }
}
