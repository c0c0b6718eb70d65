using System.Net;
using Bitbucket;
using Bitbucket.Models;
using Bitbucket.Tests.Infrastructure;

namespace Bitbucket.Tests.Api;

public sealed class DeploymentsApiTests : ApiTestBase
{
    private const string PublicKey = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDAK/b1cHHDr/TEV1JGQl+WjCwStKG6Bhrv0rFpEsYlyTBm1fzN0VOJJYn4ZOPCPJwqse6fGbXntEs+BbXiptR";

    private const string DeployKeyJson = $$$"""
        {
          "id": 123,
          "key": "{{{PublicKey}}}",
          "label": "mydeploykey",
          "type": "deploy_key",
          "created_on": "2018-08-15T23:50:59.993890+00:00",
          "repository": {"full_name": "mleu/test", "name": "test", "type": "repository", "uuid": "{85d08b4e-571d-44e9-a507-fa476535aa98}"},
          "links": {"self": {"href": "https://api.bitbucket.org/2.0/repositories/mleu/test/deploy-keys/123"}},
          "last_used": null,
          "comment": "mleu@C02W454JHTD8"
        }
        """;

    private const string ProjectDeployKeyJson = $$$"""
        {
          "comment": "mleu@C02W454JHTD8",
          "last_used": "2021-08-11T09:00:00.000000+00:00",
          "links": {"self": {"href": "https://api.bitbucket.org/2.0/workspaces/standard/projects/TEST_PROJECT/deploy-keys/5/"}},
          "label": "myprojectkey",
          "project": {"links": {"self": {"href": "https://api.bitbucket.org/2.0/workspaces/standard/projects/TEST_PROJECT"}}, "type": "project", "name": "cooperative standard", "key": "TEST_PROJECT", "uuid": "{3b3e510b-7f2b-414d-a2b7-76c4e405c1c0}"},
          "created_on": "2021-08-10T05:28:00.570859+00:00",
          "key": "{{{PublicKey}}}",
          "type": "project_deploy_key",
          "id": 5,
          "created_by": {"type": "user", "display_name": "Ann Lee", "uuid": "{a1}"}
        }
        """;

    private const string EnvironmentJson = """
        {
          "type": "deployment_environment",
          "uuid": "{4f6c2d3e-1a2b-4c5d-8e9f-0a1b2c3d4e5f}",
          "name": "Staging EU",
          "slug": "staging-eu",
          "rank": 1,
          "hidden": false,
          "deployment_gate_enabled": false,
          "environment_lock_enabled": true,
          "environment_type": {"type": "deployment_environment_type", "name": "Staging", "rank": 1},
          "lock": {"type": "deployment_environment_lock_open", "name": "OPEN"},
          "restrictions": {"type": "deployment_restrictions_configuration", "admin_only": false}
        }
        """;

    private const string DeploymentJson = """
        {
          "type": "deployment",
          "uuid": "{9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d}",
          "state": {
            "type": "deployment_state_completed",
            "name": "COMPLETED",
            "url": "https://bitbucket.org/mleu/test/addon/pipelines/home#!/results/42",
            "deployer": {"type": "user", "display_name": "Ann Lee", "uuid": "{a1}"},
            "start_date": "2024-05-01T10:00:00.000Z",
            "completion_date": "2024-05-01T10:03:30.000Z",
            "status": {"type": "deployment_state_completed_status_successful", "name": "SUCCESSFUL"}
          },
          "environment": {"type": "deployment_environment", "uuid": "{4f6c2d3e-1a2b-4c5d-8e9f-0a1b2c3d4e5f}"},
          "release": {
            "type": "deployment_release",
            "uuid": "{1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e}",
            "name": "#42",
            "url": "https://bitbucket.org/mleu/test/addon/pipelines/home#!/results/42",
            "commit": {"type": "commit", "hash": "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0"},
            "created_on": "2024-05-01T09:58:00.000Z"
          }
        }
        """;

    private IDeploymentsApi Deployments => Api<IDeploymentsApi>();

    private static void AssertDeployKey(DeployKey key)
    {
        Assert.Multiple(() =>
        {
            Assert.That(key.Type, Is.EqualTo("deploy_key"));
            Assert.That(key.Id, Is.EqualTo(123));
            Assert.That(key.Key, Is.EqualTo(PublicKey));
            Assert.That(key.Label, Is.EqualTo("mydeploykey"));
            Assert.That(key.Comment, Is.EqualTo("mleu@C02W454JHTD8"));
            Assert.That(key.LastUsed, Is.Null);
            Assert.That(key.CreatedOn, Is.EqualTo(new DateTimeOffset(2018, 8, 15, 23, 50, 59, 993, TimeSpan.Zero).AddTicks(8900)));
            Assert.That(key.Repository!.FullName, Is.EqualTo("mleu/test"));
            Assert.That(key.Links!.Self!.Href, Is.EqualTo("https://api.bitbucket.org/2.0/repositories/mleu/test/deploy-keys/123"));
        });
    }

