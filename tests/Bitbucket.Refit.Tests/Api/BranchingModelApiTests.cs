using Bitbucket;
using Bitbucket.Models;

namespace Bitbucket.Tests.Api;

public sealed class BranchingModelApiTests : RepositoryAreaApiFixture
{
    private const string ModelJson = """
        {
          "type": "branching_model",
          "branch_types": [{"kind": "release", "prefix": "release/"}, {"kind": "hotfix", "prefix": "hotfix/"}],
          "development": {"name": "develop", "use_mainbranch": false, "branch": {"type": "branch", "name": "develop", "target": {"type": "commit", "hash": "16dffcb0de1b22e249db6799532074cf32efe80f"}}},
          "production": {"name": "main", "use_mainbranch": true, "branch": {"type": "branch", "name": "main", "target": {"type": "commit", "hash": "8d2aee6c2fe74e4d2eed87e8b2b4cd1c2e4af7d9"}}},
          "links": {"self": {"href": "https://api.bitbucket.org/2.0/repositories/acme/widgets/branching-model"}}
        }
        """;

    private const string SettingsJson = """
        {
          "type": "branching_model_settings",
          "development": {"is_valid": true, "name": null, "use_mainbranch": true},
          "production": {"is_valid": true, "name": "production", "use_mainbranch": false, "enabled": true},
          "branch_types": [
            {"kind": "release", "enabled": true, "prefix": "release/"},
            {"kind": "hotfix", "enabled": true, "prefix": "hotfix/"},
            {"kind": "feature", "enabled": true, "prefix": "feature/"},
            {"kind": "bugfix", "enabled": false, "prefix": "bugfix/"}
          ],
          "links": {"self": {"href": "https://api.bitbucket.org/2.0/repositories/acme/widgets/branching-model/settings"}},
          "default_branch_deletion": "false"
        }
        """;

    private IBranchingModelApi BranchingModels => Api<IBranchingModelApi>();

