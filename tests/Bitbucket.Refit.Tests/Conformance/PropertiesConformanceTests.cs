using System.Text.Json;
using Bitbucket.Models;

namespace Bitbucket.Tests.Conformance;

[Category("Conformance")]
public sealed class PropertiesConformanceTests
{
    private const string Hash = "db9ba1e031d07a02603eae0e559a7adc010257fc";

    private static ApplicationProperty Value => new()
    {
        Attributes = [ApplicationPropertyAttribute.Public],
        AdditionalProperties = new Dictionary<string, JsonElement> { ["jira_issue"] = JsonElement.Parse("\"BB-42\""), ["build_count"] = JsonElement.Parse("3") },
    };

    [Test]
    public async Task GetRepositoryProperty()
    {
        var prism = await PrismServer.GetAsync();
        var property = await prism.CallAsync(c => c.Properties.GetRepositoryPropertyAsync("my-workspace", "my-repo", "my-app", "build"));
        Assert.That(property, Is.Not.Null);
    }

    [Test]
    public async Task UpdateRepositoryProperty()
    {
        var prism = await PrismServer.GetAsync();
        await prism.CallAsync(c => c.Properties.UpdateRepositoryPropertyAsync("my-workspace", "my-repo", "my-app", "build", Value));
    }

    [Test]
    public async Task DeleteRepositoryProperty()
    {
        var prism = await PrismServer.GetAsync();
        await prism.CallAsync(c => c.Properties.DeleteRepositoryPropertyAsync("my-workspace", "my-repo", "my-app", "build"));
    }

    [Test]
    public async Task GetCommitProperty()
    {
        var prism = await PrismServer.GetAsync();
        var property = await prism.CallAsync(c => c.Properties.GetCommitPropertyAsync("my-workspace", "my-repo", Hash, "my-app", "build"));
        Assert.That(property, Is.Not.Null);
    }

    [Test]
    public async Task UpdateCommitProperty()
    {
        var prism = await PrismServer.GetAsync();
        await prism.CallAsync(c => c.Properties.UpdateCommitPropertyAsync("my-workspace", "my-repo", Hash, "my-app", "build", Value));
    }

    [Test]
    public async Task DeleteCommitProperty()
    {
        var prism = await PrismServer.GetAsync();
        await prism.CallAsync(c => c.Properties.DeleteCommitPropertyAsync("my-workspace", "my-repo", Hash, "my-app", "build"));
    }

    [Test]
    public async Task GetPullRequestProperty()
    {
        var prism = await PrismServer.GetAsync();
        var property = await prism.CallAsync(c => c.Properties.GetPullRequestPropertyAsync("my-workspace", "my-repo", 17, "my-app", "build"));
        Assert.That(property, Is.Not.Null);
    }

    [Test]
    public async Task UpdatePullRequestProperty()
    {
        var prism = await PrismServer.GetAsync();
        await prism.CallAsync(c => c.Properties.UpdatePullRequestPropertyAsync("my-workspace", "my-repo", 17, "my-app", "build", Value));
    }

    [Test]
    public async Task DeletePullRequestProperty()
    {
        var prism = await PrismServer.GetAsync();
        await prism.CallAsync(c => c.Properties.DeletePullRequestPropertyAsync("my-workspace", "my-repo", 17, "my-app", "build"));
    }

    [Test]
    public async Task GetUserProperty()
    {
        var prism = await PrismServer.GetAsync();
        var property = await prism.CallAsync(c => c.Properties.GetUserPropertyAsync("{d301aafa-d676-4ee0-88be-962be7417567}", "my-app", "build"));
        Assert.That(property, Is.Not.Null);
    }

    [Test]
    public async Task UpdateUserProperty()
    {
        var prism = await PrismServer.GetAsync();
        await prism.CallAsync(c => c.Properties.UpdateUserPropertyAsync("{d301aafa-d676-4ee0-88be-962be7417567}", "my-app", "build", Value));
    }

    [Test]
    public async Task DeleteUserProperty()
    {
        var prism = await PrismServer.GetAsync();
        await prism.CallAsync(c => c.Properties.DeleteUserPropertyAsync("{d301aafa-d676-4ee0-88be-962be7417567}", "my-app", "build"));
    }
}
