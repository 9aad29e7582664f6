using L1Lab.Data;

namespace L1Lab.Tests.Data;

public sealed class DataPathsTests
{
    [Fact]
    public void FindDataDirectory_finds_the_repository_data_folder_with_the_shipped_files()
    {
        var dir = DataPaths.FindDataDirectory();

        Assert.Equal(DataPaths.DataFolderName, Path.GetFileName(dir));
        Assert.True(File.Exists(Path.Combine(dir, DataPaths.MnistFolderName, Mnist.TrainLabelsFile)));
        Assert.True(File.Exists(Path.Combine(dir, DataPaths.MedMnistFolderName, MedMnist.BreastMnistFile)));
    }
}
