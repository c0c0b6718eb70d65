using System.Text;
using Bitbucket;
using Refit;

namespace Bitbucket.Tests.Conformance;

[Category("Conformance")]
public sealed class SourceConformanceTests
{
    private const string Ws = RepositoryAreaConformance.Workspace;
    private const string Repo = RepositoryAreaConformance.RepoSlug;
    private const string Hash = RepositoryAreaConformance.Hash;

    [Test]
    public async Task ListRoot()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => RepositoryAreaConformance.FirstPageAsync(c.Source.ListRoot(Ws, Repo)));

        Assert.That(page.Values, Is.Not.Empty);
    }

    [Test]
    public async Task GetFile()
    {
        var prism = await PrismServer.GetAsync();

        var length = await prism.CallAsync(async c =>
        {
            await using var stream = await c.Source.GetFileAsync(Ws, Repo, Hash, "README.md");
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.Length;
        });

        Assert.That(length, Is.GreaterThan(0), "the body is streamed through (Prism sends its JSON example, not file bytes)");
    }

    [Test]
    public async Task ListDirectory()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => RepositoryAreaConformance.FirstPageAsync(c.Source.ListDirectory(Ws, Repo, Hash, "docs", maxDepth: 2, new ListOptions { Query = "size > 1024", Sort = "-size" })));

        Assert.That(page.Values, Is.Not.Empty);
    }

    [Test]
    public async Task GetMetadata()
    {
        var prism = await PrismServer.GetAsync();

        var entry = await prism.CallAsync(c => c.Source.GetMetadataAsync(Ws, Repo, Hash, "README.md"));

        // The spec describes only the directory listing for this path, so Prism answers with a page; it is kept.
        Assert.That(entry.AdditionalProperties, Does.ContainKey("values"));
    }

    [Test]
    public async Task GetRendered()
    {
        var prism = await PrismServer.GetAsync();

        var rendered = await prism.CallAsync(c => c.Source.GetRenderedAsync(Ws, Repo, Hash, "README.md"));

        // The spec describes only the directory listing for this path, so Prism answers with a page; it is kept.
        Assert.That(rendered.AdditionalProperties, Does.ContainKey("values"));
    }

    [Test]
    public async Task CreateCommit()
    {
        var prism = await PrismServer.GetAsync();
        using var readme = new MemoryStream(Encoding.UTF8.GetBytes("# Widgets\n"));

        // The spec declares the metadata as query parameters and no request body; Bitbucket documents a multipart form.
        RepositoryAreaConformance.AssertOnlyTheUndeclaredBodyIsRefused(prism, c => c.Source.CreateCommitAsync(
            Ws,
            Repo,
            [new StreamPart(readme, "README.md", "text/markdown", "docs/README.md")],
            message: "Add docs",
            author: "Ann Smith <ann@example.com>",
            branch: "main",
            parent: Hash,
            filesToDelete: ["old.txt"]));
    }

    [Test]
    public async Task ListFileHistory()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => RepositoryAreaConformance.FirstPageAsync(c.Source.ListFileHistory(Ws, Repo, Hash, "README.md", renames: false, new ListOptions { Query = "commit.date<=2011-05-18" })));

        Assert.That(page.Values, Is.Not.Empty);
    }
}
