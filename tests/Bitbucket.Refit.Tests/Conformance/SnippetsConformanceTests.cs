using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bitbucket;
using Bitbucket.Models;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace Bitbucket.Tests.Conformance;

/// <summary>Every Snippets operation through the real pipeline against Prism validating the OpenAPI description.</summary>
[Category("Conformance")]
public sealed class SnippetsConformanceTests
{
    private const string Workspace = "evzijst";
    private const string EncodedId = "kypj";
    private const string Revision = "367ab19a0d3f";

    private static MultipartItem[] Files() =>
    [
        new StreamPart(new MemoryStream(Encoding.UTF8.GetBytes("foo\n")), "foo.txt", "text/plain"),
    ];

    private static SnippetComment Comment(string raw) => new()
    {
        Type = "snippet_comment",
        Content = new RenderedContent { Raw = raw },
    };

    private static async Task<Page<T>> FirstPageAsync<T>(BitbucketPageable<T> pages)
    {
        await foreach (var page in pages.AsPages())
        {
            return page;
        }

        throw new AssertionException("no page");
    }

    private static async Task<string> ReadAllAsync(Task<Stream> call)
    {
        await using var stream = await call;
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    /// <summary>
    /// Sends a create or update as Bitbucket documents it (<c>multipart/form-data</c>) and asserts that Prism routed it
    /// to the operation and objected only to the body: the OpenAPI description declares a JSON body for the creates
    /// and none at all for the updates, so Prism refuses every multipart body (415, or 422 naming only the body).
    /// </summary>
    private static async Task AssertOnlyTheFormDataBodyIsRefusedAsync(Func<IBitbucketClient, Task> call)
    {
        var prism = await PrismServer.GetAsync();
        var client = prism.Services.GetRequiredService<IBitbucketClient>();
        var ex = Assert.CatchAsync<BitbucketApiException>(() => call(client));
        if (ex!.StatusCode == HttpStatusCode.UnsupportedMediaType)
        {
            Assert.That(ex.ResponseExcerpt, Does.Contain("INVALID_CONTENT_TYPE"));
            return;
        }

        Assert.That(ex.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), ex.ResponseExcerpt);
        var validation = JsonNode.Parse(ex.ResponseExcerpt!)!["validation"]!.AsArray();
        Assert.That(validation.Select(v => v!["location"]![0]!.GetValue<string>()), Is.Not.Empty.And.All.EqualTo("body"), ex.ResponseExcerpt);
    }

    [Test]
    public async Task ListAll()
    {
        var prism = await PrismServer.GetAsync();
#pragma warning disable CS0618
        var page = await prism.CallAsync(c => FirstPageAsync(c.Snippets.ListAll(SnippetRole.Owner, new ListOptions { PageLength = 10 })));
#pragma warning restore CS0618
        Assert.That(page.Values, Is.Not.Null);
    }

    [Test]
    public Task CreateForCurrentUser() =>
        AssertOnlyTheFormDataBodyIsRefusedAsync(c => c.Snippets.CreateForCurrentUserAsync(Files(), "My snippet", isPrivate: true));

    [Test]
    public async Task List()
    {
        var prism = await PrismServer.GetAsync();
        var page = await prism.CallAsync(c => FirstPageAsync(c.Snippets.List(Workspace, SnippetRole.Member)));
        Assert.That(page.Values, Is.Not.Null);
    }

    [Test]
    public Task Create() =>
        AssertOnlyTheFormDataBodyIsRefusedAsync(c => c.Snippets.CreateAsync(Workspace, Files(), "My snippet"));

    [Test]
    public async Task Delete()
    {
        var prism = await PrismServer.GetAsync();
        await prism.CallAsync(c => c.Snippets.DeleteAsync(Workspace, EncodedId));
    }

    [Test]
    public async Task Get()
    {
        var prism = await PrismServer.GetAsync();
        var snippet = await prism.CallAsync(c => c.Snippets.GetAsync(Workspace, EncodedId));
        Assert.Multiple(() =>
        {
            Assert.That(snippet.Type, Is.Not.Null);
            Assert.That(snippet.Id, Is.Not.Null, "the schema's integer id reads as text");
            Assert.That(snippet.Owner, Is.Not.Null);
        });
    }

    [Test]
    public Task Update() =>
        AssertOnlyTheFormDataBodyIsRefusedAsync(c => c.Snippets.UpdateAsync(Workspace, EncodedId, Files(), "Renamed", removedFiles: ["old.txt"]));

    [Test]
    public async Task ListComments()
    {
        var prism = await PrismServer.GetAsync();
        var page = await prism.CallAsync(c => FirstPageAsync(c.Snippets.ListComments(Workspace, EncodedId)));
        Assert.That(page.Values, Is.Not.Null);
    }

    [Test]
    public async Task CreateComment()
    {
        var prism = await PrismServer.GetAsync();
        var comment = await prism.CallAsync(c => c.Snippets.CreateCommentAsync(Workspace, EncodedId, Comment("Nice")));
        Assert.That(comment.Type, Is.Not.Null);
    }

    [Test]
    public async Task DeleteComment()
    {
        var prism = await PrismServer.GetAsync();
        await prism.CallAsync(c => c.Snippets.DeleteCommentAsync(Workspace, EncodedId, 42));
    }

    [Test]
    public async Task GetComment()
    {
        var prism = await PrismServer.GetAsync();
        var comment = await prism.CallAsync(c => c.Snippets.GetCommentAsync(Workspace, EncodedId, 42));
        Assert.That(comment.Type, Is.Not.Null);
    }

