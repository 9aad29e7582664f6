namespace L1Lab.Notebooks;

/// <summary>Why a package restore failed, in one line (NuGet's own code and message when it gave one).</summary>
internal sealed class PackageRestoreException(string message) : Exception(message);
