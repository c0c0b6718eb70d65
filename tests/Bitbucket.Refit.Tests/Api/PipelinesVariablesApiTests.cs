using System.Reflection;
using Bitbucket;
using Bitbucket.Models;

namespace Bitbucket.Tests.Api;

/// <summary>Variables of repositories, deployment environments, workspaces, and the deprecated team and user ones.</summary>
public sealed class PipelinesVariablesApiTests : PipelinesApiTestBase
{
    private const string Workspace = "/2.0/workspaces/acme/pipelines-config/variables";
    private const string Team = "/2.0/teams/acme/pipelines_config/variables";
    private const string User = "/2.0/users/%7Bd301aafa-d676-4ee0-88be-962be7417567%7D/pipelines_config/variables";
    private const string AccountUuid = "{d301aafa-d676-4ee0-88be-962be7417567}";
    private const string Environment = Repo + "/deployments_config/environments/%7Benv-1%7D/variables";

#pragma warning disable CS0618 // the team and user variables are deprecated, and still tested
    private static IEnumerable<TestCaseData> Lists()
    {
        yield return Case("ListVariables", a => a.ListVariables("acme", "widgets"), Repo + "/pipelines_config/variables");
        yield return Case("ListWorkspaceVariables", a => a.ListWorkspaceVariables("acme"), Workspace);
        yield return Case("ListTeamVariables", a => a.ListTeamVariables("acme"), Team);
        yield return Case("ListUserVariables", a => a.ListUserVariables(AccountUuid), User);

        static TestCaseData Case(string name, Func<IPipelinesApi, IAsyncEnumerable<PipelineVariable>> list, string target) =>
            new TestCaseData(list, target).SetArgDisplayNames(name);
    }

    private static IEnumerable<TestCaseData> Writes()
    {
        yield return Case("CreateVariableAsync", (a, v) => a.CreateVariableAsync("acme", "widgets", v), "POST", Repo + "/pipelines_config/variables");
        yield return Case("UpdateVariableAsync", (a, v) => a.UpdateVariableAsync("acme", "widgets", "{v1}", v), "PUT", Repo + "/pipelines_config/variables/%7Bv1%7D");
        yield return Case("CreateWorkspaceVariableAsync", (a, v) => a.CreateWorkspaceVariableAsync("acme", v), "POST", Workspace);
        yield return Case("UpdateWorkspaceVariableAsync", (a, v) => a.UpdateWorkspaceVariableAsync("acme", "{v1}", v), "PUT", Workspace + "/%7Bv1%7D");
        yield return Case("CreateTeamVariableAsync", (a, v) => a.CreateTeamVariableAsync("acme", v), "POST", Team);
        yield return Case("UpdateTeamVariableAsync", (a, v) => a.UpdateTeamVariableAsync("acme", "{v1}", v), "PUT", Team + "/%7Bv1%7D");
        yield return Case("CreateUserVariableAsync", (a, v) => a.CreateUserVariableAsync(AccountUuid, v), "POST", User);
        yield return Case("UpdateUserVariableAsync", (a, v) => a.UpdateUserVariableAsync(AccountUuid, "{v1}", v), "PUT", User + "/%7Bv1%7D");

        static TestCaseData Case(string name, Func<IPipelinesApi, PipelineVariable, Task<PipelineVariable>> write, string method, string target) =>
            new TestCaseData(write, method, target).SetArgDisplayNames(name);
    }

    private static IEnumerable<TestCaseData> Gets()
    {
        yield return Case("GetVariableAsync", a => a.GetVariableAsync("acme", "widgets", "{v1}"), Repo + "/pipelines_config/variables/%7Bv1%7D");
        yield return Case("GetWorkspaceVariableAsync", a => a.GetWorkspaceVariableAsync("acme", "{v1}"), Workspace + "/%7Bv1%7D");
        yield return Case("GetTeamVariableAsync", a => a.GetTeamVariableAsync("acme", "{v1}"), Team + "/%7Bv1%7D");
        yield return Case("GetUserVariableAsync", a => a.GetUserVariableAsync(AccountUuid, "{v1}"), User + "/%7Bv1%7D");

        static TestCaseData Case(string name, Func<IPipelinesApi, Task<PipelineVariable>> get, string target) =>
            new TestCaseData(get, target).SetArgDisplayNames(name);
    }

