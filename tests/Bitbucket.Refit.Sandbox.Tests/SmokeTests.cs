using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Bitbucket.Refit.Sandbox.Tests;

[TestFixture]
public sealed class SmokeTests
{
    [Test]
    public async Task ServesTheCurrentUserWithAnApiToken()
    {
        await using var sandbox = await BitbucketSandbox.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.ApiBaseAddress };
        var user = sandbox.Seed.User;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user.Email + ":" + user.ApiToken)));
        foreach (var path in new[] { "user", "user/workspaces", "repositories/analytical-engines", "repositories/analytical-engines/difference-engine/pullrequests", "repositories/analytical-engines/difference-engine/commits?pagelen=3", "repositories/analytical-engines/difference-engine/refs/branches/feature%2Fbernoulli-numbers" })
        {
            using var response = await http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            TestContext.Out.WriteLine($"{path} -> {(int)response.StatusCode}: {body[..Math.Min(body.Length, 600)]}");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        }
    }
}
