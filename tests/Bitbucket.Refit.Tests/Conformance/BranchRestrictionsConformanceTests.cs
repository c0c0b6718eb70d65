using Bitbucket.Models;
using Bitbucket;

namespace Bitbucket.Tests.Conformance;

[Category("Conformance")]
public sealed class BranchRestrictionsConformanceTests
{
    private const string Ws = RepositoryAreaConformance.Workspace;
    private const string Repo = RepositoryAreaConformance.RepoSlug;

    private static BranchRestriction NewRule() => new()
    {
        Type = "branchrestriction",
        Kind = BranchRestrictionKind.Push,
        BranchMatchKind = BranchRestrictionBranchMatchKind.Glob,
        Pattern = "release/*",
        Users = [new Account { Type = "user", Uuid = "{d301aafa-d676-4ee0-88be-962be7417567}" }],
        Groups = [new Group { Type = "group", Slug = "release-managers" }],
    };

    [Test]
    public async Task List()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => RepositoryAreaConformance.FirstPageAsync(c.BranchRestrictions.List(Ws, Repo, BranchRestrictionKind.Push, "release/*", new ListOptions { PageLength = 20 })));

        Assert.That(page.Values, Is.Not.Empty);
    }

    [Test]
    public async Task Create()
    {
        var prism = await PrismServer.GetAsync();

        var rule = await prism.CallAsync(c => c.BranchRestrictions.CreateAsync(Ws, Repo, NewRule()));

        Assert.That(rule.Type, Is.Not.Null);
    }

    [Test]
    public async Task Get()
    {
        var prism = await PrismServer.GetAsync();

        var rule = await prism.CallAsync(c => c.BranchRestrictions.GetAsync(Ws, Repo, 17));

        Assert.That(rule.Type, Is.Not.Null);
    }

    [Test]
    public async Task Update()
    {
        var prism = await PrismServer.GetAsync();

        var rule = await prism.CallAsync(c => c.BranchRestrictions.UpdateAsync(Ws, Repo, 17, NewRule() with { Pattern = "main" }));

        Assert.That(rule.Type, Is.Not.Null);
    }

    [Test]
    public async Task Delete()
    {
        var prism = await PrismServer.GetAsync();

        await prism.CallAsync(c => c.BranchRestrictions.DeleteAsync(Ws, Repo, 17));
    }
}
