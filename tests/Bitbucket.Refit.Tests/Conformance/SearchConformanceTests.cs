using Bitbucket.Models;
using Bitbucket;

// Every code search is deprecated in the spec (since 1 November 2026); they must still work and conform.
#pragma warning disable CS0618

namespace Bitbucket.Tests.Conformance;

[Category("Conformance")]
public sealed class SearchConformanceTests
{
    [Test]
    public async Task SearchWorkspace()
    {
        var prism = await PrismServer.GetAsync();
        var page = await prism.CallAsync(c => FirstPageAsync(c.Search.SearchWorkspace("my-workspace", "foo repo:demo", new ListOptions { PageLength = 10 })));
        Assert.That(page.Values!.First().File!.Path, Is.Not.Null);
    }

    [Test]
    public async Task SearchTeam()
    {
        var prism = await PrismServer.GetAsync();
        var page = await prism.CallAsync(c => FirstPageAsync(c.Search.SearchTeam("my-team", "foo")));
        Assert.That(page.Values!.First().ContentMatches, Is.Not.Null);
    }

    [Test]
    public async Task SearchUser()
    {
        var prism = await PrismServer.GetAsync();
        var page = await prism.CallAsync(c => FirstPageAsync(c.Search.SearchUser("{d301aafa-d676-4ee0-88be-962be7417567}", "foo")));
        Assert.That(page.Values!.First().PathMatches, Is.Not.Null);
    }

    private static async Task<Page<SearchCodeSearchResult>> FirstPageAsync(BitbucketPageable<SearchCodeSearchResult> pages)
    {
        await foreach (var page in pages.AsPages())
        {
            return page;
        }

        throw new InvalidOperationException("No page.");
    }
}