    private static IEnumerable<TestCaseData> Deletes()
    {
        yield return Case("DeleteVariableAsync", a => a.DeleteVariableAsync("acme", "widgets", "{v1}"), Repo + "/pipelines_config/variables/%7Bv1%7D");
        yield return Case("DeleteWorkspaceVariableAsync", a => a.DeleteWorkspaceVariableAsync("acme", "{v1}"), Workspace + "/%7Bv1%7D");
        yield return Case("DeleteTeamVariableAsync", a => a.DeleteTeamVariableAsync("acme", "{v1}"), Team + "/%7Bv1%7D");
        yield return Case("DeleteUserVariableAsync", a => a.DeleteUserVariableAsync(AccountUuid, "{v1}"), User + "/%7Bv1%7D");
        yield return Case("DeleteDeploymentVariableAsync", a => a.DeleteDeploymentVariableAsync("acme", "widgets", "{env-1}", "{v1}"), Environment + "/%7Bv1%7D");

        static TestCaseData Case(string name, Func<IPipelinesApi, Task> delete, string target) =>
            new TestCaseData(delete, target).SetArgDisplayNames(name);
    }
#pragma warning restore CS0618

    [TestCaseSource(nameof(Lists))]
    public async Task Lists_ReadPlainAndSecuredVariables(Func<IPipelinesApi, IAsyncEnumerable<PipelineVariable>> list, string target)
    {
        Answer(200, PageOf(VariableJson, SecuredVariableJson));

        var variables = await ToListAsync(list(Pipelines));

        AssertSent("GET", target);
        Assert.Multiple(() =>
        {
            Assert.That(variables[0].Type, Is.EqualTo("pipeline_variable"));
            Assert.That(variables[0].Key, Is.EqualTo("API_URL"));
            Assert.That(variables[0].Value, Is.EqualTo("https://staging.example.com"));
            Assert.That(variables[0].Secured, Is.False);
            Assert.That(variables[1].Key, Is.EqualTo("NPM_TOKEN"));
            Assert.That(variables[1].Value, Is.Null);
            Assert.That(variables[1].Secured, Is.True);
        });
    }

    [TestCaseSource(nameof(Writes))]
    public async Task Writes_SendKeyValueAndSecured_AndReadTheVariable(Func<IPipelinesApi, PipelineVariable, Task<PipelineVariable>> write, string method, string target)
    {
        Answer(method == "POST" ? 201 : 200, SecuredVariableJson);

        var variable = await write(Pipelines, new PipelineVariable { Type = "pipeline_variable", Key = "NPM_TOKEN", Value = "npm_s3cr3t", Secured = true });

        AssertSent(method, target);
        Assert.Multiple(() =>
        {
            Assert.That(SentJson().ToJsonString(), Is.EqualTo("""{"type":"pipeline_variable","key":"NPM_TOKEN","value":"npm_s3cr3t","secured":true}"""));
            Assert.That(variable.Uuid, Is.EqualTo("{c2d3e4f5-3333-4e5f-8a9b-0c1d2e3f4a5b}"));
            Assert.That(variable.Secured, Is.True);
        });
    }

    [TestCaseSource(nameof(Gets))]
    public async Task Gets_ReadTheVariable(Func<IPipelinesApi, Task<PipelineVariable>> get, string target)
    {
        Answer(200, VariableJson);

        var variable = await get(Pipelines);

        AssertSent("GET", target);
        Assert.Multiple(() =>
        {
            Assert.That(variable.Uuid, Is.EqualTo("{a0b1c2d3-2222-4e5f-8a9b-0c1d2e3f4a5b}"));
            Assert.That(variable.Key, Is.EqualTo("API_URL"));
            Assert.That(variable.Value, Is.EqualTo("https://staging.example.com"));
        });
    }

    [TestCaseSource(nameof(Deletes))]
    public async Task Deletes_SendDelete(Func<IPipelinesApi, Task> delete, string target)
    {
        Answer(204);

        await delete(Pipelines);

        AssertSent("DELETE", target);
    }

    [Test]
    public async Task ListDeploymentVariables_ReadsTheVariables()
    {
        Answer(200, PageOf("""{"type": "deployment_variable", "uuid": "{d1}", "key": "AWS_REGION", "value": "eu-west-1", "secured": false}"""));

        var variables = await ToListAsync(Pipelines.ListDeploymentVariables("acme", "widgets", "{env-1}"));

        AssertSent("GET", Environment);
        Assert.Multiple(() =>
        {
            Assert.That(variables.Single().Type, Is.EqualTo("deployment_variable"));
            Assert.That(variables.Single().Value, Is.EqualTo("eu-west-1"));
        });
    }

