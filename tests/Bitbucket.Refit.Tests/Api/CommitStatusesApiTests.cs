using Bitbucket;
using Bitbucket.Models;
using Bitbucket.Tests.Infrastructure;

namespace Bitbucket.Tests.Api;

public sealed class CommitStatusesApiTests : ApiTestBase
{
    private const string Commit = "/2.0/repositories/acme/widgets/commit/728c8bad1813";

    private const string StatusJson = """
        {"type":"build","key":"BB-DEPLOY","state":"INPROGRESS","name":"BB-DEPLOY-1","refname":"main",
         "url":"https://ci.example.com/builds/{repository.full_name}/1","description":"Unit tests in Bamboo",
         "created_on":"2026-05-10T07:00:00.123456+00:00","updated_on":"2026-05-10T07:05:00+00:00",
         "links":{"self":{"href":"https://api.bitbucket.org/2.0/repositories/acme/widgets/commit/728c8bad1813/statuses/build/BB-DEPLOY"},
                  "commit":{"href":"https://api.bitbucket.org/2.0/repositories/acme/widgets/commit/728c8bad1813"}}}
        """;

    protected override bool AssertsBearerToken => true;

    private ICommitStatusesApi Statuses => Api<ICommitStatusesApi>();

    private static void AssertIsTheStatus(CommitStatus status) =>
        Assert.Multiple(() =>
        {
            Assert.That(status.Type, Is.EqualTo("build"));
            Assert.That(status.Key, Is.EqualTo("BB-DEPLOY"));
            Assert.That(status.State, Is.EqualTo(CommitStatusState.InProgress));
            Assert.That(status.Name, Is.EqualTo("BB-DEPLOY-1"));
            Assert.That(status.RefName, Is.EqualTo("main"));
            Assert.That(status.Url, Is.EqualTo("https://ci.example.com/builds/{repository.full_name}/1"));
            Assert.That(status.Description, Is.EqualTo("Unit tests in Bamboo"));
            Assert.That(status.CreatedOn, Is.EqualTo(new DateTimeOffset(2026, 5, 10, 7, 0, 0, 123, TimeSpan.Zero).AddTicks(4560)));
            Assert.That(status.Links!.Commit!.Href, Does.EndWith("/commit/728c8bad1813"));
        });

    [Test]
    public async Task ListForCommit_SendsRefnameAndListOptions_AndReadsStatuses()
    {
        Answer(200, $$"""{"pagelen":10,"page":1,"size":1,"values":[{{StatusJson}}]}""");

        var statuses = new List<CommitStatus>();
        await foreach (var status in Statuses.ListForCommit("acme", "widgets", "728c8bad1813", "release/1.0", new ListOptions { Query = "state=\"FAILED\"", Sort = "-created_on", PageLength = 25 }))
        {
            statuses.Add(status);
        }

        AssertSent("GET", Commit + "/statuses?refname=release%2F1.0&q=state%3D%22FAILED%22&sort=-created_on&pagelen=25");
        AssertIsTheStatus(statuses.Single());
    }

    [Test]
    public async Task ListForCommit_WithoutFilters_SendsNoQuery()
    {
        Answer(200, """{"values":[]}""");

        var count = 0;
        await foreach (var _ in Statuses.ListForCommit("acme", "widgets", "728c8bad1813"))
        {
            count++;
        }

        AssertSent("GET", Commit + "/statuses");
        Assert.That(count, Is.Zero);
    }

    [Test]
    public async Task CreateBuild_PostsTheStatus()
    {
        Answer(201, StatusJson);

        var created = await Statuses.CreateBuildAsync("acme", "widgets", "728c8bad1813", new CommitStatus
        {
            Type = "build",
            Key = "BB-DEPLOY",
            State = CommitStatusState.InProgress,
            Name = "BB-DEPLOY-1",
            Url = "https://ci.example.com/builds/{repository.full_name}/1",
            Description = "Unit tests in Bamboo",
            RefName = "main",
        });

        AssertSent("POST", Commit + "/statuses/build");
        Assert.That(SentJson().ToJsonString(), Is.EqualTo("""{"type":"build","key":"BB-DEPLOY","refname":"main","url":"https://ci.example.com/builds/{repository.full_name}/1","state":"INPROGRESS","name":"BB-DEPLOY-1","description":"Unit tests in Bamboo"}"""));
        AssertIsTheStatus(created);
    }

    [Test]
    public async Task GetBuild_ReadsTheStatus()
    {
        Answer(200, StatusJson);

        var status = await Statuses.GetBuildAsync("acme", "widgets", "728c8bad1813", "BB-DEPLOY");

        AssertSent("GET", Commit + "/statuses/build/BB-DEPLOY");
        AssertIsTheStatus(status);
    }

    [TestCase("ci/unit tests", "ci%2Funit%20tests")]
    [TestCase("build#1", "build%231")]
    public async Task GetBuild_EscapesTheKeyAsOneSegment(string key, string escaped)
    {
        Answer(200, StatusJson);

        await Statuses.GetBuildAsync("acme", "my widgets", "728c8bad1813", key);

        AssertSent("GET", "/2.0/repositories/acme/my%20widgets/commit/728c8bad1813/statuses/build/" + escaped);
    }

    [Test]
    public async Task UpdateBuild_PutsTheChangedFields()
    {
        Answer(200, StatusJson.Replace("INPROGRESS", "SUCCESSFUL"));

        var updated = await Statuses.UpdateBuildAsync("acme", "widgets", "728c8bad1813", "BB-DEPLOY", new CommitStatus { Type = "build", Key = "BB-DEPLOY", State = CommitStatusState.Successful });

        AssertSent("PUT", Commit + "/statuses/build/BB-DEPLOY");
        Assert.Multiple(() =>
        {
            Assert.That(SentJson().ToJsonString(), Is.EqualTo("""{"type":"build","key":"BB-DEPLOY","state":"SUCCESSFUL"}"""));
            Assert.That(updated.State, Is.EqualTo(CommitStatusState.Successful));
        });
    }

    [Test]
    public void GetBuild_Missing_IsNotFound()
    {
        Answer(404, """{"type":"error","error":{"message":"Commit status not found"}}""");

        var ex = Assert.ThrowsAsync<BitbucketNotFoundException>(() => Statuses.GetBuildAsync("acme", "widgets", "728c8bad1813", "nope"));

        Assert.That(ex!.Message, Does.Contain("Commit status not found"));
    }
}
