using System.Net;
using System.Text;
using Bitbucket;
using Bitbucket.Models;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace Bitbucket.Tests.Conformance;

[Category("Conformance")]
public sealed class DownloadsConformanceTests
{
    private const string Ws = RepositoryAreaConformance.Workspace;
    private const string Repo = RepositoryAreaConformance.RepoSlug;

    [Test]
    public async Task List()
    {
        var prism = await PrismServer.GetAsync();

        // The spec leaves the 200 answer without a body, so Prism sends none: the list is empty, and the request
        // (method, path, query) was accepted.
        var artifacts = await prism.CallAsync(async c =>
        {
            var items = new List<DownloadArtifact>();
            await foreach (var item in c.Downloads.List(Ws, Repo, new ListOptions { PageLength = 10 }))
            {
                items.Add(item);
            }

            return items;
        });

        Assert.That(artifacts, Is.Empty);
    }

    [Test]
    public async Task Upload()
    {
        var prism = await PrismServer.GetAsync();
        using var file = new MemoryStream(Encoding.UTF8.GetBytes("Hello World\n"));

        RepositoryAreaConformance.AssertOnlyTheUndeclaredBodyIsRefused(prism, c => c.Downloads.UploadAsync(Ws, Repo, [new StreamPart(file, "hello.txt", "text/plain")]));
    }

    [Test]
    public async Task Download()
    {
        var prism = await PrismServer.GetAsync();

        // The spec's only success answer is a 302 without a Location (Prism cannot make one up), so the client stops
        // there; against Bitbucket the redirect to the storage host is followed (see DownloadsApiTests).
        var ex = Assert.ThrowsAsync<BitbucketApiException>(async () =>
        {
            await using var stream = await prism.Services.GetRequiredService<IBitbucketClient>().Downloads.DownloadAsync(Ws, Repo, "hello.txt");
        });

        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), ex.ResponseExcerpt);
    }

    [Test]
    public async Task Delete()
    {
        var prism = await PrismServer.GetAsync();

        await prism.CallAsync(c => c.Downloads.DeleteAsync(Ws, Repo, "hello.txt"));
    }
}