    private static void AssertProjectDeployKey(ProjectDeployKey key)
    {
        Assert.Multiple(() =>
        {
            Assert.That(key.Type, Is.EqualTo("project_deploy_key"));
            Assert.That(key.Id, Is.EqualTo(5));
            Assert.That(key.Key, Is.EqualTo(PublicKey));
            Assert.That(key.Label, Is.EqualTo("myprojectkey"));
            Assert.That(key.LastUsed, Is.EqualTo(new DateTimeOffset(2021, 8, 11, 9, 0, 0, TimeSpan.Zero)));
            Assert.That(key.Project!.Key, Is.EqualTo("TEST_PROJECT"));
            Assert.That(key.CreatedBy!.DisplayName, Is.EqualTo("Ann Lee"));
            Assert.That(key.CreatedOn!.Value.Year, Is.EqualTo(2021));
        });
    }

    private static void AssertEnvironment(DeploymentEnvironment environment)
    {
        Assert.Multiple(() =>
        {
            Assert.That(environment.Type, Is.EqualTo("deployment_environment"));
            Assert.That(environment.Uuid, Is.EqualTo("{4f6c2d3e-1a2b-4c5d-8e9f-0a1b2c3d4e5f}"));
            Assert.That(environment.Name, Is.EqualTo("Staging EU"));
            Assert.That(environment.Slug, Is.EqualTo("staging-eu"));
            Assert.That(environment.Rank, Is.EqualTo(1));
            Assert.That(environment.Hidden, Is.False);
            Assert.That(environment.EnvironmentLockEnabled, Is.True);
            Assert.That(environment.EnvironmentType!.Name, Is.EqualTo(DeploymentEnvironmentTypeName.Staging));
            Assert.That(environment.EnvironmentType.Rank, Is.EqualTo(1));
            Assert.That(environment.AdditionalProperties!.Keys, Is.EquivalentTo(new[] { "lock", "restrictions" }));
        });
    }

    private static void AssertDeployment(Deployment deployment)
    {
        Assert.Multiple(() =>
        {
            Assert.That(deployment.Type, Is.EqualTo("deployment"));
            Assert.That(deployment.Uuid, Is.EqualTo("{9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d}"));
            Assert.That(deployment.State!.Type, Is.EqualTo("deployment_state_completed"));
            Assert.That(deployment.State.Name, Is.EqualTo(DeploymentStateName.Completed));
            Assert.That(deployment.State.Status!.Name, Is.EqualTo(DeploymentStateCompletedStatusName.Successful));
            Assert.That(deployment.State.Deployer!.DisplayName, Is.EqualTo("Ann Lee"));
            Assert.That(deployment.State.CompletionDate - deployment.State.StartDate, Is.EqualTo(TimeSpan.FromSeconds(210)));
            Assert.That(deployment.Environment!.Uuid, Is.EqualTo("{4f6c2d3e-1a2b-4c5d-8e9f-0a1b2c3d4e5f}"));
            Assert.That(deployment.Release!.Name, Is.EqualTo("#42"));
            Assert.That(deployment.Release.Commit!.Hash, Is.EqualTo("a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0"));
        });
    }

    // --- Repository deploy keys -------------------------------------------------------------------------------

    [Test]
    public async Task ListDeployKeys_SendsOptions_AndReadsKeys()
    {
        Answer(200, PageOf(DeployKeyJson));

        var keys = await FirstPageAsync(Deployments.ListDeployKeys("mleu", "test", new ListOptions { PageLength = 100 }));

        AssertSent("GET", "/2.0/repositories/mleu/test/deploy-keys?pagelen=100");
        AssertDeployKey(keys.Single());
    }