    [Test]
    public async Task CreateDeploymentVariableAsync_PostsTheVariable()
    {
        Answer(201, """{"type": "deployment_variable", "uuid": "{d2}", "key": "AWS_SECRET_ACCESS_KEY", "secured": true}""");

        var variable = await Pipelines.CreateDeploymentVariableAsync("acme", "widgets", "{env-1}", new DeploymentVariable { Type = "deployment_variable", Key = "AWS_SECRET_ACCESS_KEY", Value = "wJalrXUtnFEMI", Secured = true });

        AssertSent("POST", Environment);
        Assert.Multiple(() =>
        {
            Assert.That(SentJson().ToJsonString(), Is.EqualTo("""{"type":"deployment_variable","key":"AWS_SECRET_ACCESS_KEY","value":"wJalrXUtnFEMI","secured":true}"""));
            Assert.That(variable.Uuid, Is.EqualTo("{d2}"));
            Assert.That(variable.Value, Is.Null);
        });
    }

    [Test]
    public async Task UpdateDeploymentVariableAsync_PutsTheVariable()
    {
        Answer(200, """{"type": "deployment_variable", "uuid": "{d1}", "key": "AWS_REGION", "value": "us-east-1", "secured": false}""");

        var variable = await Pipelines.UpdateDeploymentVariableAsync("acme", "widgets", "{env-1}", "{d1}", new DeploymentVariable { Type = "deployment_variable", Key = "AWS_REGION", Value = "us-east-1" });

        AssertSent("PUT", Environment + "/%7Bd1%7D");
        Assert.Multiple(() =>
        {
            Assert.That(SentJson().ToJsonString(), Is.EqualTo("""{"type":"deployment_variable","key":"AWS_REGION","value":"us-east-1"}"""));
            Assert.That(variable.Value, Is.EqualTo("us-east-1"));
        });
    }

    [Test]
    public void SecuredValues_AreNeverPrinted()
    {
        var pipelineVariable = new PipelineVariable { Key = "NPM_TOKEN", Value = "npm_s3cr3t", Secured = true };
        var deploymentVariable = new DeploymentVariable { Key = "AWS_SECRET_ACCESS_KEY", Value = "wJalrXUtnFEMI", Secured = true };
        var plain = new PipelineVariable { Key = "API_URL", Value = "https://staging.example.com", Secured = false };
        var run = new Pipeline { Variables = [pipelineVariable] };

        Assert.Multiple(() =>
        {
            Assert.That(pipelineVariable.ToString(), Does.Not.Contain("npm_s3cr3t").And.Contain("NPM_TOKEN").And.Contain("Value = ***"));
            Assert.That(deploymentVariable.ToString(), Does.Not.Contain("wJalrXUtnFEMI").And.Contain("Value = ***"));
            Assert.That(plain.ToString(), Does.Contain("https://staging.example.com"));
            Assert.That(run.ToString(), Does.Not.Contain("npm_s3cr3t"));
        });
    }

    [TestCase(nameof(IPipelinesApi.ListTeamVariables), nameof(IPipelinesApi.ListWorkspaceVariables))]
    [TestCase(nameof(IPipelinesApi.CreateTeamVariableAsync), nameof(IPipelinesApi.CreateWorkspaceVariableAsync))]
    [TestCase(nameof(IPipelinesApi.GetTeamVariableAsync), nameof(IPipelinesApi.GetWorkspaceVariableAsync))]
    [TestCase(nameof(IPipelinesApi.UpdateTeamVariableAsync), nameof(IPipelinesApi.UpdateWorkspaceVariableAsync))]
    [TestCase(nameof(IPipelinesApi.DeleteTeamVariableAsync), nameof(IPipelinesApi.DeleteWorkspaceVariableAsync))]
    [TestCase(nameof(IPipelinesApi.ListUserVariables), nameof(IPipelinesApi.ListWorkspaceVariables))]
    [TestCase(nameof(IPipelinesApi.CreateUserVariableAsync), nameof(IPipelinesApi.CreateWorkspaceVariableAsync))]
    [TestCase(nameof(IPipelinesApi.GetUserVariableAsync), nameof(IPipelinesApi.GetWorkspaceVariableAsync))]
    [TestCase(nameof(IPipelinesApi.UpdateUserVariableAsync), nameof(IPipelinesApi.UpdateWorkspaceVariableAsync))]
    [TestCase(nameof(IPipelinesApi.DeleteUserVariableAsync), nameof(IPipelinesApi.DeleteWorkspaceVariableAsync))]
    public void DeprecatedVariables_AreObsolete_NamingTheWorkspaceReplacement(string method, string replacement)
    {
        var obsolete = typeof(IPipelinesApi).GetMethod(method)!.GetCustomAttribute<ObsoleteAttribute>();

        Assert.Multiple(() =>
        {
            Assert.That(obsolete, Is.Not.Null);
            Assert.That(obsolete!.Message, Does.Contain("use " + replacement + " instead"));
            Assert.That(typeof(IPipelinesApi).GetMethod(replacement)!.GetCustomAttribute<ObsoleteAttribute>(), Is.Null);
        });
    }
}
