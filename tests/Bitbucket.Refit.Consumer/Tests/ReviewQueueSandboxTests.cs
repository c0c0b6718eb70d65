// This file is a code block of the repository README.md, verbatim (ReadmeSnippetsTests checks it).
using Bitbucket;
using Bitbucket.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

public class ReviewQueueSandboxTests
{
    [Test]
    public async Task Lists_the_seeded_open_pull_requests()
    {
        await using var sandbox = await BitbucketSandbox.StartAsync();
        var services = new ServiceCollection();
        services.AddBitbucket(o => o.UseSandbox(sandbox))
                .WithBasicAuthentication(sandbox.Seed.User.Email, sandbox.Seed.User.ApiToken);
        services.AddSingleton<ReviewQueue>();
        await using var provider = services.BuildServiceProvider();

        var repo = sandbox.Seed.Repository;
        var titles = await provider.GetRequiredService<ReviewQueue>().OpenTitlesAsync(sandbox.Seed.Workspace.Slug, repo.Slug);

        Assert.That(titles, Is.EquivalentTo(repo.PullRequests.Select(pr => pr.Title)));
    }
}
