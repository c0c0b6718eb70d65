using System.Net;
using Bitbucket.Models;
using FakeItEasy;
using Moq;
using NSubstitute;

namespace Bitbucket.Tests.Mocking;

/// <summary>
/// The README's "Testing your code" examples, once per mocking library: a service that reads a list is tested with a
/// faked list in one expression (no Refit type in sight): several pages, an empty list, a failure on page 2.
/// </summary>
[TestFixture]
public sealed class MockingLibraryExamplesTests
{
    private static readonly PullRequest Fix = new() { Id = 1, Title = "Fix the build" };
    private static readonly PullRequest Docs = new() { Id = 2, Title = "Docs" };
    private static readonly PullRequest Bump = new() { Id = 3, Title = "Bump Refit" };

    private static BitbucketNotFoundException NotFound() =>
        new(new BitbucketResponseDetails { StatusCode = HttpStatusCode.NotFound, Method = HttpMethod.Get });

    [Test]
    public async Task NSubstitute_TwoPages()
    {
        var api = Substitute.For<IPullRequestsApi>();
        api.List("ws", "repo").Returns(BitbucketPageable.FromPages([Fix, Docs], [Bump]));

        var titles = await new ReviewQueue(api).TitlesAsync("ws", "repo", CancellationToken.None);

        Assert.That(titles, Is.EqualTo(new[] { "Fix the build", "Docs", "Bump Refit" }));
    }

    [Test]
    public async Task NSubstitute_EmptyAndUnconfigured()
    {
        var api = Substitute.For<IPullRequestsApi>();
        api.List("ws", "empty").Returns(BitbucketPageable.Empty<PullRequest>());

        Assert.That(await new ReviewQueue(api).TitlesAsync("ws", "empty", CancellationToken.None), Is.Empty);
        Assert.That(await new ReviewQueue(api).TitlesAsync("ws", "never-configured", CancellationToken.None), Is.Empty);
    }

    [Test]
    public void NSubstitute_NotFoundOnPageTwo()
    {
        var api = Substitute.For<IPullRequestsApi>();
        api.List("ws", "repo").Returns(BitbucketPageable.FromPages([[Fix]], NotFound()));

        var queue = new ReviewQueue(api);

        Assert.ThrowsAsync<BitbucketNotFoundException>(() => queue.TitlesAsync("ws", "repo", CancellationToken.None));
    }

    [Test]
    public async Task Moq_TwoPages()
    {
        var api = new Mock<IPullRequestsApi>();
        api.Setup(a => a.List("ws", "repo", null, null)).Returns(BitbucketPageable.FromPages([Fix, Docs], [Bump]));

        var titles = await new ReviewQueue(api.Object).TitlesAsync("ws", "repo", CancellationToken.None);

        Assert.That(titles, Is.EqualTo(new[] { "Fix the build", "Docs", "Bump Refit" }));
    }

    [Test]
    public async Task Moq_EmptyAndUnconfigured()
    {
        var api = new Mock<IPullRequestsApi> { DefaultValue = DefaultValue.Mock };
        api.Setup(a => a.List("ws", "empty", null, null)).Returns(BitbucketPageable.Empty<PullRequest>());

        Assert.That(await new ReviewQueue(api.Object).TitlesAsync("ws", "empty", CancellationToken.None), Is.Empty);
        Assert.That(await new ReviewQueue(api.Object).TitlesAsync("ws", "never-configured", CancellationToken.None), Is.Empty);
    }

    [Test]
    public void Moq_NotFoundOnPageTwo()
    {
        var api = new Mock<IPullRequestsApi>();
        api.Setup(a => a.List("ws", "repo", null, null)).Returns(BitbucketPageable.FromPages([[Fix]], NotFound()));

        var queue = new ReviewQueue(api.Object);

        Assert.ThrowsAsync<BitbucketNotFoundException>(() => queue.TitlesAsync("ws", "repo", CancellationToken.None));
    }

    [Test]
    public async Task FakeItEasy_TwoPages()
    {
        var api = A.Fake<IPullRequestsApi>();
        A.CallTo(() => api.List("ws", "repo", null, null)).Returns(BitbucketPageable.FromPages([Fix, Docs], [Bump]));

        var titles = await new ReviewQueue(api).TitlesAsync("ws", "repo", CancellationToken.None);

        Assert.That(titles, Is.EqualTo(new[] { "Fix the build", "Docs", "Bump Refit" }));
    }

    [Test]
    public async Task FakeItEasy_EmptyAndUnconfigured()
    {
        var api = A.Fake<IPullRequestsApi>();
        A.CallTo(() => api.List("ws", "empty", null, null)).Returns(BitbucketPageable.Empty<PullRequest>());

        Assert.That(await new ReviewQueue(api).TitlesAsync("ws", "empty", CancellationToken.None), Is.Empty);
        Assert.That(await new ReviewQueue(api).TitlesAsync("ws", "never-configured", CancellationToken.None), Is.Empty);
    }

    [Test]
    public void FakeItEasy_NotFoundOnPageTwo()
    {
        var api = A.Fake<IPullRequestsApi>();
        A.CallTo(() => api.List("ws", "repo", null, null)).Returns(BitbucketPageable.FromPages([[Fix]], NotFound()));

        var queue = new ReviewQueue(api);

        Assert.ThrowsAsync<BitbucketNotFoundException>(() => queue.TitlesAsync("ws", "repo", CancellationToken.None));
    }

    [Test]
    public async Task FakePages_AreLazyAndCountedWithMaxPages()
    {
        var list = BitbucketPageable.FromPages([Fix], [Docs], [Bump]);

        var pages = new List<Page<PullRequest>>();
        await foreach (var page in list.WithMaxPages(2).AsPages())
        {
            pages.Add(page);
        }

        Assert.That(pages.Select(p => p.PageNumber), Is.EqualTo(new int?[] { 1, 2 }));
        Assert.That(pages.SelectMany(p => p.Values), Is.EqualTo(new[] { Fix, Docs }));
    }

    [Test]
    public void FakeList_HonoursCancellation()
    {
        var list = BitbucketPageable.FromValues(Fix, Docs);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in list.WithCancellation(cancelled.Token))
            {
            }
        });
    }

    /// <summary>The code under test: an application service that reads a list.</summary>
    private sealed class ReviewQueue(IPullRequestsApi pullRequests)
    {
        public async Task<List<string>> TitlesAsync(string workspace, string repo, CancellationToken cancellationToken)
        {
            var titles = new List<string>();
            await foreach (var pr in pullRequests.List(workspace, repo).WithCancellation(cancellationToken))
            {
                titles.Add(pr.Title!);
            }

            return titles;
        }
    }
}
