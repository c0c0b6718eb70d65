using Bitbucket.Models;
using Bitbucket;

namespace Bitbucket.Tests.Conformance;

[Category("Conformance")]
public sealed class RefsConformanceTests
{
    private const string Ws = RepositoryAreaConformance.Workspace;
    private const string Repo = RepositoryAreaConformance.RepoSlug;

    [Test]
    public async Task List()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => RepositoryAreaConformance.FirstPageAsync(c.Refs.List(Ws, Repo, new ListOptions { Query = "name ~ \"1.\"", Sort = "-target.date" })));

        Assert.That(page.Values, Is.Not.Empty);
    }

    [Test]
    public async Task ListBranches()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => RepositoryAreaConformance.FirstPageAsync(c.Refs.ListBranches(Ws, Repo, new ListOptions { PageLength = 100 })));

        Assert.That(page.Values, Is.Not.Empty);
    }

    [Test]
    public async Task CreateBranch()
    {
        var prism = await PrismServer.GetAsync();

        var branch = await prism.CallAsync(c => c.Refs.CreateBranchAsync(Ws, Repo, new Branch { Type = "branch", Name = "feature/a b", Target = new Commit { Type = "commit", Hash = RepositoryAreaConformance.Hash } }));

        Assert.That(branch.Type, Is.Not.Null);
    }

    [Test]
    public async Task GetBranch()
    {
        var prism = await PrismServer.GetAsync();

        var branch = await prism.CallAsync(c => c.Refs.GetBranchAsync(Ws, Repo, "feature/a b"));

        Assert.That(branch.Type, Is.Not.Null);
    }

    [Test]
    public async Task DeleteBranch()
    {
        var prism = await PrismServer.GetAsync();

        await prism.CallAsync(c => c.Refs.DeleteBranchAsync(Ws, Repo, "feature/a b"));
    }

    [Test]
    public async Task ListTags()
    {
        var prism = await PrismServer.GetAsync();

        var page = await prism.CallAsync(c => RepositoryAreaConformance.FirstPageAsync(c.Refs.ListTags(Ws, Repo)));

        Assert.That(page.Values, Is.Not.Empty);
    }

    [Test]
    public async Task CreateTag()
    {
        var prism = await PrismServer.GetAsync();

        var tag = await prism.CallAsync(c => c.Refs.CreateTagAsync(Ws, Repo, new Tag { Type = "tag", Name = "v1.2.0", Message = "Version 1.2.0", Target = new Commit { Type = "commit", Hash = RepositoryAreaConformance.Hash } }));

        Assert.That(tag.Type, Is.Not.Null);
    }

    [Test]
    public async Task GetTag()
    {
        var prism = await PrismServer.GetAsync();

        var tag = await prism.CallAsync(c => c.Refs.GetTagAsync(Ws, Repo, "v1.2.0"));

        Assert.That(tag.Type, Is.Not.Null);
    }

    [Test]
    public async Task DeleteTag()
    {
        var prism = await PrismServer.GetAsync();

        await prism.CallAsync(c => c.Refs.DeleteTagAsync(Ws, Repo, "v1.2.0"));
    }
}
