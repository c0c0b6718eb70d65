using Bitbucket.Models;
using Bitbucket;

namespace Bitbucket.Tests.Conformance;

[Category("Conformance")]
public sealed class CommitsConformanceTests
{
    private const string Hash = "f7591a13eda445d9a9167f98eb870319f4b6c2d8";

    [Test]
    public async Task Get()
    {
        var prism = await PrismServer.GetAsync();
        var commit = await prism.CallAsync(c => c.Commits.GetAsync("my-workspace", "my-repo", Hash));
        Assert.That(commit.Hash, Is.Not.Null.And.Not.Empty);
    }

    [Test]
    public async Task Approve()
    {
        var prism = await PrismServer.GetAsync();
        var participant = await prism.CallAsync(c => c.Commits.ApproveAsync("my-workspace", "my-repo", Hash));
        Assert.That(participant.Type, Is.Not.Null);
    }

    [Test]
    public async Task Unapprove()
    {
        var prism = await PrismServer.GetAsync();
        await prism.CallAsync(c => c.Commits.UnapproveAsync("my-workspace", "my-repo", Hash));
    }

    [Test]
    public async Task ListComments()
    {
        var prism = await PrismServer.GetAsync();
        var page = await prism.CallAsync(c => FirstPageAsync(c.Commits.ListComments("my-workspace", "my-repo", Hash, new ListOptions { Query = "deleted=false", Sort = "-created_on" })));
        Assert.That(page.Values, Is.Not.Null);
    }

    [Test]
    public async Task CreateComment()
    {
        var prism = await PrismServer.GetAsync();
        await prism.CallAsync(c => c.Commits.CreateCommentAsync("my-workspace", "my-repo", Hash, new CommitComment
        {
            Type = "commit_comment",
            Content = new RenderedContent { Raw = "One more thing!" },
            Parent = new Comment { Type = "commit_comment", Id = 5728900 },
        }));
    }

    [Test]
    public async Task GetComment()
    {
        var prism = await PrismServer.GetAsync();
        var comment = await prism.CallAsync(c => c.Commits.GetCommentAsync("my-workspace", "my-repo", Hash, 5728901));
        Assert.That(comment.Type, Is.Not.Null);
    }

    [Test]
    public async Task UpdateComment()
    {
        var prism = await PrismServer.GetAsync();
        await prism.CallAsync(c => c.Commits.UpdateCommentAsync("my-workspace", "my-repo", Hash, 5728901, new CommitComment
        {
            Type = "commit_comment",
            Content = new RenderedContent { Raw = "One more thing!" },
        }));
    }

    [Test]
    public async Task DeleteComment()
    {
        var prism = await PrismServer.GetAsync();
        await prism.CallAsync(c => c.Commits.DeleteCommentAsync("my-workspace", "my-repo", Hash, 5728901));
    }

    [Test]
    public async Task List()
    {
        var prism = await PrismServer.GetAsync();
        var page = await prism.CallAsync(c => FirstPageAsync(c.Commits.List("my-workspace", "my-repo", include: ["main"], exclude: ["release"], path: "src/")));
        Assert.That(page.Values.First().Hash, Is.Not.Null);
    }

    [Test]
    public async Task ListByRefs()
    {
        // The spec declares no request body for this POST (Bitbucket reads a form), so Prism refuses any body with 415:
        // only the route and query are checked here; the WireMock tests check the form.
        var prism = await PrismServer.GetAsync();
        var page = await prism.CallAsync(c => FirstPageAsync(c.Commits.ListByRefs("my-workspace", "my-repo", new CommitRefFilter(), path: "src/")));
        Assert.That(page.Values.First().Hash, Is.Not.Null);
    }

    [Test]
    public async Task ListForRevision()
    {
        var prism = await PrismServer.GetAsync();
        var page = await prism.CallAsync(c => FirstPageAsync(c.Commits.ListForRevision("my-workspace", "my-repo", "feature/x", exclude: ["main"])));
        Assert.That(page.Values.First().Hash, Is.Not.Null);
    }

    [Test]
    public async Task ListForRevisionByRefs()
    {
        var prism = await PrismServer.GetAsync();
        var page = await prism.CallAsync(c => FirstPageAsync(c.Commits.ListForRevisionByRefs("my-workspace", "my-repo", "feature/x", new CommitRefFilter())));
        Assert.That(page.Values.First().Hash, Is.Not.Null);
    }

    [Test]
    public async Task GetDiff()
    {
        var prism = await PrismServer.GetAsync();
        var text = await prism.CallAsync(async c =>
        {
            await using var diff = await c.Commits.GetDiffAsync("my-workspace", "my-repo", "3a8b42..9ff173", context: 5, path: ["setup.py"],
                ignoreWhitespace: true, binary: false, renames: true, topic: true);
            using var reader = new StreamReader(diff);
            return await reader.ReadToEndAsync();
        });
        Assert.That(text, Is.Not.Null);
    }

    [Test]
    public async Task ListDiffStats()
    {
        var prism = await PrismServer.GetAsync();
        var page = await prism.CallAsync(c => FirstPageAsync(c.Commits.ListDiffStats("my-workspace", "my-repo", "3a8b42..9ff173", ignoreWhitespace: false,
            merge: false, path: ["setup.py"], renames: true)));
        Assert.That(page.Values.First().Status, Is.Not.Null);
    }

    [Test]
    public async Task ListFileConflicts()
    {
        var prism = await PrismServer.GetAsync();
        var page = await prism.CallAsync(c => FirstPageAsync(c.Commits.ListFileConflicts("my-workspace", "my-repo", "3a8b42..9ff173")));
        Assert.That(page.Values.First().Scenario, Is.Not.Null);
    }

    [Test]
    public async Task GetMergeBase()
    {
        var prism = await PrismServer.GetAsync();
        var commit = await prism.CallAsync(c => c.Commits.GetMergeBaseAsync("my-workspace", "my-repo", "3a8b42..9ff173"));
        Assert.That(commit.Hash, Is.Not.Null);
    }

    [Test]
    public async Task GetPatch()
    {
        var prism = await PrismServer.GetAsync();
        var text = await prism.CallAsync(async c =>
        {
            await using var patch = await c.Commits.GetPatchAsync("my-workspace", "my-repo", "3a8b42..9ff173");
            using var reader = new StreamReader(patch);
            return await reader.ReadToEndAsync();
        });
        Assert.That(text, Is.Not.Null);
    }

    private static async Task<Page<T>> FirstPageAsync<T>(BitbucketPageable<T> pages)
    {
        await foreach (var page in pages.AsPages())
        {
            return page;
        }

        throw new InvalidOperationException("No page.");
    }
}
