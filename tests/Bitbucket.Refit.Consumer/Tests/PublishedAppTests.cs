using System.Diagnostics;
using System.Text.RegularExpressions;
using Bitbucket.Sandbox;
using NUnit.Framework;

/// <summary>
/// The README's Quick start app, published with Native AOT by .ci/run (path in CONSUMER_APP), run against the sandbox:
/// configuration from the environment, the Basic credential, one page request through the package, the titles back.
/// </summary>
public class PublishedAppTests
{
    [Test]
    public async Task The_published_quick_start_app_serves_the_sandbox_pull_requests()
    {
        var app = Environment.GetEnvironmentVariable("CONSUMER_APP");
        if (string.IsNullOrEmpty(app))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail("CONSUMER_APP (the published Quick start app) is not set; .ci/run sets it.");
            }

            Assert.Inconclusive("Set CONSUMER_APP to the published Bitbucket.Refit.Consumer.App executable.");
        }

        await using var sandbox = await BitbucketSandbox.StartAsync();
        var start = new ProcessStartInfo(app!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Bitbucket__BaseAddress"] = sandbox.ApiBaseAddress.ToString();
        start.Environment["Bitbucket__Basic__Username"] = sandbox.Seed.User.Email;
        start.Environment["Bitbucket__Basic__Secret"] = sandbox.Seed.User.ApiToken;
        using var process = Process.Start(start)!;
        try
        {
            var address = await ReadListeningAddressAsync(process, TimeSpan.FromSeconds(30));
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            var repo = sandbox.Seed.Repository;

            var body = await http.GetStringAsync($"reviews/{sandbox.Seed.Workspace.Slug}/{repo.Slug}");

            Assert.That(body.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EquivalentTo(repo.PullRequests.Select(pr => pr.Title)));
            Assert.That(body, Does.Not.Contain(sandbox.Seed.User.ApiToken));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<Uri> ReadListeningAddressAsync(Process process, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (await process.StandardOutput.ReadLineAsync(cts.Token) is { } line)
        {
            var match = Regex.Match(line, @"Now listening on: (http://\S+)");
            if (match.Success)
            {
                return new Uri(match.Groups[1].Value.TrimEnd('/') + "/");
            }
        }

        Assert.Fail("The app exited before listening: " + await process.StandardError.ReadToEndAsync());
        throw new UnreachableException();
    }
}
