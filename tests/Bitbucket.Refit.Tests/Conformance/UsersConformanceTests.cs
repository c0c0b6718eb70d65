using Bitbucket;
using Refit;

namespace Bitbucket.Tests.Conformance;

/// <summary>Helpers the Users, Workspaces, Webhooks, Projects, SSH and GPG conformance tests share.</summary>
internal static class AccountConformance
{
    /// <summary>Fetches only the first page (Prism's <c>next</c> links point at example.com).</summary>
    public static async Task<Page<T>> FirstPageAsync<T>(BitbucketPageable<T> list)
    {
        await foreach (var page in list.AsPages())
        {
            return page;
        }

        throw new AssertionException("The list returned no page.");
    }
}

[Category("Conformance")]
public sealed class UsersConformanceTests
{
    [Test]
    public async Task GetCurrent()
    {
        var prism = await PrismServer.GetAsync();

        var user = await prism.CallAsync(c => c.Users.GetCurrentAsync());

        Assert.That(user.Type, Is.Not.Null);
    }

    [Test]
    public async Task ListEmails()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => AccountConformance.FirstPageAsync(c.Users.ListEmails(new ListOptions { PageLength = 10 })));

        Assert.That(page, Is.Not.Null);
    }

    [Test]
    public async Task GetEmail()
    {
        var prism = await PrismServer.GetAsync();

        var email = await prism.CallAsync(c => c.Users.GetEmailAsync("ann@example.com"));

        Assert.That(email, Is.Not.Null);
    }

    [Test]
    public async Task Get()
    {
        var prism = await PrismServer.GetAsync();

        var user = await prism.CallAsync(c => c.Users.GetAsync("{d7dd0e2d-3994-4a50-a9ee-d260b6cefdab}"));

        Assert.That(user.Type, Is.Not.Null);
    }
}