    private static void AssertIsSettings(BranchingModelSettings? settings)
    {
        Assert.That(settings, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(settings!.Type, Is.EqualTo("branching_model_settings"));
            Assert.That(settings.Development!.UseMainBranch, Is.True);
            Assert.That(settings.Development.IsValid, Is.True);
            Assert.That(settings.Development.Name, Is.Null);
            Assert.That(settings.Production!.Name, Is.EqualTo("production"));
            Assert.That(settings.Production.Enabled, Is.True);
            Assert.That(settings.BranchTypes!.Select(t => (t.Kind, t.Enabled, t.Prefix)), Is.EqualTo(new[]
            {
                (BranchTypeKind.Release, (bool?)true, "release/"),
                (BranchTypeKind.Hotfix, true, "hotfix/"),
                (BranchTypeKind.Feature, true, "feature/"),
                (BranchTypeKind.Bugfix, false, "bugfix/"),
            }));
            Assert.That(settings.DefaultBranchDeletion, Is.False, "the string \"false\" is read as a boolean");
            Assert.That(settings.Links!.Self!.Href, Does.EndWith("/branching-model/settings"));
        });
    }

    private static BranchingModelSettings SettingsUpdate() => new()
    {
        Type = "branching_model_settings",
        Development = new BranchingModelSettingsDevelopment { UseMainBranch = true },
        Production = new BranchingModelSettingsProduction { Name = "production", UseMainBranch = false, Enabled = true },
        BranchTypes = [new BranchingModelSettingsBranchType { Kind = BranchTypeKind.Bugfix, Enabled = false }],
        DefaultBranchDeletion = true,
    };

    private const string SettingsUpdateJson =
        """{"type":"branching_model_settings","branch_types":[{"enabled":false,"kind":"bugfix"}],"development":{"use_mainbranch":true},"production":{"name":"production","use_mainbranch":false,"enabled":true},"default_branch_deletion":"true"}""";

    [Test]
    public async Task GetAsync_SendsGet_AndReadsTheModel()
    {
        Answer(200, ModelJson);

        var model = await BranchingModels.GetAsync("acme", "widgets");

        AssertSent("GET", "/2.0/repositories/acme/widgets/branching-model");
        Assert.Multiple(() =>
        {
            Assert.That(model.Type, Is.EqualTo("branching_model"));
            Assert.That(model.BranchTypes!.Select(t => t.Prefix), Is.EqualTo(new[] { "release/", "hotfix/" }));
            Assert.That(model.Development!.Branch!.Target!.Hash, Is.EqualTo("16dffcb0de1b22e249db6799532074cf32efe80f"));
            Assert.That(model.Development.UseMainBranch, Is.False);
            Assert.That(model.Production!.Branch!.Name, Is.EqualTo("main"));
            Assert.That(model.Production.UseMainBranch, Is.True);
            Assert.That(model.Links!.Self!.Href, Does.EndWith("/widgets/branching-model"));
        });
    }

    [Test]
    public async Task GetSettingsAsync_SendsGet_AndReadsTheSettings()
    {
        Answer(200, SettingsJson);

        var settings = await BranchingModels.GetSettingsAsync("acme", "widgets");

        AssertSent("GET", "/2.0/repositories/acme/widgets/branching-model/settings");
        AssertIsSettings(settings);
    }

    [Test]
    public async Task UpdateSettingsAsync_PutsOnlyTheGivenProperties_WithDefaultBranchDeletionAsString()
    {
        Answer(200, SettingsJson);

        var settings = await BranchingModels.UpdateSettingsAsync("acme", "widgets", SettingsUpdate());

        AssertSent("PUT", "/2.0/repositories/acme/widgets/branching-model/settings");
        Assert.That(SentJson().ToJsonString(), Is.EqualTo(SettingsUpdateJson));
        AssertIsSettings(settings);
    }

    [Test]
    public async Task GetEffectiveAsync_SendsGet_AndReadsTheModel()
    {
        Answer(200, ModelJson.Replace("\"branching_model\"", "\"effective_repo_branching_model\"", StringComparison.Ordinal));

        var model = await BranchingModels.GetEffectiveAsync("acme", "widgets");

        AssertSent("GET", "/2.0/repositories/acme/widgets/effective-branching-model");
        Assert.Multiple(() =>
        {
            Assert.That(model.Type, Is.EqualTo("effective_repo_branching_model"));
            Assert.That(model.BranchTypes!.Select(t => t.Kind), Is.EqualTo(new[] { BranchTypeKind.Release, BranchTypeKind.Hotfix }));
            Assert.That(model.Development!.Branch!.Name, Is.EqualTo("develop"));
            Assert.That(model.Production!.UseMainBranch, Is.True);
        });
    }

    [Test]
    public async Task GetForProjectAsync_SendsGet_AndReadsTheModel()
    {
        Answer(200, """
            {"type": "project_branching_model",
             "branch_types": [{"kind": "feature", "prefix": "feature/"}],
             "development": {"name": "develop", "use_mainbranch": false},
             "production": {"name": "main", "use_mainbranch": true},
             "links": {"self": {"href": "https://api.bitbucket.org/2.0/workspaces/acme/projects/WID/branching-model"}}}
            """);

        var model = await BranchingModels.GetForProjectAsync("acme", "WID");

        AssertSent("GET", "/2.0/workspaces/acme/projects/WID/branching-model");
        Assert.Multiple(() =>
        {
            Assert.That(model.Type, Is.EqualTo("project_branching_model"));
            Assert.That(model.BranchTypes!.Single().Kind, Is.EqualTo(BranchTypeKind.Feature));
            Assert.That(model.Development!.Name, Is.EqualTo("develop"));
            Assert.That(model.Production!.UseMainBranch, Is.True);
            Assert.That(model.Links!.Self!.Href, Does.EndWith("/projects/WID/branching-model"));
        });
    }

    [Test]
    public async Task GetProjectSettingsAsync_SendsGet_AndReadsTheSettings()
    {
        Answer(200, SettingsJson);

        var settings = await BranchingModels.GetProjectSettingsAsync("acme", "WID");

        AssertSent("GET", "/2.0/workspaces/acme/projects/WID/branching-model/settings");
        AssertIsSettings(settings);
    }

    [Test]
    public async Task UpdateProjectSettingsAsync_PutsTheSettings_AndEscapesTheWorkspaceUuid()
    {
        Answer(200, SettingsJson);

        var settings = await BranchingModels.UpdateProjectSettingsAsync("{0c1f7d11-6f0a-4a2b-9d3c-1f2e3d4c5b6a}", "WID", SettingsUpdate());

        AssertSent("PUT", "/2.0/workspaces/%7B0c1f7d11-6f0a-4a2b-9d3c-1f2e3d4c5b6a%7D/projects/WID/branching-model/settings");
        Assert.That(SentJson().ToJsonString(), Is.EqualTo(SettingsUpdateJson));
        AssertIsSettings(settings);
    }
}
