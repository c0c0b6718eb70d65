using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitbucket;
using Bitbucket.Models;
using Bitbucket.Tests.Infrastructure;

namespace Bitbucket.Tests.Api;

public sealed class PropertiesApiTests : ApiTestBase
{
    private const string PropertyJson = """
        {"_attributes":["public","read_only"],"jira_issue":"BB-42","build_count":3,"flaky":false,"owners":["ann","bob"],"last":{"hash":"db9ba1e0","at":"2024-06-01T12:00:00Z"},"note":null}
        """;

    private IPropertiesApi Properties => Api<IPropertiesApi>();

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
        Answer(200, PropertyJson);

        var property = target switch
        {
            Target.Repository => await Properties.GetRepositoryPropertyAsync("my-workspace", "my-repo", "my-app", "build info"),
            Target.Commit => await Properties.GetCommitPropertyAsync("my-workspace", "my-repo", "db9ba1e031d07a02603eae0e559a7adc010257fc", "my-app", "build info"),
            Target.PullRequest => await Properties.GetPullRequestPropertyAsync("my-workspace", "my-repo", 17, "my-app", "build info"),
            _ => await Properties.GetUserPropertyAsync("{d301aafa-d676-4ee0-88be-962be7417567}", "my-app", "build info"),
        };

        Assert.Multiple(() =>
        {
            AssertSent("GET", rawTarget);
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
        Answer(204, null);
        var read = JsonSerializer.Deserialize(PropertyJson, Serialization.BitbucketJsonContext.Default.ApplicationProperty)!;

        switch (target)
        {
            case Target.Repository:
                await Properties.UpdateRepositoryPropertyAsync("my-workspace", "my-repo", "my-app", "build/info", read);
                break;
            case Target.Commit:
                await Properties.UpdateCommitPropertyAsync("my-workspace", "my-repo", "db9ba1e031d07a02603eae0e559a7adc010257fc", "my-app", "build/info", read);
                break;
            case Target.PullRequest:
                await Properties.UpdatePullRequestPropertyAsync("my-workspace", "my-repo", 17, "my-app", "build/info", read);
                break;
            default:
                await Properties.UpdateUserPropertyAsync("557058:3aae1e05-702a-41e5-81c8-f36f29afb6ca", "my-app", "build/info", read);
                break;
        }

        var request = Mock.Requests.Single().RequestMessage!;
        var sent = JsonNode.Parse(request.Body ?? Encoding.UTF8.GetString(request.BodyAsBytes ?? []));
        Assert.Multiple(() =>
        {
            AssertSent("PUT", rawTarget);
            Assert.That(JsonNode.DeepEquals(sent, JsonNode.Parse(PropertyJson)), Is.True, $"sent {sent?.ToJsonString()}");
        });
    }

    [Test]
    public async Task Update_SendsAValueBuiltInCode()
    {
        Answer(204, null);

        await Properties.UpdateRepositoryPropertyAsync("my-workspace", "my-repo", "my-app", "settings", new ApplicationProperty
        {
            Attributes = [ApplicationPropertyAttribute.Public],
            AdditionalProperties = new Dictionary<string, JsonElement>
            {
                ["enabled"] = JsonElement.Parse("true"),
                ["threshold"] = JsonElement.Parse("0.75"),
            },
        });

        var request = Mock.Requests.Single().RequestMessage!;
        Assert.That(request.Body, Is.EqualTo("""{"_attributes":["public"],"enabled":true,"threshold":0.75}"""));
    }

    [TestCase(Target.Repository, "/2.0/repositories/my-workspace/my-repo/properties/my-app/build")]
    [TestCase(Target.Commit, "/2.0/repositories/my-workspace/my-repo/commit/db9ba1e0/properties/my-app/build")]
    [TestCase(Target.PullRequest, "/2.0/repositories/my-workspace/my-repo/pullrequests/17/properties/my-app/build")]
    [TestCase(Target.User, "/2.0/users/ann/properties/my-app/build")]
    public async Task Delete_SendsDelete(Target target, string rawTarget)
    {
        Answer(204, null);

        await (target switch
        {
            Target.Repository => Properties.DeleteRepositoryPropertyAsync("my-workspace", "my-repo", "my-app", "build"),
            Target.Commit => Properties.DeleteCommitPropertyAsync("my-workspace", "my-repo", "db9ba1e0", "my-app", "build"),
            Target.PullRequest => Properties.DeletePullRequestPropertyAsync("my-workspace", "my-repo", 17, "my-app", "build"),
            _ => Properties.DeleteUserPropertyAsync("ann", "my-app", "build"),
        });

        AssertSent("DELETE", rawTarget);
    }
}
