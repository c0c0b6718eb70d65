// This file is a code block of the repository README.md, verbatim (ReadmeSnippetsTests checks it).
using Bitbucket;
using Bitbucket.Models;
using NSubstitute;
using NUnit.Framework;

public class ReviewQueueMockTests
{
    [Test]
    public async Task Lists_the_open_pull_requests_of_every_page()
    {
        var api = Substitute.For<IPullRequestsApi>();
        api.List("ws", "repo", Arg.Any<IEnumerable<PullRequestState>?>())
           .Returns(BitbucketPageable.FromPages([new PullRequest { Title = "Fix" }], [new PullRequest { Title = "Docs" }]));

        var titles = await new ReviewQueue(api).OpenTitlesAsync("ws", "repo");

        Assert.That(titles, Is.EqualTo(new[] { "Fix", "Docs" }));
    }
}
