namespace L1Lab.Data;

/// <summary>
/// Finds the repository's <c>data/</c> folder, so the CLI, the tests and the notebooks all use the
/// shipped files without hard-coded paths, wherever they are started from.
/// </summary>
public static class DataPaths
{
    /// <summary>Name of the folder that holds the data sets.</summary>
    public const string DataFolderName = "data";

    /// <summary>Sub-folder of <c>data/</c> holding the four MNIST IDX files.</summary>
    public const string MnistFolderName = "mnist";

    /// <summary>Sub-folder of <c>data/</c> holding the MedMNIST <c>.npz</c> files.</summary>
    public const string MedMnistFolderName = "medmnist";

    /// <summary>
    /// Walks up from the current directory, then from <see cref="AppContext.BaseDirectory"/> (where a
    /// test or CLI binary lives), and returns the first <c>data/</c> folder that has an
    /// <c>mnist/</c> or <c>medmnist/</c> sub-folder.
    /// </summary>
    /// <exception cref="DataFileException">No such folder exists above either start.</exception>
    public static string FindDataDirectory()
    {
        var starts = new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory };
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DataFolderName);
                if (Directory.Exists(Path.Combine(candidate, MnistFolderName)) ||
                    Directory.Exists(Path.Combine(candidate, MedMnistFolderName)))
                    return candidate;
            }
        }
        throw new DataFileException(starts[0],
            $"no '{DataFolderName}/' folder with '{MnistFolderName}/' or '{MedMnistFolderName}/' found here, above here or above {starts[1]}; run from inside the repository");
    }
}
