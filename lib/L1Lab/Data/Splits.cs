namespace L1Lab.Data;

/// <summary>
/// The official train and test splits of a data set such as MNIST. Keeping the test split apart
/// from the start is what lets the notebooks measure how L1 regularization affects generalization.
/// Disposing it disposes both datasets.
/// </summary>
/// <param name="Train">The training images, used to fit the weights.</param>
/// <param name="Test">The held-out test images, used only to report the final accuracy.</param>
public sealed record TrainTest(ImageDataset Train, ImageDataset Test) : IDisposable
{
    /// <summary>Frees the tensors of both splits.</summary>
    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }
}

/// <summary>
/// The official train, validation and test splits of a MedMNIST data set. The validation split is
/// for choosing the L1 strength λ, so the test split stays untouched until the end.
/// Disposing it disposes all three datasets.
/// </summary>
/// <param name="Train">The training images, used to fit the weights.</param>
/// <param name="Validation">The validation images, used to choose hyper-parameters such as λ.</param>
/// <param name="Test">The held-out test images, used only to report the final result.</param>
public sealed record TrainValTest(ImageDataset Train, ImageDataset Validation, ImageDataset Test) : IDisposable
{
    /// <summary>Frees the tensors of all three splits.</summary>
    public void Dispose()
    {
        Train.Dispose();
        Validation.Dispose();
        Test.Dispose();
    }
}
