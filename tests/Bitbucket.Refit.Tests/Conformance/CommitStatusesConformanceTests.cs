using Bitbucket.Models;
using Bitbucket;

namespace Bitbucket.Tests.Conformance;

/// <summary>Every commit status operation, validated by Prism against Bitbucket's OpenAPI description.</summary>
[Category("Conformance")]
public sealed class CommitStatusesConformanceTests
{
    private const string Ws = "acme";
    private const string Repo = "widgets";
    private const string Commit = "728c8bad1813";

    private PrismServer _prism = null!;

    [SetUp]
    public async Task SetUp() => _prism = await PrismServer.GetAsync();

    private static CommitStatus NewStatus() => new()
    {
        Type = "build",
        Key = "BB-DEPLOY",
        State = CommitStatusState.InProgress,
        Name = "BB-DEPLOY-1",
        Url = "https://ci.example.com/builds/1",
        Description = "Unit tests",
        RefName = "main",
    };

    [Test]
    public async Task ListForCommit()
    {
        var page = await _prism.CallAsync(async c =>
        {
            await foreach (var p in c.CommitStatuses.ListForCommit(Ws, Repo, Commit, "main", new ListOptions { Query = "state=\"FAILED\"", Sort = "-created_on", PageLength = 10 }).AsPages())
            {
                return p;
            }

            throw new AssertionException("The list yielded no page.");
        });
        PullRequestsConformanceTests.AssertFullyModelled(page);
        Assert.That(page.Values.All(v => v.Key is not null && v.State is not null), Is.True);
    }

    [Test]
    public async Task CreateBuild()
    {
        var status = await _prism.CallAsync(c => c.CommitStatuses.CreateBuildAsync(Ws, Repo, Commit, NewStatus()));
        PullRequestsConformanceTests.AssertFullyModelled(status);
        Assert.That(status.Key, Is.Not.Null);
    }

    [Test]
    public async Task GetBuild()
    {
        var status = await _prism.CallAsync(c => c.CommitStatuses.GetBuildAsync(Ws, Repo, Commit, "BB-DEPLOY"));
        PullRequestsConformanceTests.AssertFullyModelled(status);
        Assert.That(status.State, Is.Not.Null);
    }

    [Test]
    public async Task UpdateBuild()
    {
        var status = await _prism.CallAsync(c => c.CommitStatuses.UpdateBuildAsync(Ws, Repo, Commit, "BB-DEPLOY", NewStatus() with { State = CommitStatusState.Successful }));
        PullRequestsConformanceTests.AssertFullyModelled(status);
        Assert.That(status.Key, Is.Not.Null);
    }
}
