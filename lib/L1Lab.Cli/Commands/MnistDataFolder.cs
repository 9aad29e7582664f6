using L1Lab.Data;

namespace L1Lab.Cli.Commands;

/// <summary>Where the commands that train read MNIST from: the <c>--data-dir</c> option, or the repository's <c>data/mnist</c>.</summary>
static class MnistDataFolder
{
    /// <summary>
    /// The MNIST folder: <paramref name="dataDir"/> (<c>--data-dir</c>) when given, else the repository's <c>data/mnist</c>.
    /// </summary>
    /// <exception cref="UsageException">The folder does not exist, or no repository data folder is found.</exception>
    public static string From(string? dataDir)
    {
        if (dataDir is not null) return InputPath.Folder(dataDir, "--data-dir");
        string folder;
        try
        {
            folder = Path.Combine(DataPaths.FindDataDirectory(), DataPaths.MnistFolderName);
        }
        catch (DataFileException e)
        {
            throw new UsageException($"{e.Message} (or pass --data-dir).");
        }
        Cli.Require(Directory.Exists(folder), $"data folder not found: {folder} (pass --data-dir).");
        return folder;
    }
}
