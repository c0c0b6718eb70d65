// This file is a code block of the repository README.md, verbatim (ReadmeSnippetsTests checks it).
using System.Net;
using Bitbucket;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

public class ReviewQueueWireMockTests
{
    [Test]
    public async Task A_missing_repository_is_a_typed_404()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/2.0/repositories/ws/gone/pullrequests").UsingGet())
              .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", "application/json")
                  .WithBody("""{"type":"error","error":{"message":"Repository ws/gone not found"}}"""));
        var services = new ServiceCollection();
        services.AddBitbucket(o => o.BaseAddress = new Uri(server.Url + "/2.0/")).WithAccessToken("test-token");
        services.AddSingleton<ReviewQueue>();
        await using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsAsync<BitbucketNotFoundException>(
            () => provider.GetRequiredService<ReviewQueue>().OpenTitlesAsync("ws", "gone"));

        Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(error.Error?.Message, Is.EqualTo("Repository ws/gone not found"));
    }
}
