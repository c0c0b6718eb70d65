using Bitbucket.Models;
using Bitbucket;
using Refit;

namespace Bitbucket.Tests.Conformance;

/// <summary>Every Deployments operation through the real pipeline against Prism validating the OpenAPI description.</summary>
[Category("Conformance")]
public sealed class DeploymentsConformanceTests
{
    private const string Workspace = "mleu";
    private const string Repo = "test";
    private const string Project = "TEST_PROJECT";
    private const string EnvironmentUuid = "{4f6c2d3e-1a2b-4c5d-8e9f-0a1b2c3d4e5f}";
    private const string PublicKey = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDAK/b1cHHDr/TEV1JGQl+WjCwStKG6Bhrv0rFpEsYlyTBm1fzN0VOJJYn4ZOPCPJwqse6fGbXntEs mleu@C02W454JHTD8";

    private static async Task<Page<T>> FirstPageAsync<T>(BitbucketPageable<T> pages)
    {
        await foreach (var page in pages.AsPages())
        {
            return page;
        }

        throw new AssertionException("no page");
    }

    [Test]
    public async Task ListDeployKeys()
    {
        var prism = await PrismServer.GetAsync();
        var page = await prism.CallAsync(c => FirstPageAsync(c.Deployments.ListDeployKeys(Workspace, Repo)));
        Assert.That(page.Values.Single().Id, Is.EqualTo(123));
    }

    [Test]
    public async Task CreateDeployKey()
    {
        var prism = await PrismServer.GetAsync();
        var key = await prism.CallAsync(c => c.Deployments.CreateDeployKeyAsync(Workspace, Repo, new DeployKey { Type = "deploy_key", Key = PublicKey, Label = "mydeploykey" }));
        Assert.That(key.Type, Is.EqualTo("deploy_key"));
    }

    [Test]
    public async Task DeleteDeployKey()
    {
        var prism = await PrismServer.GetAsync();
        await prism.CallAsync(c => c.Deployments.DeleteDeployKeyAsync(Workspace, Repo, 123));
    }

    [Test]
    public async Task GetDeployKey()
    {
        var prism = await PrismServer.GetAsync();
        var key = await prism.CallAsync(c => c.Deployments.GetDeployKeyAsync(Workspace, Repo, 1234));
        Assert.That(key.Id, Is.EqualTo(1234));
    }

    [Test]
    public async Task UpdateDeployKey()
    {
        var prism = await PrismServer.GetAsync();
        var key = await prism.CallAsync(c => c.Deployments.UpdateDeployKeyAsync(Workspace, Repo, 1234, new DeployKey { Type = "deploy_key", Key = PublicKey, Label = "newlabel" }));
        Assert.That(key.Label, Is.Not.Null);
    }

    [Test]
    public async Task List()
    {
        var prism = await PrismServer.GetAsync();
        var page = await prism.CallAsync(c => FirstPageAsync(c.Deployments.List(Workspace, Repo)));
        Assert.That(page.Values, Is.Not.Null);
    }

    [Test]
    public async Task Get()
    {
        var prism = await PrismServer.GetAsync();
        var deployment = await prism.CallAsync(c => c.Deployments.GetAsync(Workspace, Repo, "{9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d}"));
        Assert.That(deployment.Type, Is.Not.Null);
    }

    [Test]
    public async Task ListEnvironments()
    {
        var prism = await PrismServer.GetAsync();
        var page = await prism.CallAsync(c => FirstPageAsync(c.Deployments.ListEnvironments(Workspace, Repo)));
        Assert.That(page.Values, Is.Not.Null);
    }

    [Test]
    public async Task CreateEnvironment()
    {
        var prism = await PrismServer.GetAsync();
        var environment = await prism.CallAsync(c => c.Deployments.CreateEnvironmentAsync(Workspace, Repo, new DeploymentEnvironment
        {
            Type = "deployment_environment",
            Name = "Staging EU",
            EnvironmentType = new DeploymentEnvironmentType { Type = "deployment_environment_type", Name = DeploymentEnvironmentTypeName.Staging },
        }));
        Assert.That(environment.Type, Is.Not.Null);
    }

    [Test]
    public async Task GetEnvironment()
    {
        var prism = await PrismServer.GetAsync();
        var environment = await prism.CallAsync(c => c.Deployments.GetEnvironmentAsync(Workspace, Repo, EnvironmentUuid));
        Assert.That(environment.Type, Is.Not.Null);
    }

    [Test]
    public async Task DeleteEnvironment()
    {
        var prism = await PrismServer.GetAsync();
        await prism.CallAsync(c => c.Deployments.DeleteEnvironmentAsync(Workspace, Repo, EnvironmentUuid));
    }

    [Test]
    public async Task UpdateEnvironment()
    {
        var prism = await PrismServer.GetAsync();
        await prism.CallAsync(c => c.Deployments.UpdateEnvironmentAsync(Workspace, Repo, EnvironmentUuid, new DeploymentEnvironmentUpdate
        {
            Change = new DeploymentEnvironment { Name = "Staging US" },
        }));
    }

    [Test]
    public async Task ListProjectDeployKeys()
    {
        var prism = await PrismServer.GetAsync();
        var page = await prism.CallAsync(c => FirstPageAsync(c.Deployments.ListProjectDeployKeys(Workspace, Project)));
        Assert.That(page.Values.Single().Id, Is.EqualTo(1234));
    }

    [Test]
    public async Task CreateProjectDeployKey()
    {
        var prism = await PrismServer.GetAsync();
        var key = await prism.CallAsync(c => c.Deployments.CreateProjectDeployKeyAsync(Workspace, Project, new ProjectDeployKey { Type = "project_deploy_key", Key = PublicKey, Label = "myprojectkey" }));
        Assert.That(key.Id, Is.EqualTo(5));
    }

    [Test]
    public async Task DeleteProjectDeployKey()
    {
        var prism = await PrismServer.GetAsync();
        await prism.CallAsync(c => c.Deployments.DeleteProjectDeployKeyAsync(Workspace, Project, 5));
    }

    [Test]
    public async Task GetProjectDeployKey()
    {
        var prism = await PrismServer.GetAsync();
        var key = await prism.CallAsync(c => c.Deployments.GetProjectDeployKeyAsync(Workspace, Project, 1234));

        // The spec's example for this operation is a whole page of keys, not one key: Prism replays it, so the known
        // fields stay empty and the page's fields land in the extension data.
        Assert.That(key.AdditionalProperties!.Keys, Does.Contain("values"));
    }
}
