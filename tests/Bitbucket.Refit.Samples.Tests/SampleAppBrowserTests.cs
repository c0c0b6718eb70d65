using System.Diagnostics;
using Bitbucket.Refit.Samples.Web;
using Bitbucket.Refit.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Bitbucket.Refit.Samples.Tests;

/// <summary>
/// Drives the sample app in headless Chromium (Debian's <c>chromium</c> and <c>chromium-driver</c>): the app runs
/// in-process on a free 127.0.0.1 port with its embedded sandbox, the browser signs in through OAuth 2 and OAuth 1.0a,
/// approves on the sandbox's authorize page, and must land on the profile with the seeded repositories.
/// </summary>
[TestFixture]
[Category("Browser")]
[NonParallelizable]
public sealed class SampleAppBrowserTests
{
    private static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_BIN") ?? "/usr/bin/chromium";
    private static readonly string ChromeDriverPath = Environment.GetEnvironmentVariable("CHROMEDRIVER_BIN") ?? "/usr/bin/chromedriver";

    private WebApplication _app = null!;
    private Uri _address = null!;
    private ChromeDriver? _driver;

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
        _app = await SampleApp.BuildAsync(["--urls=http://127.0.0.1:0", "--Bitbucket:UseSandbox=true"]);
        await _app.StartAsync();
        _address = SampleApp.GetAddress(_app);
        await TestContext.Progress.WriteLineAsync($"Sample app with its sandbox started in {started.ElapsedMilliseconds} ms at {_address} (sandbox {Sandbox.Address}).");
    }

    /// <summary>Gets the sandbox the app started; the app owns and stops it.</summary>
    private BitbucketSandbox Sandbox => _app.Services.GetRequiredService<BitbucketSandbox>();

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

    [TestCase("login-oauth2", "OAuth 2")]
    [TestCase("login-oauth1", "OAuth 1.0a")]
    public void SignsInApprovesAndSeesTheRepositories(string loginButton, string method)
    {
        var driver = _driver!;
        var elapsed = Stopwatch.StartNew();
        var name = method.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

        driver.Navigate().GoToUrl(_address);
        Assert.That(driver.FindElement(By.Id("target")).Text, Does.Contain("sandbox"));
        driver.FindElement(By.Id(loginButton)).Click();

        // The sandbox's authorize page, on the sandbox's own origin.
        var approve = driver.FindElement(By.Id("approve"));
        Assert.That(new Uri(driver.Url).Port, Is.EqualTo(Sandbox.Address.Port), "the browser should be on the sandbox's authorize page");
        Screenshot(driver, $"{name}-authorize");
        approve.Click();

        // Back on the sample: the profile with the seeded user, repositories and open pull requests.
        var repositories = driver.FindElement(By.Id("repositories"));
        Assert.That(new Uri(driver.Url).AbsolutePath, Is.EqualTo("/profile"));
        var seed = Sandbox.Seed;
        var expectedRepositories = seed.Workspaces
            .Where(w => w.Members.Contains(seed.User.Username))
            .SelectMany(w => w.Repositories.Select(r => $"{w.Slug}/{r.Slug}"))
            .ToList();
        var expectedPullRequests = seed.Workspaces
            .Where(w => w.Members.Contains(seed.User.Username))
            .SelectMany(w => w.Repositories.SelectMany(r => r.PullRequests.Select(p => p.Title)))
            .ToList();
        var pullRequests = driver.FindElement(By.Id("pull-requests")).Text;
        Screenshot(driver, $"{name}-profile");

        Assert.Multiple(() =>
        {
            Assert.That(driver.FindElement(By.Id("user-name")).Text, Is.EqualTo(seed.User.DisplayName));
            Assert.That(driver.PageSource, Does.Contain("signed in through " + System.Net.WebUtility.HtmlEncode(method)));
            Assert.That(expectedRepositories, Is.Not.Empty);
            foreach (var repository in expectedRepositories)
            {
                Assert.That(repositories.Text, Does.Contain(repository));
            }

            Assert.That(driver.FindElements(By.CssSelector("#repositories tr.repository")), Has.Count.EqualTo(expectedRepositories.Count));
            foreach (var title in expectedPullRequests)
            {
                Assert.That(pullRequests, Does.Contain(title));
            }
        });

        // Signing out leaves the profile behind a sign-in again.
        driver.FindElement(By.Id("logout")).Click();
        Assert.That(driver.FindElement(By.Id(loginButton)).Displayed, Is.True);
        driver.Navigate().GoToUrl(new Uri(_address, "/profile"));
        Assert.That(new Uri(driver.Url).AbsolutePath, Is.EqualTo("/"));

        TestContext.Out.WriteLine($"Browser sign-in through {method}, approve, profile and sign-out took {elapsed.ElapsedMilliseconds} ms.");
    }

    private static void Screenshot(ChromeDriver driver, string name)
    {
        var directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".png");
        driver.GetScreenshot().SaveAsFile(path);
        TestContext.AddTestAttachment(path, name);
    }
}
