namespace L1Lab.Browser.Tests;

/// <summary>
/// Debian's Chromium (<c>apt-get install chromium</c>), which the tests drive by its executable path: Playwright's own
/// browser builds are never installed. L1LAB_CHROMIUM names another executable.
/// </summary>
static class SystemChromium
{
    /// <summary>The executable, or null when none is installed.</summary>
    public static string? Path { get; } = Find();

    /// <summary>Why a browser test is skipped here.</summary>
    public const string Missing = "no system Chromium (apt-get install chromium, or set L1LAB_CHROMIUM)";

    static string? Find()
    {
        if (Environment.GetEnvironmentVariable("L1LAB_CHROMIUM") is { Length: > 0 } chosen) return File.Exists(chosen) ? chosen : null;
        // The Debian wrapper script sets flags for desktops only; the binary itself is what tests should start.
        return new[] { "/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
    }
}
