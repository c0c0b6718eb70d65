using System.Text.Json;
using Bitbucket;
using Bitbucket.Models;
using Bitbucket.Tests.Infrastructure;

namespace Bitbucket.Tests.Api;

public sealed class AddonApiTests : ApiTestBase
{
    private IAddonApi Addon => Api<IAddonApi>();

    [Test]
    public async Task Delete_SendsDelete()
    {
        Answer(204);

        await Addon.DeleteAsync();

        AssertSent("DELETE", "/2.0/addon");
    }

    [Test]
    public async Task Update_WithNothing_SendsAnEmptyObject()
    {
        Answer(204);

        await Addon.UpdateAsync(new AddonUpdate());

        Assert.Multiple(() =>
        {
            AssertSent("PUT", "/2.0/addon");
            Assert.That(SentText(), Is.EqualTo("{}"));
        });
    }

    [Test]
    public async Task Update_WithADescriptor_SendsItAsJson()
    {
        Answer(204);
        const string descriptor = """{"key":"my-connect-app-key","name":"My app","baseUrl":"https://app.example.com","forgeAppId":"ari:cloud:ecosystem::app/1234","modules":{"webhooks":[{"event":"repo:push","url":"/push"}]}}""";

        await Addon.UpdateAsync(new AddonUpdate { Descriptor = JsonElement.Parse(descriptor) });

        Assert.Multiple(() =>
        {
            AssertSent("PUT", "/2.0/addon");
            using var sent = JsonDocument.Parse(SentText());
            Assert.That(sent.RootElement.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "descriptor" }));
            Assert.That(sent.RootElement.GetProperty("descriptor").GetRawText(), Is.EqualTo(descriptor), "the descriptor keeps its own camelCase names");
        });
    }

    [Test]
    public async Task Update_WithADescriptorUrl_SendsOnlyThat()
    {
        Answer(204);

        await Addon.UpdateAsync(new AddonUpdate { DescriptorUrl = "https://app.example.com/atlassian-connect.json" });

        Assert.Multiple(() =>
        {
            AssertSent("PUT", "/2.0/addon");
            Assert.That(SentText(), Is.EqualTo("""{"descriptor_url":"https://app.example.com/atlassian-connect.json"}"""));
        });
    }

    [TestCase("connect-client-key-7f3a", "text/plain")]
    [TestCase("""{"client_key":"connect-client-key-7f3a"}""", "application/json")]
    public async Task GetClientKey_ReturnsTheBodyAsSent(string body, string contentType)
    {
        Answer(200, body, contentType);

        var key = await Addon.GetClientKeyAsync("my-connect/app key");

        Assert.Multiple(() =>
        {
            AssertSent("GET", "/2.0/addon/my-connect%2Fapp%20key/client-key");
            Assert.That(key, Is.EqualTo(body));
        });
    }
}
