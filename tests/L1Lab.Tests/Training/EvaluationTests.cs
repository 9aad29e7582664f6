using L1Lab.Data;
using L1Lab.Models;
using L1Lab.Training;

namespace L1Lab.Tests.Training;

/// <summary>
/// <see cref="Evaluation.Accuracy"/> evaluates in chunks of 2,000 images; every other test uses fewer, so the chunk
/// boundaries are checked here against a count made over all images at once.
/// </summary>
public sealed class EvaluationTests
{
    [Theory]
    [InlineData(2000)]
    [InlineData(2001)]
    [InlineData(4500)]
    public void Accuracy_over_several_chunks_equals_the_count_over_all_images_at_once(int count)
    {
        // Given a seeded model and the first images of MNIST's training set (more than one chunk for 2001 and 4500)
        using var mnist = Mnist.Load(Path.Combine(DataPaths.FindDataDirectory(), DataPaths.MnistFolderName));
        using var images = mnist.Train.Take(count);
        using var model = Mlp.Create([784, 16, 10], seed: 3);

        // When the library measures accuracy chunk by chunk
        double accuracy = Evaluation.Accuracy(model, images);

        // Then it equals correct answers / images counted in one forward pass, image by image
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var predicted = model.forward(images.Images).argmax(1).data<long>().ToArray();
        var labels = images.Labels.data<long>().ToArray();
        long correct = predicted.Zip(labels).Count(p => p.First == p.Second);
        Assert.Equal(correct / (double)count, accuracy);
        Assert.InRange(correct, 1, count - 1); // an untrained model is neither always right nor always wrong
    }
}
