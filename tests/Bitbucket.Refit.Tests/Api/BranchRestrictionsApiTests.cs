using Bitbucket;
using Bitbucket.Models;

namespace Bitbucket.Tests.Api;

public sealed class BranchRestrictionsApiTests : RepositoryAreaApiFixture
{
    private const string RestrictionJson = """
        {
          "type": "branchrestriction",
          "links": {"self": {"href": "https://api.bitbucket.org/2.0/repositories/acme/widgets/branch-restrictions/17"}},
          "id": 17,
          "kind": "push",
          "branch_match_kind": "glob",
          "pattern": "release/*",
          "users": [{"type": "user", "display_name": "Ann Smith", "uuid": "{d301aafa-d676-4ee0-88be-962be7417567}"}],
          "groups": [{"type": "group", "name": "Release managers", "slug": "release-managers"}]
        }
        """;

    private IBranchRestrictionsApi Restrictions => Api<IBranchRestrictionsApi>();

    private static void AssertIsPushRule(BranchRestriction? rule)
    {
        Assert.That(rule, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(rule!.Type, Is.EqualTo("branchrestriction"));
            Assert.That(rule.Id, Is.EqualTo(17));
            Assert.That(rule.Kind, Is.EqualTo(BranchRestrictionKind.Push));
            Assert.That(rule.BranchMatchKind, Is.EqualTo(BranchRestrictionBranchMatchKind.Glob));
            Assert.That(rule.Pattern, Is.EqualTo("release/*"));
            Assert.That(rule.Users!.Single().DisplayName, Is.EqualTo("Ann Smith"));
            Assert.That(rule.Groups!.Single().Slug, Is.EqualTo("release-managers"));
            Assert.That(rule.Links!.Self!.Href, Does.EndWith("/branch-restrictions/17"));
        });
    }

    [Test]
    public async Task List_SendsKindPatternAndOptions_AndReadsPage()
    {
        Answer(200, $$"""{"pagelen": 10, "values": [{{RestrictionJson}}]}""");

        var rules = await ToListAsync(Restrictions.List("acme", "widgets", BranchRestrictionKind.Push, "release/*", new ListOptions { PageLength = 20 }));

        AssertSent("GET", "/2.0/repositories/acme/widgets/branch-restrictions?kind=push&pattern=release%2F%2A&pagelen=20");
        AssertIsPushRule(rules.Single());
    }

    [Test]
    public async Task List_WithoutFilters_SendsNoQuery()
    {
        Answer(200, """{"pagelen": 10, "values": []}""");

        var rules = await ToListAsync(Restrictions.List("acme", "my repo"));

        AssertSent("GET", "/2.0/repositories/acme/my%20repo/branch-restrictions");
        Assert.That(rules, Is.Empty);
    }

    [Test]
    public async Task CreateAsync_PostsTheRule_AndReadsIt()
    {
        Answer(201, RestrictionJson);

        var rule = await Restrictions.CreateAsync("acme", "widgets", new BranchRestriction
        {
            Type = "branchrestriction",
            Kind = BranchRestrictionKind.Push,
            BranchMatchKind = BranchRestrictionBranchMatchKind.Glob,
            Pattern = "release/*",
            Users = [new Account { Uuid = "{d301aafa-d676-4ee0-88be-962be7417567}" }],
            Groups = [new Group { Slug = "release-managers" }],
        });

        AssertSent("POST", "/2.0/repositories/acme/widgets/branch-restrictions");
        Assert.That(SentJson().ToJsonString(), Is.EqualTo(
            """{"type":"branchrestriction","kind":"push","branch_match_kind":"glob","pattern":"release/*","users":[{"uuid":"{d301aafa-d676-4ee0-88be-962be7417567}"}],"groups":[{"slug":"release-managers"}]}"""));
        AssertIsPushRule(rule);
    }

    [Test]
    public async Task CreateAsync_SendsBranchingModelRuleWithValue()
    {
        Answer(201, """{"type": "branchrestriction", "id": 18, "kind": "require_approvals_to_merge", "branch_match_kind": "branching_model", "branch_type": "production", "pattern": "", "value": 2, "users": [], "groups": []}""");

        var rule = await Restrictions.CreateAsync("acme", "widgets", new BranchRestriction
        {
            Type = "branchrestriction",
            Kind = BranchRestrictionKind.RequireApprovalsToMerge,
            BranchMatchKind = BranchRestrictionBranchMatchKind.BranchingModel,
            BranchType = BranchRestrictionBranchType.Production,
            Value = 2,
        });

        Assert.Multiple(() =>
        {
            Assert.That((string?)SentJson()["kind"], Is.EqualTo("require_approvals_to_merge"));
            Assert.That((string?)SentJson()["branch_type"], Is.EqualTo("production"));
            Assert.That((int?)SentJson()["value"], Is.EqualTo(2));
            Assert.That(rule.Value, Is.EqualTo(2));
            Assert.That(rule.BranchType, Is.EqualTo(BranchRestrictionBranchType.Production));
            Assert.That(rule.Users, Is.Empty);
        });
    }

    [Test]
    public async Task GetAsync_SendsTheId_AndReadsTheRule()
    {
        Answer(200, RestrictionJson);

        var rule = await Restrictions.GetAsync("acme", "widgets", 17);

        AssertSent("GET", "/2.0/repositories/acme/widgets/branch-restrictions/17");
        AssertIsPushRule(rule);
    }

    [Test]
    public async Task UpdateAsync_PutsTheRule_AndReadsIt()
    {
        Answer(200, RestrictionJson);

        var rule = await Restrictions.UpdateAsync("acme", "widgets", 17, new BranchRestriction { Type = "branchrestriction", Pattern = "release/*" });

        AssertSent("PUT", "/2.0/repositories/acme/widgets/branch-restrictions/17");
        Assert.That(SentJson().ToJsonString(), Is.EqualTo("""{"type":"branchrestriction","pattern":"release/*"}"""));
        AssertIsPushRule(rule);
    }

    [Test]
    public async Task DeleteAsync_SendsDelete()
    {
        Answer(204);

        await Restrictions.DeleteAsync("acme", "widgets", 17);

        AssertSent("DELETE", "/2.0/repositories/acme/widgets/branch-restrictions/17");
    }
}
