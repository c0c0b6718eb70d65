using Bitbucket.Models;

namespace Bitbucket.Tests.Conformance;

[Category("Conformance")]
public sealed class BranchingModelConformanceTests
{
    private const string Ws = RepositoryAreaConformance.Workspace;
    private const string Repo = RepositoryAreaConformance.RepoSlug;

    private static BranchingModelSettings NewSettings() => new()
    {
        Type = "branching_model_settings",
        Development = new BranchingModelSettingsDevelopment { UseMainBranch = true },
        Production = new BranchingModelSettingsProduction { Name = "production", UseMainBranch = false, Enabled = true },
        BranchTypes = [new BranchingModelSettingsBranchType { Kind = BranchTypeKind.Bugfix, Enabled = false, Prefix = "bugfix/" }],
        DefaultBranchDeletion = true,
    };

    /// <summary>The spec's example answer to an update: it has no <c>type</c>, and the boolean is a string.</summary>
    private static void AssertIsUpdateExample(BranchingModelSettings settings, bool defaultBranchDeletion) =>
        Assert.Multiple(() =>
        {
            Assert.That(settings.Production!.Name, Is.EqualTo("production"));
            Assert.That(settings.DefaultBranchDeletion, Is.EqualTo(defaultBranchDeletion));
            Assert.That(settings.BranchTypes, Is.Not.Empty);
        });

    [Test]
    public async Task Get()
    {
        var prism = await PrismServer.GetAsync();

        var model = await prism.CallAsync(c => c.BranchingModel.GetAsync(Ws, Repo));

        Assert.Multiple(() =>
        {
            Assert.That(model.Type, Is.EqualTo("branching_model"));
            Assert.That(model.Links!.Self!.Href, Is.Not.Null, "the example's links are read");
            Assert.That(model.Development!.Branch!.Name, Is.Not.Null);
        });
    }

    [Test]
    public async Task GetSettings()
    {
        var prism = await PrismServer.GetAsync();

        var settings = await prism.CallAsync(c => c.BranchingModel.GetSettingsAsync(Ws, Repo));

        Assert.That(settings.Type, Is.Not.Null);
    }

    [Test]
    public async Task UpdateSettings()
    {
        var prism = await PrismServer.GetAsync();

        var settings = await prism.CallAsync(c => c.BranchingModel.UpdateSettingsAsync(Ws, Repo, NewSettings()));

        AssertIsUpdateExample(settings, defaultBranchDeletion: true);
    }

    [Test]
    public async Task GetEffective()
    {
        var prism = await PrismServer.GetAsync();

        var model = await prism.CallAsync(c => c.BranchingModel.GetEffectiveAsync(Ws, Repo));

        Assert.That(model.Type, Is.Not.Null);
    }

    [Test]
    public async Task GetForProject()
    {
        var prism = await PrismServer.GetAsync();

        var model = await prism.CallAsync(c => c.BranchingModel.GetForProjectAsync(Ws, "WID"));

        Assert.Multiple(() =>
        {
            Assert.That(model.Type, Is.EqualTo("project_branching_model"));
            Assert.That(model.Links!.Self!.Href, Is.Not.Null, "the example's links are read");
        });
    }

    [Test]
    public async Task GetProjectSettings()
    {
        var prism = await PrismServer.GetAsync();

        var settings = await prism.CallAsync(c => c.BranchingModel.GetProjectSettingsAsync(Ws, "WID"));

        Assert.That(settings.Type, Is.Not.Null);
    }

    [Test]
    public async Task UpdateProjectSettings()
    {
        var prism = await PrismServer.GetAsync();

        var settings = await prism.CallAsync(c => c.BranchingModel.UpdateProjectSettingsAsync(Ws, "WID", NewSettings()));

        AssertIsUpdateExample(settings, defaultBranchDeletion: false);
    }
}
