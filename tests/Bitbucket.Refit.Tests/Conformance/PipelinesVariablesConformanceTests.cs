using Bitbucket.Models;
using static Bitbucket.Tests.Conformance.PipelinesConformanceTests;

namespace Bitbucket.Tests.Conformance;

/// <summary>
/// The variable operations of <see cref="Api.IPipelinesApi"/> (repository, deployment environment, workspace, and the
/// deprecated team and user ones), sent through the real pipeline to Prism validating against the spec.
/// </summary>
[Category("Conformance")]
public sealed class PipelinesVariablesConformanceTests
{
    private const string Account = "{d301aafa-d676-4ee0-88be-962be7417567}";
    private const string Environment = "{e0e1e2e3-9999-4e5f-8a9b-0c1d2e3f4a5b}";

    private PrismServer _prism = null!;

    [OneTimeSetUp]
    public async Task StartPrism() => _prism = await PrismServer.GetAsync();

    [Test]
    public async Task ListVariables() =>
        Assert.That((await _prism.CallAsync(c => FirstPageAsync(c.Pipelines.ListVariables(Ws, Repo)))).Values, Is.Not.Null);

    [Test]
    public async Task CreateVariableAsync() =>
        Assert.That((await _prism.CallAsync(c => c.Pipelines.CreateVariableAsync(Ws, Repo, Variable()))).Type, Is.Not.Null);

    [Test]
    public async Task GetVariableAsync() =>
        Assert.That((await _prism.CallAsync(c => c.Pipelines.GetVariableAsync(Ws, Repo, "{v1}"))).Type, Is.Not.Null);

    [Test]
    public async Task UpdateVariableAsync() =>
        Assert.That((await _prism.CallAsync(c => c.Pipelines.UpdateVariableAsync(Ws, Repo, "{v1}", Variable()))).Type, Is.Not.Null);

    [Test]
    public async Task DeleteVariableAsync() =>
        await _prism.CallAsync(c => c.Pipelines.DeleteVariableAsync(Ws, Repo, "{v1}"));

    [Test]
    public async Task ListDeploymentVariables() =>
        Assert.That((await _prism.CallAsync(c => FirstPageAsync(c.Pipelines.ListDeploymentVariables(Ws, Repo, Environment)))).Values, Is.Not.Null);

    [Test]
    public async Task CreateDeploymentVariableAsync() =>
        Assert.That((await _prism.CallAsync(c => c.Pipelines.CreateDeploymentVariableAsync(Ws, Repo, Environment, DeploymentVariable()))).Type, Is.Not.Null);

    [Test]
    public async Task UpdateDeploymentVariableAsync() =>
        Assert.That((await _prism.CallAsync(c => c.Pipelines.UpdateDeploymentVariableAsync(Ws, Repo, Environment, "{v1}", DeploymentVariable()))).Type, Is.Not.Null);

    [Test]
    public async Task DeleteDeploymentVariableAsync() =>
        await _prism.CallAsync(c => c.Pipelines.DeleteDeploymentVariableAsync(Ws, Repo, Environment, "{v1}"));

    [Test]
    public async Task ListWorkspaceVariables() =>
        Assert.That((await _prism.CallAsync(c => FirstPageAsync(c.Pipelines.ListWorkspaceVariables(Ws)))).Values, Is.Not.Null);

    [Test]
    public async Task CreateWorkspaceVariableAsync() =>
        Assert.That((await _prism.CallAsync(c => c.Pipelines.CreateWorkspaceVariableAsync(Ws, Variable()))).Type, Is.Not.Null);

    [Test]
    public async Task GetWorkspaceVariableAsync() =>
        Assert.That((await _prism.CallAsync(c => c.Pipelines.GetWorkspaceVariableAsync(Ws, "{v1}"))).Type, Is.Not.Null);

    [Test]
    public async Task UpdateWorkspaceVariableAsync() =>
        Assert.That((await _prism.CallAsync(c => c.Pipelines.UpdateWorkspaceVariableAsync(Ws, "{v1}", Variable()))).Type, Is.Not.Null);

    [Test]
    public async Task DeleteWorkspaceVariableAsync() =>
        await _prism.CallAsync(c => c.Pipelines.DeleteWorkspaceVariableAsync(Ws, "{v1}"));

#pragma warning disable CS0618 // the team and user variables are deprecated, and still checked against the spec
    [Test]
    public async Task ListTeamVariables() =>
        Assert.That((await _prism.CallAsync(c => FirstPageAsync(c.Pipelines.ListTeamVariables(Ws)))).Values, Is.Not.Null);

    [Test]
    public async Task CreateTeamVariableAsync() =>
        Assert.That((await _prism.CallAsync(c => c.Pipelines.CreateTeamVariableAsync(Ws, Variable()))).Type, Is.Not.Null);

    [Test]
    public async Task GetTeamVariableAsync() =>
        Assert.That((await _prism.CallAsync(c => c.Pipelines.GetTeamVariableAsync(Ws, "{v1}"))).Type, Is.Not.Null);

    [Test]
    public async Task UpdateTeamVariableAsync() =>
        Assert.That((await _prism.CallAsync(c => c.Pipelines.UpdateTeamVariableAsync(Ws, "{v1}", Variable()))).Type, Is.Not.Null);

    [Test]
    public async Task DeleteTeamVariableAsync() =>
        await _prism.CallAsync(c => c.Pipelines.DeleteTeamVariableAsync(Ws, "{v1}"));

    [Test]
    public async Task ListUserVariables() =>
        Assert.That((await _prism.CallAsync(c => FirstPageAsync(c.Pipelines.ListUserVariables(Account)))).Values, Is.Not.Null);

    [Test]
    public async Task CreateUserVariableAsync() =>
        Assert.That((await _prism.CallAsync(c => c.Pipelines.CreateUserVariableAsync(Account, Variable()))).Type, Is.Not.Null);

    [Test]
    public async Task GetUserVariableAsync() =>
        Assert.That((await _prism.CallAsync(c => c.Pipelines.GetUserVariableAsync(Account, "{v1}"))).Type, Is.Not.Null);

    [Test]
    public async Task UpdateUserVariableAsync() =>
        Assert.That((await _prism.CallAsync(c => c.Pipelines.UpdateUserVariableAsync(Account, "{v1}", Variable()))).Type, Is.Not.Null);

    [Test]
    public async Task DeleteUserVariableAsync() =>
        await _prism.CallAsync(c => c.Pipelines.DeleteUserVariableAsync(Account, "{v1}"));
#pragma warning restore CS0618

    private static PipelineVariable Variable() => new() { Type = "pipeline_variable", Key = "NPM_TOKEN", Value = "npm_s3cr3t", Secured = true };

    private static DeploymentVariable DeploymentVariable() => new() { Type = "deployment_variable", Key = "AWS_REGION", Value = "eu-west-1", Secured = false };
}
