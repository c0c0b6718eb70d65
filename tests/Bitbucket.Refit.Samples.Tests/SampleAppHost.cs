using System.Diagnostics;
using Bitbucket.Samples.Web;
using Bitbucket.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Bitbucket.Samples.Tests;

/// <summary>
/// Runs the sample app in-process on a free 127.0.0.1 port with its embedded sandbox, and a fresh headless Chromium
/// (Debian's <c>chromium</c> and <c>chromium-driver</c>) for each test. Without Chromium the tests are skipped, except
/// under <c>CI=true</c>, where its absence is a failure.
/// </summary>
public abstract class SampleAppHost
{
    private static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_BIN") ?? "/usr/bin/chromium";
    private static readonly string ChromeDriverPath = Environment.GetEnvironmentVariable("CHROMEDRIVER_BIN") ?? "/usr/bin/chromedriver";

    private WebApplication? _app;
    private ChromeDriver? _driver;

    /// <summary>Gets the address of the running sample app.</summary>
    protected Uri Address { get; private set; } = null!;

    /// <summary>Gets the sandbox the app started (the app owns and stops it).</summary>
    protected BitbucketSandbox Sandbox => _app!.Services.GetRequiredService<BitbucketSandbox>();

    /// <summary>Gets the browser of the current test.</summary>
    protected ChromeDriver Driver => _driver ?? throw new InvalidOperationException("No browser is running.");

    [OneTimeSetUp]
    public async Task StartApp()
    {
        if (!File.Exists(ChromiumPath) || !File.Exists(ChromeDriverPath))
        {
            var reason = $"Chromium or its driver is not installed ({ChromiumPath}, {ChromeDriverPath}); install Debian's packages with `apt-get install -y chromium chromium-driver` (.ci/run does).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(reason);
            }

            Assert.Ignore(reason);
        }

        var started = Stopwatch.StartNew();
        // Development: the browser talks plain http to 127.0.0.1, where a Secure cookie would not be sent back.
        _app = await SampleApp.BuildAsync(["--urls=http://127.0.0.1:0", "--Bitbucket:UseSandbox=true", "--environment=Development"]);
        await _app.StartAsync();
        Address = SampleApp.GetAddress(_app);
        await TestContext.Progress.WriteLineAsync($"Sample app with its sandbox started in {started.ElapsedMilliseconds} ms at {Address} (sandbox {Sandbox.Address}).");
    }

    [OneTimeTearDown]
    public async Task StopApp()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    [SetUp]
    public void StartBrowser()
    {
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--no-proxy-server", "--disable-default-apps", "--window-size=1280,1100");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriverPath)!, Path.GetFileName(ChromeDriverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        _driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        _driver.Manage().Timeouts().ImplicitWait = TimeSpan.FromSeconds(15);
        _driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
    }

    [TearDown]
    public void StopBrowser()
    {
        _driver?.Quit();
        _driver?.Dispose();
        _driver = null;
    }

    /// <summary>Opens the start page, clicks a login button, checks the sandbox's authorize page and approves.</summary>
    /// <param name="loginButton">The id of the button: <c>login-oauth2</c> or <c>login-oauth1</c>.</param>
    /// <param name="screenshotName">The name of the authorize page's screenshot, or <see langword="null"/> for none.</param>
    protected void SignIn(string loginButton, string? screenshotName = null)
    {
        Driver.Navigate().GoToUrl(Address);
        Assert.That(Driver.FindElement(By.Id("target")).Text, Does.Contain("sandbox"));
        Driver.FindElement(By.Id(loginButton)).Click();

        var approve = Driver.FindElement(By.Id("approve"));
        Assert.That(new Uri(Driver.Url).Port, Is.EqualTo(Sandbox.Address.Port), "the browser should be on the sandbox's authorize page");
        if (screenshotName is not null)
        {
            Screenshot(screenshotName);
        }

        approve.Click();
    }

    /// <summary>Asserts that the browser shows the profile of the sandbox's first user with their repositories and open pull requests.</summary>
    /// <param name="method">The sign-in method the page should name.</param>
    /// <param name="screenshotName">The name of the screenshot, or <see langword="null"/> for none.</param>
    protected void AssertProfile(string method, string? screenshotName = null)
    {
        var repositories = Driver.FindElement(By.Id("repositories"));
        Assert.That(new Uri(Driver.Url).AbsolutePath, Is.EqualTo("/profile"));
        var seed = Sandbox.Seed;
        var workspaces = seed.Workspaces.Where(w => w.Members.Contains(seed.User.Username)).ToList();
        var expectedRepositories = workspaces.SelectMany(w => w.Repositories.Select(r => $"{w.Slug}/{r.Slug}")).ToList();
        var expectedPullRequests = workspaces.SelectMany(w => w.Repositories.SelectMany(r => r.PullRequests.Select(p => p.Title))).ToList();
        var pullRequests = Driver.FindElement(By.Id("pull-requests")).Text;
        if (screenshotName is not null)
        {
            Screenshot(screenshotName);
        }

        Assert.Multiple(() =>
        {
            Assert.That(Driver.FindElement(By.Id("user-name")).Text, Is.EqualTo(seed.User.DisplayName));
            Assert.That(Driver.PageSource, Does.Contain("signed in through " + System.Net.WebUtility.HtmlEncode(method)));
            Assert.That(expectedRepositories, Is.Not.Empty);
            foreach (var repository in expectedRepositories)
            {
                Assert.That(repositories.Text, Does.Contain(repository));
            }

            Assert.That(Driver.FindElements(By.CssSelector("#repositories tr.repository")), Has.Count.EqualTo(expectedRepositories.Count));
            Assert.That(expectedPullRequests, Is.Not.Empty);
            foreach (var title in expectedPullRequests)
            {
                Assert.That(pullRequests, Does.Contain(title));
            }
        });
    }

    /// <summary>Finds elements on the page as it is, without the implicit wait (for asserting that something is absent).</summary>
    /// <param name="by">The locator.</param>
    /// <returns>The elements found now.</returns>
    protected IReadOnlyList<IWebElement> FindNow(By by)
    {
        var timeouts = Driver.Manage().Timeouts();
        var wait = timeouts.ImplicitWait;
        timeouts.ImplicitWait = TimeSpan.Zero;
        try
        {
            return Driver.FindElements(by);
        }
        finally
        {
            timeouts.ImplicitWait = wait;
        }
    }

    /// <summary>Saves a screenshot of the browser into the test output and attaches it to the test.</summary>
    /// <param name="name">The file name, without extension.</param>
    protected void Screenshot(string name)
    {
        var directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        TestContext.AddTestAttachment(path, name);
    }
}
