using Bitbucket;
using Bitbucket.Models;

namespace Bitbucket.Tests.Api;

public sealed class RefsApiTests : RepositoryAreaApiFixture
{
    private const string BranchJson = """
        {
          "name": "feature/a b",
          "target": {
            "type": "commit",
            "hash": "1e6d6b4ad8b8e5b8d5f1c3a2b1e0f9a8b7c6d5e4",
            "date": "2024-02-03T04:05:06+00:00",
            "author": {"type": "author", "raw": "Ann Smith <ann@example.com>", "user": {"type": "user", "display_name": "Ann Smith"}},
            "message": "Add widgets\n",
            "parents": [{"type": "commit", "hash": "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567"}],
            "links": {"self": {"href": "https://api.bitbucket.org/2.0/repositories/acme/widgets/commit/1e6d6b4ad8b8"}}
          },
          "links": {
            "self": {"href": "https://api.bitbucket.org/2.0/repositories/acme/widgets/refs/branches/feature/a%20b"},
            "commits": {"href": "https://api.bitbucket.org/2.0/repositories/acme/widgets/commits/feature/a%20b"},
            "html": {"href": "https://bitbucket.org/acme/widgets/branch/feature/a%20b"}
          },
          "type": "branch",
          "merge_strategies": ["merge_commit", "squash", "fast_forward"],
          "default_merge_strategy": "squash"
        }
        """;

    private const string TagJson = """
        {
          "name": "v1.2.0",
          "target": {"type": "commit", "hash": "1e6d6b4ad8b8e5b8d5f1c3a2b1e0f9a8b7c6d5e4", "message": "Release 1.2\n"},
          "links": {"self": {"href": "https://api.bitbucket.org/2.0/repositories/acme/widgets/refs/tags/v1.2.0"}},
          "type": "tag",
          "message": "Version 1.2.0\n",
          "date": "2024-02-04T10:00:00+00:00",
          "tagger": {"type": "author", "raw": "Ann Smith <ann@example.com>"}
        }
        """;

    private IRefsApi Refs => Api<IRefsApi>();

