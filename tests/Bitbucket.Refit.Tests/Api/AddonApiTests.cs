using System.Text;
using System.Text.Json;
using Bitbucket.Refit.Api;
using Bitbucket.Refit.Models;
using Bitbucket.Refit.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Bitbucket.Refit.Tests.Api;

public sealed class AddonApiTests
{
    private MockBitbucket _mock = null!;
    private ServiceProvider _services = null!;
    private IAddonApi _addon = null!;

    [SetUp]
    public void SetUp()
    {
        _mock = MockBitbucket.Start();
        _services = _mock.CreateServices(b => b.WithAccessToken("t"));
        _addon = _services.GetRequiredService<IAddonApi>();
    }

    [TearDown]
    public void TearDown()
    {
        _services.Dispose();
        _mock.Dispose();
    }

    [Test]
    public async Task Delete_SendsDelete()
    {
        AnswerAll(204, null, null);

        await _addon.DeleteAsync();

        AssertSingle("DELETE", "/2.0/addon");
    }

    [Test]
    public async Task Update_WithNothing_SendsAnEmptyObject()
    {
        AnswerAll(204, null, null);

        await _addon.UpdateAsync(new AddonUpdate());

        Assert.Multiple(() =>
        {
            AssertSingle("PUT", "/2.0/addon");
            Assert.That(SentBody(), Is.EqualTo("{}"));
        });
    }

    [Test]
    public async Task Update_WithADescriptor_SendsItAsJson()
    {
        AnswerAll(204, null, null);
        const string descriptor = """{"key":"my-connect-app-key","name":"My app","baseUrl":"https://app.example.com","forgeAppId":"ari:cloud:ecosystem::app/1234","modules":{"webhooks":[{"event":"repo:push","url":"/push"}]}}""";

        await _addon.UpdateAsync(new AddonUpdate { Descriptor = JsonElement.Parse(descriptor) });

        Assert.Multiple(() =>
        {
            AssertSingle("PUT", "/2.0/addon");
            using var sent = JsonDocument.Parse(SentBody());
            Assert.That(sent.RootElement.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "descriptor" }));
            Assert.That(sent.RootElement.GetProperty("descriptor").GetRawText(), Is.EqualTo(descriptor), "the descriptor keeps its own camelCase names");
        });
    }

    [Test]
    public async Task Update_WithADescriptorUrl_SendsOnlyThat()
    {
        AnswerAll(204, null, null);

        await _addon.UpdateAsync(new AddonUpdate { DescriptorUrl = "https://app.example.com/atlassian-connect.json" });

        Assert.Multiple(() =>
        {
            AssertSingle("PUT", "/2.0/addon");
            Assert.That(SentBody(), Is.EqualTo("""{"descriptor_url":"https://app.example.com/atlassian-connect.json"}"""));
        });
    }

    [TestCase("connect-client-key-7f3a", "text/plain")]
    [TestCase("""{"client_key":"connect-client-key-7f3a"}""", "application/json")]
    public async Task GetClientKey_ReturnsTheBodyAsSent(string body, string contentType)
    {
        AnswerAll(200, body, contentType);

        var key = await _addon.GetClientKeyAsync("my-connect/app key");

        Assert.Multiple(() =>
        {
            AssertSingle("GET", "/2.0/addon/my-connect%2Fapp%20key/client-key");
            Assert.That(key, Is.EqualTo(body));
        });
    }

    private void AnswerAll(int status, string? body, string? contentType)
    {
        var response = Response.Create().WithStatusCode(status);
        if (body is not null)
        {
            response = response.WithHeader("Content-Type", contentType!).WithBody(body);
        }

        _mock.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(response);
    }

    private string SentBody()
    {
        var request = _mock.Requests.Single().RequestMessage!;
        return request.Body ?? Encoding.UTF8.GetString(request.BodyAsBytes ?? []);
    }

    private void AssertSingle(string method, string rawTarget)
    {
        Assert.That(_mock.Requests, Has.Count.EqualTo(1));
        Assert.That(_mock.Requests[0].RequestMessage!.Method, Is.EqualTo(method));
        Assert.That(_mock.RawTargets[0], Is.EqualTo(rawTarget));
    }
}
