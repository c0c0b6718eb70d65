using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitbucket.Refit.Api;
using Bitbucket.Refit.Models;
using Bitbucket.Refit.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Bitbucket.Refit.Tests.Api;

public sealed class PropertiesApiTests
{
    private const string PropertyJson = """
        {"_attributes":["public","read_only"],"jira_issue":"BB-42","build_count":3,"flaky":false,"owners":["ann","bob"],"last":{"hash":"db9ba1e0","at":"2024-06-01T12:00:00Z"},"note":null}
        """;

    private MockBitbucket _mock = null!;
    private ServiceProvider _services = null!;
    private IPropertiesApi _properties = null!;

    [SetUp]
    public void SetUp()
    {
        _mock = MockBitbucket.Start();
        _services = _mock.CreateServices(b => b.WithAccessToken("t"));
        _properties = _services.GetRequiredService<IPropertiesApi>();
    }

    [TearDown]
    public void TearDown()
    {
        _services.Dispose();
        _mock.Dispose();
    }

    public enum Target
    {
        Repository,
        Commit,
        PullRequest,
        User,
    }

    [TestCase(Target.Repository, "/2.0/repositories/my-workspace/my-repo/properties/my-app/build%20info")]
    [TestCase(Target.Commit, "/2.0/repositories/my-workspace/my-repo/commit/db9ba1e031d07a02603eae0e559a7adc010257fc/properties/my-app/build%20info")]
    [TestCase(Target.PullRequest, "/2.0/repositories/my-workspace/my-repo/pullrequests/17/properties/my-app/build%20info")]
    [TestCase(Target.User, "/2.0/users/%7Bd301aafa-d676-4ee0-88be-962be7417567%7D/properties/my-app/build%20info")]
    public async Task Get_ReadsTheFreeFormValue(Target target, string rawTarget)
    {
        AnswerAll(200, PropertyJson);

        var property = target switch
        {
            Target.Repository => await _properties.GetRepositoryPropertyAsync("my-workspace", "my-repo", "my-app", "build info"),
            Target.Commit => await _properties.GetCommitPropertyAsync("my-workspace", "my-repo", "db9ba1e031d07a02603eae0e559a7adc010257fc", "my-app", "build info"),
            Target.PullRequest => await _properties.GetPullRequestPropertyAsync("my-workspace", "my-repo", 17, "my-app", "build info"),
            _ => await _properties.GetUserPropertyAsync("{d301aafa-d676-4ee0-88be-962be7417567}", "my-app", "build info"),
        };

        Assert.Multiple(() =>
        {
            AssertSingle("GET", rawTarget);
            Assert.That(property.Attributes, Is.EqualTo(new[] { ApplicationPropertyAttribute.Public, ApplicationPropertyAttribute.ReadOnly }));
            var fields = property.AdditionalProperties!;
            Assert.That(fields.Keys, Is.EquivalentTo(new[] { "jira_issue", "build_count", "flaky", "owners", "last", "note" }));
            Assert.That(fields["jira_issue"].GetString(), Is.EqualTo("BB-42"));
            Assert.That(fields["build_count"].GetInt32(), Is.EqualTo(3));
            Assert.That(fields["flaky"].GetBoolean(), Is.False);
            Assert.That(fields["owners"].EnumerateArray().Select(o => o.GetString()), Is.EqualTo(new[] { "ann", "bob" }));
            Assert.That(fields["last"].GetProperty("hash").GetString(), Is.EqualTo("db9ba1e0"));
            Assert.That(fields["note"].ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [TestCase(Target.Repository, "/2.0/repositories/my-workspace/my-repo/properties/my-app/build%2Finfo")]
    [TestCase(Target.Commit, "/2.0/repositories/my-workspace/my-repo/commit/db9ba1e031d07a02603eae0e559a7adc010257fc/properties/my-app/build%2Finfo")]
    [TestCase(Target.PullRequest, "/2.0/repositories/my-workspace/my-repo/pullrequests/17/properties/my-app/build%2Finfo")]
    [TestCase(Target.User, "/2.0/users/557058:3aae1e05-702a-41e5-81c8-f36f29afb6ca/properties/my-app/build%2Finfo")]
    public async Task Update_PutsTheValue_AndItRoundTrips(Target target, string rawTarget)
    {
        AnswerAll(204, null);
        var read = JsonSerializer.Deserialize(PropertyJson, Serialization.BitbucketJsonContext.Default.ApplicationProperty)!;

        switch (target)
        {
            case Target.Repository:
                await _properties.UpdateRepositoryPropertyAsync("my-workspace", "my-repo", "my-app", "build/info", read);
                break;
            case Target.Commit:
                await _properties.UpdateCommitPropertyAsync("my-workspace", "my-repo", "db9ba1e031d07a02603eae0e559a7adc010257fc", "my-app", "build/info", read);
                break;
            case Target.PullRequest:
                await _properties.UpdatePullRequestPropertyAsync("my-workspace", "my-repo", 17, "my-app", "build/info", read);
                break;
            default:
                await _properties.UpdateUserPropertyAsync("557058:3aae1e05-702a-41e5-81c8-f36f29afb6ca", "my-app", "build/info", read);
                break;
        }

        var request = _mock.Requests.Single().RequestMessage!;
        var sent = JsonNode.Parse(request.Body ?? Encoding.UTF8.GetString(request.BodyAsBytes ?? []));
        Assert.Multiple(() =>
        {
            AssertSingle("PUT", rawTarget);
            Assert.That(JsonNode.DeepEquals(sent, JsonNode.Parse(PropertyJson)), Is.True, $"sent {sent?.ToJsonString()}");
        });
    }

    [Test]
    public async Task Update_SendsAValueBuiltInCode()
    {
        AnswerAll(204, null);

        await _properties.UpdateRepositoryPropertyAsync("my-workspace", "my-repo", "my-app", "settings", new ApplicationProperty
        {
            Attributes = [ApplicationPropertyAttribute.Public],
            AdditionalProperties = new Dictionary<string, JsonElement>
            {
                ["enabled"] = JsonElement.Parse("true"),
                ["threshold"] = JsonElement.Parse("0.75"),
            },
        });

        var request = _mock.Requests.Single().RequestMessage!;
        Assert.That(request.Body, Is.EqualTo("""{"_attributes":["public"],"enabled":true,"threshold":0.75}"""));
    }

    [TestCase(Target.Repository, "/2.0/repositories/my-workspace/my-repo/properties/my-app/build")]
    [TestCase(Target.Commit, "/2.0/repositories/my-workspace/my-repo/commit/db9ba1e0/properties/my-app/build")]
    [TestCase(Target.PullRequest, "/2.0/repositories/my-workspace/my-repo/pullrequests/17/properties/my-app/build")]
    [TestCase(Target.User, "/2.0/users/ann/properties/my-app/build")]
    public async Task Delete_SendsDelete(Target target, string rawTarget)
    {
        AnswerAll(204, null);

        await (target switch
        {
            Target.Repository => _properties.DeleteRepositoryPropertyAsync("my-workspace", "my-repo", "my-app", "build"),
            Target.Commit => _properties.DeleteCommitPropertyAsync("my-workspace", "my-repo", "db9ba1e0", "my-app", "build"),
            Target.PullRequest => _properties.DeletePullRequestPropertyAsync("my-workspace", "my-repo", 17, "my-app", "build"),
            _ => _properties.DeleteUserPropertyAsync("ann", "my-app", "build"),
        });

        AssertSingle("DELETE", rawTarget);
    }

    private void AnswerAll(int status, string? body)
    {
        var response = Response.Create().WithStatusCode(status);
        if (body is not null)
        {
            response = response.WithHeader("Content-Type", "application/json").WithBody(body);
        }

        _mock.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(response);
    }

    private void AssertSingle(string method, string rawTarget)
    {
        Assert.That(_mock.Requests, Has.Count.EqualTo(1));
        Assert.That(_mock.Requests[0].RequestMessage!.Method, Is.EqualTo(method));
        Assert.That(_mock.RawTargets[0], Is.EqualTo(rawTarget));
    }
}
