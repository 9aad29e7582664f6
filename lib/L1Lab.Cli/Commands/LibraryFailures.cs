using L1Lab.Data;
using L1Lab.Training;

namespace L1Lab.Cli.Commands;

/// <summary>
/// The L1Lab library's failures a user can act on (corrupt or missing data, a bad checkpoint, diverged training),
/// turned into one-line <see cref="RunFailedException"/>s. Only the commands that train use it, so the commands
/// that do not (kernel, notebooks) never load the library.
/// </summary>
static class LibraryFailures
{
    /// <summary>Runs <paramref name="run"/>, reporting the library's expected failures as <see cref="RunFailedException"/>.</summary>
    public static int Report(Func<int> run)
    {
        try
        {
            return run();
        }
        catch (Exception e) when (e is DataFileException or CheckpointException or TrainingDivergedException)
        {
            throw new RunFailedException(e.Message, e);
        }
    }
}