    private static void AssertIsFeatureBranch(Branch? branch)
    {
        Assert.That(branch, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(branch!.Type, Is.EqualTo("branch"));
            Assert.That(branch.Name, Is.EqualTo("feature/a b"));
            Assert.That(branch.Target!.Hash, Is.EqualTo("1e6d6b4ad8b8e5b8d5f1c3a2b1e0f9a8b7c6d5e4"));
            Assert.That(branch.Target.Author!.Raw, Is.EqualTo("Ann Smith <ann@example.com>"));
            Assert.That(branch.Target.Parents!.Single().Hash, Is.EqualTo("0a1b2c3d4e5f60718293a4b5c6d7e8f901234567"));
            Assert.That(branch.MergeStrategies, Is.EqualTo(new[] { MergeStrategy.MergeCommit, MergeStrategy.Squash, MergeStrategy.FastForward }));
            Assert.That(branch.DefaultMergeStrategy, Is.EqualTo("squash"));
            Assert.That(branch.Links!.Html!.Href, Is.EqualTo("https://bitbucket.org/acme/widgets/branch/feature/a%20b"));
        });
    }

    private static void AssertIsReleaseTag(Tag? tag)
    {
        Assert.That(tag, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(tag!.Type, Is.EqualTo("tag"));
            Assert.That(tag.Name, Is.EqualTo("v1.2.0"));
            Assert.That(tag.Message, Is.EqualTo("Version 1.2.0\n"));
            Assert.That(tag.Date, Is.EqualTo(new DateTimeOffset(2024, 2, 4, 10, 0, 0, TimeSpan.Zero)));
            Assert.That(tag.Tagger!.Raw, Is.EqualTo("Ann Smith <ann@example.com>"));
            Assert.That(tag.Target!.Hash, Is.EqualTo("1e6d6b4ad8b8e5b8d5f1c3a2b1e0f9a8b7c6d5e4"));
        });
    }

    [Test]
    public async Task List_SendsOptions_AndReadsBranchesAndTags()
    {
        Answer(200, $$"""{"pagelen": 10, "values": [{{BranchJson}}, {{TagJson}}]}""");

        var refs = await ToListAsync(Refs.List("acme", "widgets", new ListOptions { Query = "name ~ \"1.\"", Sort = "-target.date" }));

        AssertSent("GET", "/2.0/repositories/acme/widgets/refs?q=name%20~%20%221.%22&sort=-target.date");
        Assert.Multiple(() =>
        {
            Assert.That(refs.Select(r => r.Type), Is.EqualTo(new[] { "branch", "tag" }));
            Assert.That(refs[0].MergeStrategies, Has.Count.EqualTo(3));
            Assert.That(refs[1].Message, Is.EqualTo("Version 1.2.0\n"));
        });
    }

    [Test]
    public async Task ListBranches_SendsGet_AndReadsPage()
    {
        Answer(200, $$"""{"pagelen": 10, "values": [{{BranchJson}}]}""");

        var branches = await ToListAsync(Refs.ListBranches("acme", "widgets", new ListOptions { PageLength = 100 }));

        AssertSent("GET", "/2.0/repositories/acme/widgets/refs/branches?pagelen=100");
        AssertIsFeatureBranch(branches.Single());
    }

    [Test]
    public async Task CreateBranchAsync_PostsNameAndTargetHash_AndReadsBranch()
    {
        Answer(201, BranchJson);

        var branch = await Refs.CreateBranchAsync("acme", "widgets", new Branch { Name = "feature/a b", Target = new Commit { Hash = "1e6d6b4ad8b8e5b8d5f1c3a2b1e0f9a8b7c6d5e4" } });

        AssertSent("POST", "/2.0/repositories/acme/widgets/refs/branches");
        Assert.That(SentJson().ToJsonString(), Is.EqualTo("""{"name":"feature/a b","target":{"hash":"1e6d6b4ad8b8e5b8d5f1c3a2b1e0f9a8b7c6d5e4"}}"""));
        AssertIsFeatureBranch(branch);
    }

    [Test]
    public async Task GetBranchAsync_KeepsASlashedBranchNameOneEscapedSegment()
    {
        Answer(200, BranchJson);

        var branch = await Refs.GetBranchAsync("acme", "widgets", "feature/a b");

        AssertSent("GET", "/2.0/repositories/acme/widgets/refs/branches/feature%2Fa%20b");
        AssertIsFeatureBranch(branch);
    }

    [Test]
    public async Task DeleteBranchAsync_KeepsASlashedBranchNameOneEscapedSegment()
    {
        Answer(204);

        await Refs.DeleteBranchAsync("acme", "widgets", "feature/a b");

        AssertSent("DELETE", "/2.0/repositories/acme/widgets/refs/branches/feature%2Fa%20b");
    }

    [Test]
    public async Task ListTags_SendsGet_AndReadsPage()
    {
        Answer(200, $$"""{"pagelen": 10, "values": [{{TagJson}}]}""");

        var tags = await ToListAsync(Refs.ListTags("acme", "widgets", new ListOptions { Sort = "-target.date" }));

        AssertSent("GET", "/2.0/repositories/acme/widgets/refs/tags?sort=-target.date");
        AssertIsReleaseTag(tags.Single());
    }

    [Test]
    public async Task CreateTagAsync_PostsNameTargetAndMessage_AndReadsTag()
    {
        Answer(201, TagJson);

        var tag = await Refs.CreateTagAsync("acme", "widgets", new Tag { Type = "tag", Name = "v1.2.0", Message = "Version 1.2.0\n", Target = new Commit { Hash = "1e6d6b4ad8b8e5b8d5f1c3a2b1e0f9a8b7c6d5e4" } });

        AssertSent("POST", "/2.0/repositories/acme/widgets/refs/tags");
        Assert.Multiple(() =>
        {
            Assert.That((string?)SentJson()["type"], Is.EqualTo("tag"));
            Assert.That((string?)SentJson()["name"], Is.EqualTo("v1.2.0"));
            Assert.That((string?)SentJson()["message"], Is.EqualTo("Version 1.2.0\n"));
            Assert.That((string?)SentJson()["target"]!["hash"], Is.EqualTo("1e6d6b4ad8b8e5b8d5f1c3a2b1e0f9a8b7c6d5e4"));
        });
        AssertIsReleaseTag(tag);
    }

    [Test]
    public async Task GetTagAsync_EscapesTheName_AndReadsTag()
    {
        Answer(200, TagJson);

        var tag = await Refs.GetTagAsync("acme", "widgets", "release/v1.2.0");

        AssertSent("GET", "/2.0/repositories/acme/widgets/refs/tags/release%2Fv1.2.0");
        AssertIsReleaseTag(tag);
    }

    [Test]
    public async Task DeleteTagAsync_SendsDelete()
    {
        Answer(204);

        await Refs.DeleteTagAsync("acme", "widgets", "v1.2.0");

        AssertSent("DELETE", "/2.0/repositories/acme/widgets/refs/tags/v1.2.0");
    }
}
