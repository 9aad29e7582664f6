using Microsoft.Playwright;

namespace L1Lab.Browser.Tests;

/// <summary>One headless system Chromium for all the tests of a collection, started through Playwright's driver.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    IPlaywright? _playwright;

    /// <summary>The browser; null when no system Chromium is installed (tests then skip).</summary>
    public IBrowser? Browser { get; private set; }

    public async Task InitializeAsync()
    {
        if (SystemChromium.Path is not { } executable) return;
        // Belt and braces: nothing in these tests may fetch a browser build.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
    }
}

/// <summary>Tests sharing the one browser run one at a time (two cores; the notebook server test starts a kernel too).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>, ICollectionFixture<CourseFixture>
{
    public const string Name = "browser";
}