    [Test]
    public async Task UpdateComment()
    {
        var prism = await PrismServer.GetAsync();
        var comment = await prism.CallAsync(c => c.Snippets.UpdateCommentAsync(Workspace, EncodedId, 42, Comment("Edited")));
        Assert.That(comment.Type, Is.Not.Null);
    }

    [Test]
    public async Task ListCommits()
    {
        var prism = await PrismServer.GetAsync();
        var page = await prism.CallAsync(c => FirstPageAsync(c.Snippets.ListCommits(Workspace, EncodedId)));
        Assert.That(page.Values, Is.Not.Null);
    }

    [Test]
    public async Task GetCommit()
    {
        var prism = await PrismServer.GetAsync();
        var commit = await prism.CallAsync(c => c.Snippets.GetCommitAsync(Workspace, EncodedId, Revision));
        Assert.That(commit.Type, Is.Not.Null);
    }

    /// <remarks>
    /// The spec answers this operation with a 302 whose <c>Location</c> Prism fills with the placeholder
    /// <c>string</c>; HttpClient follows it to <c>files/string</c> and drops the Authorization header on the way, so
    /// Prism's security check refuses the second request with 401. The first request passed validation.
    /// </remarks>
    [Test]
    public async Task GetFile()
    {
        var prism = await PrismServer.GetAsync();
        var client = prism.Services.GetRequiredService<IBitbucketClient>();
        var ex = Assert.CatchAsync<BitbucketApiException>(() => ReadAllAsync(client.Snippets.GetFileAsync(Workspace, EncodedId, "foo.txt")));
        Assert.Multiple(() =>
        {
            // Prism's 302 points at files/string, which answers 302 to itself again: the client follows it with
            // credentials (same origin) and stops after RedirectHandler.MaxRedirects hops with a typed error.
            Assert.That(ex!.RequestUri!.AbsolutePath, Is.EqualTo($"/snippets/{Workspace}/{EncodedId}/files/string"), "the 302 was followed");
            Assert.That(ex.StatusCode, Is.EqualTo(HttpStatusCode.Found), ex.ResponseExcerpt);
        });
    }

    [Test]
    public async Task Unwatch()
    {
        var prism = await PrismServer.GetAsync();
        await prism.CallAsync(c => c.Snippets.UnwatchAsync(Workspace, EncodedId));
    }

    [Test]
    public async Task IsWatching()
    {
        var prism = await PrismServer.GetAsync();
        using var response = await prism.CallAsync(c => c.Snippets.IsWatchingAsync(Workspace, EncodedId));
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NoContent), response.Error?.Message);
    }

    [Test]
    public async Task Watch()
    {
        var prism = await PrismServer.GetAsync();
        await prism.CallAsync(c => c.Snippets.WatchAsync(Workspace, EncodedId));
    }

    [Test]
    public async Task ListWatchers()
    {
        var prism = await PrismServer.GetAsync();
#pragma warning disable CS0618
        var page = await prism.CallAsync(c => FirstPageAsync(c.Snippets.ListWatchers(Workspace, EncodedId)));
#pragma warning restore CS0618
        Assert.That(page.Values, Is.Not.Null);
    }

    [Test]
    public async Task DeleteRevision()
    {
        var prism = await PrismServer.GetAsync();
        await prism.CallAsync(c => c.Snippets.DeleteRevisionAsync(Workspace, EncodedId, Revision));
    }

    [Test]
    public async Task GetRevision()
    {
        var prism = await PrismServer.GetAsync();
        var snippet = await prism.CallAsync(c => c.Snippets.GetRevisionAsync(Workspace, EncodedId, Revision));
        Assert.That(snippet.Type, Is.Not.Null);
    }

    [Test]
    public Task UpdateRevision() =>
        AssertOnlyTheFormDataBodyIsRefusedAsync(c => c.Snippets.UpdateRevisionAsync(Workspace, EncodedId, Revision, Files(), "CAS"));

    /// <remarks>
    /// The spec declares a <c>Content-Type</c> response header here, which Prism fills with the placeholder
    /// <c>string</c> and then cannot serialize (500 "Cannot find serializer for string") whatever the Accept header.
    /// Prism generates responses only after the request passed validation, so the 500 still proves the request.
    /// </remarks>
    [Test]
    public async Task GetRevisionFile()
    {
        var prism = await PrismServer.GetAsync();
        var client = prism.Services.GetRequiredService<IBitbucketClient>();
        var ex = Assert.CatchAsync<BitbucketApiException>(() => ReadAllAsync(client.Snippets.GetRevisionFileAsync(Workspace, EncodedId, Revision, "foo.txt")));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(ex.ResponseExcerpt, Does.Contain("Cannot find serializer for string"));
            Assert.That(ex.RequestUri!.AbsolutePath, Is.EqualTo($"/snippets/{Workspace}/{EncodedId}/{Revision}/files/foo.txt"));
        });
    }

    [Test]
    public async Task GetDiff()
    {
        var prism = await PrismServer.GetAsync();
        var text = await prism.CallAsync(c => ReadAllAsync(c.Snippets.GetDiffAsync(Workspace, EncodedId, Revision, "foo.txt")));
        Assert.That(text, Is.Not.Null);
    }

    [Test]
    public async Task GetPatch()
    {
        var prism = await PrismServer.GetAsync();
        var text = await prism.CallAsync(c => ReadAllAsync(c.Snippets.GetPatchAsync(Workspace, EncodedId, Revision)));
        Assert.That(text, Is.Not.Null);
    }
}