    [Test]
    public async Task CreateDeployKey_PostsKeyAndLabel()
    {
        Answer(200, DeployKeyJson);

        var key = await Deployments.CreateDeployKeyAsync("mleu", "test", new DeployKey { Key = PublicKey + " mleu@C02W454JHTD8", Label = "mydeploykey" });

        AssertSent("POST", "/2.0/repositories/mleu/test/deploy-keys");
        var body = SentJson(declaredJson: true).AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(body.Select(p => p.Key), Is.EquivalentTo(new[] { "key", "label" }));
            Assert.That(body["key"]!.GetValue<string>(), Is.EqualTo(PublicKey + " mleu@C02W454JHTD8"));
            Assert.That(body["label"]!.GetValue<string>(), Is.EqualTo("mydeploykey"));
        });
        AssertDeployKey(key);
    }

    [Test]
    public async Task GetDeployKey_ReadsTheKey()
    {
        Answer(200, DeployKeyJson);

        var key = await Deployments.GetDeployKeyAsync("mleu", "test", 123);

        AssertSent("GET", "/2.0/repositories/mleu/test/deploy-keys/123");
        AssertDeployKey(key);
    }

    [Test]
    public async Task GetDeployKey_EscapesSlashesAndSpaces_AsOneSegment()
    {
        Answer(200, DeployKeyJson);

        await Deployments.GetDeployKeyAsync("my team", "test/repo", 123);

        AssertSent("GET", "/2.0/repositories/my%20team/test%2Frepo/deploy-keys/123");
    }

    [Test]
    public async Task UpdateDeployKey_PutsKeyAndNewLabel()
    {
        Answer(200, DeployKeyJson);

        var key = await Deployments.UpdateDeployKeyAsync("mleu", "test", 123, new DeployKey { Type = "deploy_key", Key = PublicKey + " newcomment", Label = "newlabel" });

        AssertSent("PUT", "/2.0/repositories/mleu/test/deploy-keys/123");
        var body = SentJson(declaredJson: true).AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(body["type"]!.GetValue<string>(), Is.EqualTo("deploy_key"));
            Assert.That(body["key"]!.GetValue<string>(), Does.EndWith(" newcomment"));
            Assert.That(body["label"]!.GetValue<string>(), Is.EqualTo("newlabel"));
        });
        AssertDeployKey(key);
    }

    private static IEnumerable<TestCaseData> Deletions()
    {
        yield return new TestCaseData((Func<IDeploymentsApi, Task>)(d => d.DeleteDeployKeyAsync("mleu", "test", 123)), "/2.0/repositories/mleu/test/deploy-keys/123").SetName("DeleteDeployKey");
        yield return new TestCaseData((Func<IDeploymentsApi, Task>)(d => d.DeleteEnvironmentAsync("mleu", "test", "{4f6c2d3e-1a2b-4c5d-8e9f-0a1b2c3d4e5f}")), "/2.0/repositories/mleu/test/environments/%7B4f6c2d3e-1a2b-4c5d-8e9f-0a1b2c3d4e5f%7D").SetName("DeleteEnvironment");
        yield return new TestCaseData((Func<IDeploymentsApi, Task>)(d => d.DeleteProjectDeployKeyAsync("standard", "TEST_PROJECT", 5)), "/2.0/workspaces/standard/projects/TEST_PROJECT/deploy-keys/5").SetName("DeleteProjectDeployKey");
    }

    [TestCaseSource(nameof(Deletions))]
    public async Task Delete_SendsDelete_AndAcceptsNoContent(Func<IDeploymentsApi, Task> call, string rawTarget)
    {
        Answer(204);

        await call(Deployments);

        AssertSent("DELETE", rawTarget);
    }

    // --- Deployments ------------------------------------------------------------------------------------------

    [Test]
    public async Task List_ReadsDeploymentsWithFlattenedStates()
    {
        Answer(200, PageOf(DeploymentJson));

        var deployments = await FirstPageAsync(Deployments.List("mleu", "test", new ListOptions { Sort = "-state.started_on" }));

        AssertSent("GET", "/2.0/repositories/mleu/test/deployments?sort=-state.started_on");
        AssertDeployment(deployments.Single());
    }

    [Test]
    public async Task Get_ReadsTheDeployment()
    {
        Answer(200, DeploymentJson);

        var deployment = await Deployments.GetAsync("mleu", "test", "{9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d}");

        AssertSent("GET", "/2.0/repositories/mleu/test/deployments/%7B9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d%7D");
        AssertDeployment(deployment);
    }

    [Test]
    public async Task Get_ReadsAnInProgressState()
    {
        Answer(200, """{"type":"deployment","uuid":"{d}","state":{"type":"deployment_state_in_progress","name":"IN_PROGRESS","start_date":"2024-05-01T10:00:00Z"}}""");

        var deployment = await Deployments.GetAsync("mleu", "test", "{d}");

        Assert.Multiple(() =>
        {
            Assert.That(deployment.State!.Name, Is.EqualTo(DeploymentStateName.InProgress));
            Assert.That(deployment.State.Status, Is.Null);
            Assert.That(deployment.State.CompletionDate, Is.Null);
        });
    }

    // --- Environments -----------------------------------------------------------------------------------------

    [Test]
    public async Task ListEnvironments_ReadsEnvironments()
    {
        Answer(200, PageOf(EnvironmentJson));

        var environments = await FirstPageAsync(Deployments.ListEnvironments("mleu", "test"));

        AssertSent("GET", "/2.0/repositories/mleu/test/environments");
        AssertEnvironment(environments.Single());
    }

    [Test]
    public async Task CreateEnvironment_PostsNameAndType()
    {
        Answer(201, EnvironmentJson);

        var environment = await Deployments.CreateEnvironmentAsync("mleu", "test", new DeploymentEnvironment
        {
            Type = "deployment_environment",
            Name = "Staging EU",
            EnvironmentType = new DeploymentEnvironmentType { Type = "deployment_environment_type", Name = DeploymentEnvironmentTypeName.Staging },
        });

        AssertSent("POST", "/2.0/repositories/mleu/test/environments");
        var body = SentJson(declaredJson: true).AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(body.Select(p => p.Key), Is.EquivalentTo(new[] { "type", "name", "environment_type" }));
            Assert.That(body["type"]!.GetValue<string>(), Is.EqualTo("deployment_environment"));
            Assert.That(body["name"]!.GetValue<string>(), Is.EqualTo("Staging EU"));
            Assert.That(body["environment_type"]!["type"]!.GetValue<string>(), Is.EqualTo("deployment_environment_type"));
            Assert.That(body["environment_type"]!["name"]!.GetValue<string>(), Is.EqualTo("Staging"));
        });
        AssertEnvironment(environment);
    }

    [Test]
    public void CreateEnvironment_WithATakenName_RaisesConflict()
    {
        Answer(409, """{"type":"error","error":{"message":"An environment with this name already exists."}}""");

        var ex = Assert.ThrowsAsync<BitbucketConflictException>(() => Deployments.CreateEnvironmentAsync("mleu", "test", new DeploymentEnvironment { Name = "Production" }));

        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task GetEnvironment_ReadsTheEnvironment()
    {
        Answer(200, EnvironmentJson);

        var environment = await Deployments.GetEnvironmentAsync("mleu", "test", "{4f6c2d3e-1a2b-4c5d-8e9f-0a1b2c3d4e5f}");

        AssertSent("GET", "/2.0/repositories/mleu/test/environments/%7B4f6c2d3e-1a2b-4c5d-8e9f-0a1b2c3d4e5f%7D");
        AssertEnvironment(environment);
    }

    [Test]
    public async Task UpdateEnvironment_PostsTheChange_AndAcceptsAccepted()
    {
        Answer(202);

        await Deployments.UpdateEnvironmentAsync("mleu", "test", "{4f6c2d3e-1a2b-4c5d-8e9f-0a1b2c3d4e5f}", new DeploymentEnvironmentUpdate
        {
            Change = new DeploymentEnvironment { Name = "Staging US" },
        });

        AssertSent("POST", "/2.0/repositories/mleu/test/environments/%7B4f6c2d3e-1a2b-4c5d-8e9f-0a1b2c3d4e5f%7D/changes");
        var body = SentJson(declaredJson: true).AsObject();
        Assert.That(body.ToJsonString(), Is.EqualTo("""{"change":{"name":"Staging US"}}"""));
    }

    // --- Project deploy keys ----------------------------------------------------------------------------------

    [Test]
    public async Task ListProjectDeployKeys_ReadsKeys()
    {
        Answer(200, PageOf(ProjectDeployKeyJson));

        var keys = await FirstPageAsync(Deployments.ListProjectDeployKeys("standard", "TEST_PROJECT", new ListOptions { Query = "label=\"myprojectkey\"" }));

        AssertSent("GET", "/2.0/workspaces/standard/projects/TEST_PROJECT/deploy-keys?q=label%3D%22myprojectkey%22");
        AssertProjectDeployKey(keys.Single());
    }

    [Test]
    public async Task CreateProjectDeployKey_PostsKeyAndLabel()
    {
        Answer(200, ProjectDeployKeyJson);

        var key = await Deployments.CreateProjectDeployKeyAsync("standard", "TEST_PROJECT", new ProjectDeployKey { Key = PublicKey, Label = "myprojectkey" });

        AssertSent("POST", "/2.0/workspaces/standard/projects/TEST_PROJECT/deploy-keys");
        var body = SentJson(declaredJson: true).AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(body.Select(p => p.Key), Is.EquivalentTo(new[] { "key", "label" }));
            Assert.That(body["key"]!.GetValue<string>(), Is.EqualTo(PublicKey));
            Assert.That(body["label"]!.GetValue<string>(), Is.EqualTo("myprojectkey"));
        });
        AssertProjectDeployKey(key);
    }

    [Test]
    public async Task GetProjectDeployKey_ReadsTheKey()
    {
        Answer(200, ProjectDeployKeyJson);

        var key = await Deployments.GetProjectDeployKeyAsync("standard", "TEST_PROJECT", 5);

        AssertSent("GET", "/2.0/workspaces/standard/projects/TEST_PROJECT/deploy-keys/5");
        AssertProjectDeployKey(key);
    }
}
